/**
 * Message indices for columnar input: (selected campaign slot, recipient
 * number) → MessageStore index. When slots × recipients is small relative to
 * the log (the usual case) the pair addresses its record directly (no lookup
 * at all); else a dense index through a flat Int32Array, or a PairTable when
 * the numbering is sparse, so memory stays proportional to the log.
 */
import type { MessageStore } from './message-store.ts';
import { STRIDE } from './message-store.ts';
import { PairTable } from './pair-table.ts';

/** Direct records when slots × recipients ≤ this × events (a record is 128 bytes). */
const RECORDS_PER_EVENT = 0.25;
/** Int32Array lookup when slots × recipients ≤ this × events (plus a constant). */
const LOOKUPS_PER_EVENT = 4;

export class MessageIndex {
  readonly #store: MessageStore;
  readonly #records: boolean;
  readonly #lookup: Int32Array | null;
  readonly #table: PairTable | null;
  readonly #recipients: number;

  /** `recipients`: 1 + the largest recipient number met; `events`: the log's size. */
  constructor(store: MessageStore, slotCount: number, recipients: number, events: number) {
    this.#store = store;
    this.#recipients = recipients;
    const size = slotCount * recipients;
    this.#records = size <= RECORDS_PER_EVENT * events + 1024;
    if (this.#records) store.reserve(size);
    const lookup = !this.#records && size <= LOOKUPS_PER_EVENT * events + 65_536;
    this.#lookup = lookup ? new Int32Array(size) : null;
    this.#table = this.#records || lookup ? null : new PairTable(1024);
  }

  /**
   * Reads the record of (slot, recipient) ahead of its use, so that its cache
   * miss overlaps the work on earlier events instead of stalling its own
   * (records are hit in random order: messages interleave in time). Direct
   * records only; returns a value the caller must consume (else the load is dropped).
   */
  touch(slot: number, recipient: number): number {
    if (!this.#records) return 0;
    return this.#store.records[(slot * this.#recipients + recipient) * STRIDE]!;
  }

  /** Index of the message (slot, recipient), allocated on first sight. */
  of(slot: number, recipient: number): number {
    const key = slot * this.#recipients + recipient;
    if (this.#records) return key;
    const lookup = this.#lookup;
    if (lookup !== null) {
      const known = lookup[key]!;
      if (known !== 0) return known - 1;
      const m = this.#store.add();
      lookup[key] = m + 1;
      return m;
    }
    const table = this.#table!;
    const found = table.find(slot, recipient);
    if (found >= 0) return table.value(found);
    const m = this.#store.add();
    table.insertAt(~found, slot, recipient, m);
    return m;
  }
}
