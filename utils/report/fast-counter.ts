/**
 * The fast accumulation core behind buildClickMapReport and the columnar entry
 * point: exactly ReportAccumulator's semantics (same flags, same burst settle
 * order, same 24 h rule, same row refs) on integer-indexed state. Front ends
 * (event-feed.ts, columnar.ts) intern messages and link rows to integers, check
 * the order, and call one method per event; nothing is allocated per event.
 */
import { SWEEP_EVERY } from './accumulator.ts';
import { ClickChains, IN_PERIOD, MACHINE } from './click-chains.ts';
import { arrivalMachineReason, countsAgain, isTallied } from './click-rules.ts';
import { MachineClickDetector } from './machine-clicks.ts';
import type { EventId } from './message-store.ts';
import {
  FLAGS,
  INLINE_ROWS,
  INLINE_ROWS_AT,
  MessageStore,
  REFERENCE_AT,
  STRIDE,
} from './message-store.ts';
import * as M from './message-tally.ts';
import type { Millis, Period, UnsubscribeEvent } from './model.ts';
import type { MachineClickRules, ReportOptions } from './options.ts';
import { PairTable } from './pair-table.ts';
import { RowRegistry } from './row-registry.ts';
import type { ReportCounts, RowTally } from './row-tally.ts';
import { newRowTally, tallyFinalUrl, tallySource } from './row-tally.ts';

export type UnsubscribeMethod = UnsubscribeEvent['method'];

export class FastCounter {
  readonly messages = new MessageStore();
  readonly rows: RowRegistry;
  readonly #chains: ClickChains;
  readonly #detector: MachineClickDetector<never>;
  /** The 24 h rule beyond a message's inline rows: (message, row) → time of the last counted click. */
  readonly #lastCounted = new PairTable(1024);
  /** Row tallies by row index, and in creation order (the order ReportCounts.rows lists them). */
  readonly #tallies: (RowTally | undefined)[] = [];
  readonly #tallyOrder: RowTally[] = [];
  readonly #unsubscribed = new Map<EventId, UnsubscribeMethod>();
  readonly #unsubscribeLinkIds = new Set<string>();
  readonly #from: number;
  readonly #to: number;
  readonly #windowMs: number;
  readonly #rules: MachineClickRules;
  readonly #includeMachine: boolean;
  readonly #dynamicFinalUrls: number;
  #seen = 0;
  #deliveredKnown = false;
  #totalClicks = 0;
  #machineClicks = 0;

  constructor(period: Period, options: ReportOptions) {
    this.#from = period.from ?? Number.NEGATIVE_INFINITY;
    this.#to = period.to ?? Number.POSITIVE_INFINITY;
    this.#windowMs = options.uniquenessWindowMs;
    this.#rules = options.machine;
    this.#includeMachine = options.includeMachineClicks;
    this.#dynamicFinalUrls = options.dynamicFinalUrls;
    this.#detector = new MachineClickDetector(options.machine);
    this.rows = new RowRegistry(options.identify);
    const apply = (m: number, slot: number): void => this.#applyClick(m, slot);
    this.#chains = new ClickChains(this.messages, options.machine, () => this.rows.rowOfRef, apply);
  }

  isScannerUserAgent(userAgent: string | undefined): boolean {
    return this.#detector.isScannerUserAgent(userAgent);
  }

  inPeriod(at: Millis): boolean {
    return at >= this.#from && at < this.#to;
  }

