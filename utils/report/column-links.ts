/**
 * Per-row click details of columnar input, resolved once per table entry:
 * the row ref of a link (RowRegistry), the scanner verdict of a user agent,
 * the final URL string. Only personalised links without a linkId resolve per
 * click (their row is the final URL's domain).
 */
import type { EventColumns } from './event-columns.ts';
import type { FastCounter } from './fast-counter.ts';

export class ColumnLinks {
  readonly #c: EventColumns;
  readonly #counter: FastCounter;
  /** link index → ref + 1; 0: not resolved yet; -1: depends on the final URL (dynamic, no linkId). */
  readonly #refs: Int32Array;
  /** user agent index → 0 unknown, 1 human, 2 scanner. */
  readonly #agents: Uint8Array;

  constructor(columns: EventColumns, counter: FastCounter) {
    this.#c = columns;
    this.#counter = counter;
    this.#refs = new Int32Array(columns.links.length);
    this.#agents = new Uint8Array(columns.userAgents?.length ?? 0);
  }

  refOf(i: number): number {
    const index = this.#c.link[i]!;
    const cached = this.#refs[index];
    if (cached !== undefined && cached > 0) return cached - 1;
    const link = this.#c.links[index];
    if (link === undefined) throw new Error(`click at row ${i} has no link`);
    const ref = this.#counter.rows.refOf(link.linkId, link.url, this.finalUrlOf(i));
    if (cached === 0) {
      const constant = Boolean(link.linkId) || !this.#counter.rows.refs[ref]!.templateDynamic;
      this.#refs[index] = constant ? ref + 1 : -1;
    }
    return ref;
  }

  isScanner(i: number): boolean {
    const index = this.#c.userAgent?.[i];
    if (index === undefined) return false;
    const verdict = this.#agents[index];
    if (verdict === undefined) return false;
    if (verdict !== 0) return verdict === 2;
    const scanner = this.#counter.isScannerUserAgent(this.#c.userAgents?.[index]);
    this.#agents[index] = scanner ? 2 : 1;
    return scanner;
  }

  finalUrlOf(i: number): string | undefined {
    const index = this.#c.finalUrl?.[i];
    return index === undefined ? undefined : this.#c.finalUrls?.[index];
  }

  linkIdOf(i: number): string | undefined {
    return this.#c.links[this.#c.link[i]!]?.linkId;
  }
}
