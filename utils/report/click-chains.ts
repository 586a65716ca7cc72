/**
 * Burst-chain holding for the fast counter: the same rules and the same
 * settle order as MachineClickDetector (machine-clicks.ts), with pending
 * clicks in a pooled set of typed arrays (linked lists per message) instead of
 * one object per click. A chain is settled when the message's next click
 * comes more than `burstGapMs` later, by the periodic sweep (`settleBefore`,
 * chains visited in the order they were opened) or at `flush`; its clicks are
 * then handed to `apply` in time order.
 */
import { isMachineBurst } from './click-rules.ts';
import type { MessageStore } from './message-store.ts';
import { CHAIN_HEAD, CHAIN_LAST_AT, CHAIN_TAIL, STRIDE } from './message-store.ts';
import type { MachineClickRules } from './options.ts';

export const IN_PERIOD = 1;
export const MACHINE = 2;

export type ApplyClick = (m: number, slot: number) => void;

export class ClickChains {
  /** Pending click fields, by pool slot. */
  at = new Float64Array(256);
  ref = new Int32Array(256);
  bits = new Uint8Array(256);
  finalUrl: (string | undefined)[] = [];
  #next = new Int32Array(256);
  #free = 0; // free list head (slot + 1; 0: empty)
  #used = 0; // slots ever handed out
  /**
   * Messages with an open chain, in the order the chains were opened (a Set's
   * order: a replaced chain keeps its place; only sweeps and flush remove).
   */
  #open = new Int32Array(256);
  #openCount = 0;
  readonly #messages: MessageStore;
  readonly #rowOfRef: () => Int32Array;
  readonly #gap: number;
  readonly #distinct: number;
  readonly #rules: MachineClickRules;
  readonly #apply: ApplyClick;
  /** Scratch for #isBurst: the distinct rows met so far (never more than burstDistinctLinks). */
  readonly #seenRows: Int32Array;

  constructor(
    messages: MessageStore,
    rules: MachineClickRules,
    rowOfRef: () => Int32Array,
    apply: ApplyClick,
  ) {
    this.#messages = messages;
    this.#gap = rules.burstGapMs;
    this.#distinct = rules.burstDistinctLinks;
    this.#rules = rules;
    this.#rowOfRef = rowOfRef;
    this.#apply = apply;
    this.#seenRows = new Int32Array(Math.max(rules.burstDistinctLinks, 0));
  }

  /** Holds a click of message m; settles the message's previous chain when this one cannot extend it. */
  push(m: number, at: number, ref: number, bits: number, finalUrl: string | undefined): void {
    const slot = this.#alloc();
    this.at[slot] = at;
    this.ref[slot] = ref;
    this.bits[slot] = bits;
    if (finalUrl !== undefined || this.finalUrl.length > slot) this.finalUrl[slot] = finalUrl;
    const r = this.#messages.records;
    const base = m * STRIDE;
    const head = r[base + CHAIN_HEAD]!;
    if (head !== 0 && at - r[base + CHAIN_LAST_AT]! <= this.#gap) {
      this.#next[r[base + CHAIN_TAIL]! - 1] = slot + 1;
      r[base + CHAIN_TAIL] = slot + 1;
      r[base + CHAIN_LAST_AT] = at;
      return;
    }
    if (head === 0) this.#opened(m);
    r[base + CHAIN_HEAD] = slot + 1;
    r[base + CHAIN_TAIL] = slot + 1;
    r[base + CHAIN_LAST_AT] = at;
    if (head !== 0) this.#settle(m, head);
  }

  /** Settles every chain that no click at or after `at` can extend. */
  settleBefore(at: number): void {
    const r = this.#messages.records;
    const open = this.#open;
    let kept = 0;
    for (let k = 0; k < this.#openCount; k++) {
      const m = open[k]!;
      const base = m * STRIDE;
      if (at - r[base + CHAIN_LAST_AT]! > this.#gap) {
        const head = r[base + CHAIN_HEAD]!;
        r[base + CHAIN_HEAD] = 0;
        this.#settle(m, head);
      } else open[kept++] = m;
    }
    this.#openCount = kept;
  }

  /** Settles everything still open (end of input). */
  flush(): void {
    const r = this.#messages.records;
    for (let k = 0; k < this.#openCount; k++) {
      const m = this.#open[k]!;
      const head = r[m * STRIDE + CHAIN_HEAD]!;
      r[m * STRIDE + CHAIN_HEAD] = 0;
      this.#settle(m, head);
    }
    this.#openCount = 0;
  }

  #opened(m: number): void {
    if (this.#openCount === this.#open.length) {
      const open = new Int32Array(this.#open.length * 2);
      open.set(this.#open);
      this.#open = open;
    }
    this.#open[this.#openCount++] = m;
  }

  /** Flags a burst (the whole chain), then applies and frees the chain's clicks in order. */
  #settle(m: number, head: number): void {
    if (this.#isBurst(head)) {
      for (let p = head; p !== 0; p = this.#next[p - 1]!) this.bits[p - 1]! |= MACHINE;
    }
    for (let p = head; p !== 0;) {
      const slot = p - 1;
      p = this.#next[slot]!;
      this.#apply(m, slot);
      if (this.finalUrl.length > slot) this.finalUrl[slot] = undefined;
      this.#next[slot] = this.#free;
      this.#free = slot + 1;
    }
  }

  /** True when the chain touches at least `burstDistinctLinks` distinct rows. */
  #isBurst(head: number): boolean {
    const needed = this.#distinct;
    if (isMachineBurst(0, this.#rules)) return true;
    if (needed > 1 && this.#next[head - 1] === 0) return false; // a lone click: the usual case
    const rowOfRef = this.#rowOfRef();
    const seen = this.#seenRows;
    let distinct = 0;
    for (let p = head; p !== 0; p = this.#next[p - 1]!) {
      const row = rowOfRef[this.ref[p - 1]!]!;
      let known = false;
      for (let k = 0; k < distinct && !known; k++) known = seen[k] === row;
      if (known) continue;
      seen[distinct++] = row;
      if (isMachineBurst(distinct, this.#rules)) return true;
    }
    return false;
  }

  #alloc(): number {
    if (this.#free !== 0) {
      const slot = this.#free - 1;
      this.#free = this.#next[slot]!;
      this.#next[slot] = 0;
      return slot;
    }
    const slot = this.#used++;
    if (slot === this.at.length) this.#grow(slot * 2);
    this.#next[slot] = 0;
    return slot;
  }

  #grow(capacity: number): void {
    const at = new Float64Array(capacity);
    at.set(this.at);
    this.at = at;
    const ref = new Int32Array(capacity);
    ref.set(this.ref);
    this.ref = ref;
    const bits = new Uint8Array(capacity);
    bits.set(this.bits);
    this.bits = bits;
    const next = new Int32Array(capacity);
    next.set(this.#next);
    this.#next = next;
  }
}
