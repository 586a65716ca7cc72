/**
 * Per-row click details of columnar input, resolved once per table entry:
 * the row ref of a link (RowRegistry), the scanner verdict of a user agent,
 * the final URL string. Only personalised links (with or without a linkId) resolve per
 * click (their row is the final URL's domain).
 */
import type { EventColumns } from './event-columns.ts';
import type { FastCounter } from './fast-counter.ts';
import type { UnsubscribeEvent } from './model.ts';
import type { UnsubscribeLinks } from './unsubscribe-clicks.ts';
import { listUnsubscribeClick } from './unsubscribe-clicks.ts';

export class ColumnLinks {
  readonly #c: EventColumns;
  readonly #counter: FastCounter;
  /** link index → ref + 1; 0: not resolved yet; -1: depends on the final URL (personalised). */
  readonly #refs: Int32Array;
  /** user agent index → 0 unknown, 1 human, 2 scanner. */
  readonly #agents: Uint8Array;

  readonly #unsubscribeLinks: UnsubscribeLinks;

  constructor(columns: EventColumns, counter: FastCounter, unsubscribeLinks: UnsubscribeLinks) {
    this.#c = columns;
    this.#counter = counter;
    this.#unsubscribeLinks = unsubscribeLinks;
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
      // A personalised URL's row is its final domain, with or without a linkId (row-keys.ts).
      const constant = !this.#counter.rows.refs[ref]!.templateDynamic;
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

  /** The row ref a List-Unsubscribe press at row i counts as a click on; -1 for other methods. */
  pressRefOf(i: number, method: UnsubscribeEvent['method']): number {
    const campaignId = this.#c.campaigns[this.#c.campaign[i]!] ?? '';
    const press = listUnsubscribeClick(
      campaignId,
      method,
      this.linkIdOf(i),
      this.#unsubscribeLinks,
    );
    return press ? this.#counter.rows.refOf(press.linkId, press.url, undefined, true) : -1;
  }

  linkIdOf(i: number): string | undefined {
    return this.#c.links[this.#c.link[i]!]?.linkId;
  }
}
