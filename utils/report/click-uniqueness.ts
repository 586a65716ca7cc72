/**
 * The 24 h uniqueness rule (click-rules.ts) as explicit keyed state, usable event by event.
 *
 * State per (message × link row): the time of the last COUNTED click. A click
 * counts when there is none yet, or when it is at least `windowMs` after the
 * last counted one (exactly 24 h counts again). Uncounted clicks do not move
 * the window, so a recipient clicking every hour is counted once a day, not once.
 * Clicks of one key must be presented in time order (see event-order.ts).
 */
import { countsAgain } from './click-rules.ts';
import type { Millis } from './model.ts';
import { DAY_MS } from './options.ts';

export class ClickUniqueness {
  readonly windowMs: Millis;
  readonly #lastCounted = new Map<string, Millis>();

  constructor(windowMs: Millis = DAY_MS) {
    this.windowMs = windowMs;
  }

  /** Decides one click and records it when counted. */
  decide(messageKey: string, rowKey: string, at: Millis): boolean {
    const key = `${messageKey}\u0001${rowKey}`;
    const last = this.#lastCounted.get(key);
    if (!countsAgain(last, at, this.windowMs)) return false;
    this.#lastCounted.set(key, at);
    return true;
  }

  /** Number of (message × row) keys held: the state's size. */
  get size(): number {
    return this.#lastCounted.size;
  }
}
