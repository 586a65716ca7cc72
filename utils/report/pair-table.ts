/**
 * An open-addressing hash table from a pair of non-negative int32 keys to a
 * float64 value, held in three typed arrays. It replaces string-keyed Maps on
 * the engine's hot path: no key strings, no per-entry objects, nothing for the
 * garbage collector to trace (the 24 h rule keeps one entry per message × row).
 */

const EMPTY = -1;
/** Grow when more than this share of the slots is used (linear probing stays short). */
const MAX_LOAD = 0.5;

export class PairTable {
  #a: Int32Array;
  #b: Int32Array;
  #values: Float64Array;
  #mask: number;
  #size = 0;

  constructor(initialCapacity = 1024) {
    let capacity = 16;
    while (capacity < initialCapacity / MAX_LOAD) capacity *= 2;
    this.#a = new Int32Array(capacity).fill(EMPTY);
    this.#b = new Int32Array(capacity);
    this.#values = new Float64Array(capacity);
    this.#mask = capacity - 1;
  }

  get size(): number {
    return this.#size;
  }

  /** Slot of (a, b) when present (>= 0), else `~slot` of the free slot where it would go. */
  find(a: number, b: number): number {
    const keysA = this.#a;
    const keysB = this.#b;
    const mask = this.#mask;
    let slot = hash(a, b) & mask;
    for (;;) {
      const k = keysA[slot]!;
      if (k === EMPTY) return ~slot;
      if (k === a && keysB[slot] === b) return slot;
      slot = (slot + 1) & mask;
    }
  }

  value(slot: number): number {
    return this.#values[slot]!;
  }

  setValue(slot: number, value: number): void {
    this.#values[slot] = value;
  }

  /** Inserts at a free slot returned (complemented) by `find`; slots move when the table grows. */
  insertAt(freeSlot: number, a: number, b: number, value: number): void {
    this.#a[freeSlot] = a;
    this.#b[freeSlot] = b;
    this.#values[freeSlot] = value;
    if (++this.#size > this.#a.length * MAX_LOAD) this.#grow();
  }

  /** Value of (a, b), or `missing`. */
  get(a: number, b: number, missing: number): number {
    const slot = this.find(a, b);
    return slot >= 0 ? this.#values[slot]! : missing;
  }

  set(a: number, b: number, value: number): void {
    const slot = this.find(a, b);
    if (slot >= 0) this.#values[slot] = value;
    else this.insertAt(~slot, a, b, value);
  }

  #grow(): void {
    const oldA = this.#a;
    const oldB = this.#b;
    const oldValues = this.#values;
    const capacity = oldA.length * 2;
    this.#a = new Int32Array(capacity).fill(EMPTY);
    this.#b = new Int32Array(capacity);
    this.#values = new Float64Array(capacity);
    this.#mask = capacity - 1;
    for (let i = 0; i < oldA.length; i++) {
      const a = oldA[i]!;
      if (a === EMPTY) continue;
      const slot = ~this.find(a, oldB[i]!);
      this.#a[slot] = a;
      this.#b[slot] = oldB[i]!;
      this.#values[slot] = oldValues[i]!;
    }
  }
}

/** Multiplicative mixing of both keys (murmur3 finaliser constants). */
function hash(a: number, b: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca6b);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return h ^ (h >>> 13);
}
