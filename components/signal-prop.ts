/**
 * Props that may be a plain value or a signal: reading through `read` inside
 * a component subscribes it to the signal, so the content script can pass
 * either a fixed value or a live one (e.g. the page's colour scheme).
 */
import { Signal, type ReadonlySignal } from '@preact/signals';

export type MaybeSignal<T> = T | ReadonlySignal<T>;

export function read<T>(value: MaybeSignal<T>): T {
  return value instanceof Signal ? (value as ReadonlySignal<T>).value : (value as T);
}
