/**
 * Per-message state of the fast counter (one campaign × recipient), one
 * record of STRIDE float64 per message in a single growable Float64Array:
 * flags, machine-click reference time, re-delivery guard, the open burst
 * chain and the 24 h state of the first rows sit together, because messages
 * interleave in time and each event would otherwise miss the cache once per
 * field (and once more in a hash table per click).
 */
import type { Millis } from './model.ts';

export type EventId = string | number;

/** Record fields (offsets from m * STRIDE). */
export const FLAGS = 0; // message-tally.ts flags
export const REFERENCE_AT = 1; // first delivery, else first sending time; NaN: none yet
export const LAST_AT = 2; // re-delivery guard: latest timestamp applied
export const LAST_ID = 3; // ... and its first id, when ids are numbers
export const CHAIN_HEAD = 4; // open burst chain: first pending click (pool slot + 1; 0: none)
export const CHAIN_TAIL = 5;
export const CHAIN_LAST_AT = 6;
/**
 * The 24 h rule's state of the message's first INLINE_ROWS rows, inline:
 * pairs (row + 1, time of the last counted click); row 0 marks a free pair.
 * Further rows of the message go to a PairTable (rare: most messages click a few links).
 */
export const INLINE_ROWS_AT = 8;
export const INLINE_ROWS = 4;
export const STRIDE = 16;

export class MessageStore {
  records: Float64Array;
  /** Sink of the read-ahead loads (MessageIndex.touch): keeps the compiler from dropping them. */
  touched = 0;
  /** lastId when ids are strings (EmailEvent input). */
  readonly #lastStringId: string[] = [];
  /** Further ids at LAST_AT (rare: several events of one message in one millisecond). */
  readonly #moreIds = new Map<number, EventId[]>();
  #count = 0;

  constructor(capacity = 1024) {
    this.records = initialised(new Float64Array(Math.max(capacity, 1) * STRIDE), 0);
  }

  /** Messages addressed so far: indices 0 … count - 1 (untouched records have no flags). */
  get count(): number {
    return this.#count;
  }

  /** Allocates the next dense message index. */
  add(): number {
    const m = this.#count++;
    // 1.5×, not 2×: records are big (128 B), and old + new coexist while copying.
    if ((m + 1) * STRIDE > this.records.length) this.#grow(Math.ceil(m * 1.5));
    return m;
  }

  /** Makes indices 0 … n - 1 addressable at once (direct addressing by the caller). */
  reserve(n: number): void {
    if (n * STRIDE > this.records.length) this.#grow(n);
    this.#count = Math.max(this.#count, n);
  }

  /**
   * True when this event id was already applied to message m. Sorted input puts
   * a re-delivered event (same id, same time) next to its first copy, so only
   * the ids of the latest timestamp need remembering (as message-tally.ts).
   */
  isRedelivery(m: number, id: EventId, at: Millis): boolean {
    const r = this.records;
    const base = m * STRIDE;
    const numeric = typeof id === 'number';
    if (at !== r[base + LAST_AT]) {
      r[base + LAST_AT] = at;
      if (numeric) r[base + LAST_ID] = id;
      else this.#lastStringId[m] = id;
      if (this.#moreIds.size > 0) this.#moreIds.delete(m);
      return false;
    }
    if (numeric ? r[base + LAST_ID] === id : this.#lastStringId[m] === id) return true;
    const more = this.#moreIds.get(m);
    if (more?.includes(id)) return true;
    if (more) more.push(id);
    else this.#moreIds.set(m, [id]);
    return false;
  }

  #grow(capacity: number): void {
    const next = new Float64Array(capacity * STRIDE);
    next.set(this.records);
    this.records = initialised(next, this.records.length / STRIDE);
  }
}

/** Initial field values of records from `from` on (typed arrays start at 0). */
function initialised(records: Float64Array, from: number): Float64Array {
  for (let base = from * STRIDE; base < records.length; base += STRIDE) {
    records[base + REFERENCE_AT] = Number.NaN;
    records[base + LAST_AT] = Number.NEGATIVE_INFINITY;
  }
  return records;
}