  /** Call after each applied event: open burst chains are swept every SWEEP_EVERY events. */
  tick(at: Millis): void {
    if (++this.#seen % SWEEP_EVERY === 0) this.#chains.settleBefore(at);
  }

  sent(m: number, at: Millis): void {
    const r = this.messages.records;
    const base = m * STRIDE;
    if (this.inPeriod(at)) r[base + FLAGS] = r[base + FLAGS]! | M.SENT;
    if (Number.isNaN(r[base + REFERENCE_AT])) r[base + REFERENCE_AT] = at;
  }

  delivered(m: number, at: Millis): void {
    const r = this.messages.records;
    const base = m * STRIDE;
    this.#deliveredKnown = true;
    let flags = r[base + FLAGS]! & ~M.BOUNCED_LAST;
    if (this.inPeriod(at)) flags |= M.DELIVERED;
    if (!(flags & M.REFERENCE_IS_DELIVERY)) {
      r[base + REFERENCE_AT] = at;
      flags |= M.REFERENCE_IS_DELIVERY;
    }
    r[base + FLAGS] = flags;
  }

  bounce(m: number, at: Millis, hard: boolean): void {
    let flags = M.BOUNCED_LAST;
    if (this.inPeriod(at)) flags |= hard ? M.HARD_BOUNCE : M.SOFT_BOUNCE;
    this.#setFlags(m, flags);
  }

  open(m: number, at: Millis): void {
    this.#setFlags(m, this.inPeriod(at) ? M.OPENED | M.EVER_OPENED : M.EVER_OPENED);
  }

  complaint(m: number, at: Millis): void {
    if (this.inPeriod(at)) this.#setFlags(m, M.COMPLAINED);
  }

  /** `recipient`: any key equal for equal recipients (the string, or its interned number). */
  unsubscribe(at: Millis, recipient: EventId, method: UnsubscribeMethod, linkId?: string): void {
    if (method === 'link' && linkId) this.#unsubscribeLinkIds.add(linkId);
    if (this.inPeriod(at) && !this.#unsubscribed.has(recipient))
      this.#unsubscribed.set(recipient, method);
  }

  /**
   * A click on row ref `ref` (RowRegistry); held until its burst chain settles.
   * `eventRow` (columnar input: the click's row in the columns) is kept with a
   * row's first click, so that counts of recipient parts merge exactly (partition.ts).
   */
  click(
    m: number,
    at: Millis,
    ref: number,
    scanner: boolean,
    finalUrl: string | undefined,
    eventRow?: number,
  ): void {
    this.#ensureTally(ref, eventRow);
    let bits = this.inPeriod(at) ? IN_PERIOD : 0;
    // NaN reference (none known yet) compares false: not near delivery.
    const referenceAt = this.messages.records[m * STRIDE + REFERENCE_AT]!;
    if (arrivalMachineReason(scanner, at, referenceAt, this.#rules) !== null) bits |= MACHINE;
    this.#chains.push(m, at, ref, bits, finalUrl);
  }

  finish(): ReportCounts {
    this.#chains.flush();
    const messages = M.emptyMessageCounts();
    const r = this.messages.records;
    for (let m = 0; m < this.messages.count; m++) M.addMessage(messages, r[m * STRIDE + FLAGS]!);
    const unsubscribedBy = { link: 0, listUnsubscribe: 0, other: 0 };
    for (const method of this.#unsubscribed.values()) {
      unsubscribedBy[method === 'list-unsubscribe' ? 'listUnsubscribe' : method]++;
    }
    return {
      messages,
      deliveredKnown: this.#deliveredKnown,
      totalClicks: this.#totalClicks,
      machineClicks: this.#machineClicks,
      unsubscribed: this.#unsubscribed.size,
      unsubscribedBy,
      unsubscribeLinkIds: this.#unsubscribeLinkIds,
      rows: new Map(this.#tallyOrder.map((tally) => [tally.ref.rowKey, tally])),
    };
  }

  #applyClick(m: number, slot: number): void {
    const chains = this.#chains;
    const ref = chains.ref[slot]!;
    const row = this.rows.rowOfRef[ref]!;
    const tally = this.#tallies[row]!; // created when the click arrived
    const bits = chains.bits[slot]!;
    const inPeriod = (bits & IN_PERIOD) !== 0;
    const machine = (bits & MACHINE) !== 0;
    if (machine && inPeriod) {
      tally.machineClicks++;
      this.#machineClicks++;
    }
    if (!isTallied(machine, this.#includeMachine)) return;
    const counted = this.#decide(m, row, chains.at[slot]!);
    if (!inPeriod) return;
    tally.totalClicks++;
    this.#totalClicks++;
    // The message was clicked in the period, whether or not the 24 h rule counted this click.
    this.#setFlags(m, M.CLICKED);
    const finalUrl = chains.finalUrl[slot];
    if (finalUrl) tallyFinalUrl(tally, finalUrl, this.rows.resolver, this.#dynamicFinalUrls);
    if (counted) tally.uniqueClicks++;
  }

  /** A row is named by its first click in event order (as the server's row_refs), whatever the settle order. */
  #ensureTally(ref: number, eventRow: number | undefined): void {
    const row = this.rows.rowOfRef[ref]!;
    const rowRef = this.rows.refs[ref]!;
    let tally = this.#tallies[row];
    if (tally === undefined) {
      tally = this.#tallies[row] = newRowTally(rowRef);
      if (eventRow !== undefined) tally.firstRow = eventRow;
      this.#tallyOrder.push(tally);
    }
    if (rowRef.sourceLinkId !== null && rowRef.linkId === null) tallySource(tally, rowRef);
  }

  #setFlags(m: number, flags: number): void {
    const r = this.messages.records;
    r[m * STRIDE + FLAGS] = r[m * STRIDE + FLAGS]! | flags;
  }

  /** ClickUniqueness.decide: inline pairs of the message record first, then the pair table. */
  #decide(m: number, row: number, at: Millis): boolean {
    const r = this.messages.records;
    const end = m * STRIDE + INLINE_ROWS_AT + 2 * INLINE_ROWS;
    for (let k = m * STRIDE + INLINE_ROWS_AT; k < end; k += 2) {
      const stored = r[k]!;
      if (stored === row + 1) {
        if (!countsAgain(r[k + 1]!, at, this.#windowMs)) return false;
        r[k + 1] = at;
        return true;
      }
      if (stored === 0) {
        r[k] = row + 1;
        r[k + 1] = at;
        return true;
      }
    }
    const table = this.#lastCounted;
    const slot = table.find(m, row);
    if (slot < 0) {
      table.insertAt(~slot, m, row, at);
      return true;
    }
    if (!countsAgain(table.value(slot), at, this.#windowMs)) return false;
    table.setValue(slot, at);
    return true;
  }
}
