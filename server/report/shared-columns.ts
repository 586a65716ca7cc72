/**
 * EventColumns whose typed arrays live in SharedArrayBuffers, so that worker
 * threads read them in place: posting a typed array over an ordinary buffer
 * copies it into every worker.
 */
import type { EventColumns } from '../../utils/report/event-columns.ts';

type Column = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array;
type TypedArrayClass = new (buffer: SharedArrayBuffer, offset: number, length: number) => Column;

const COLUMN_FIELDS = [
  'type',
  'at',
  'campaign',
  'recipient',
  'detail',
  'link',
  'userAgent',
  'finalUrl',
  'id',
] as const;

export function isShared(column: Column): boolean {
  return column.buffer instanceof SharedArrayBuffer;
}

/** A typed array of the same type over a SharedArrayBuffer holding its first `length` values. */
export function sharedCopy<T extends Column>(column: T, length = column.length): T {
  const Class = column.constructor as TypedArrayClass;
  const copy = new Class(new SharedArrayBuffer(length * column.BYTES_PER_ELEMENT), 0, length);
  copy.set(column.subarray(0, length));
  return copy as T;
}

/** The columns as they are when already shared, else with each unshared array copied once. */
export function shareColumns(columns: EventColumns): EventColumns {
  const shared: Record<string, unknown> = { ...columns };
  for (const field of COLUMN_FIELDS) {
    const column = columns[field] as Column | undefined;
    if (column !== undefined && !isShared(column))
      shared[field] = sharedCopy(column, Math.min(column.length, columns.count));
  }
  return shared as unknown as EventColumns;
}
