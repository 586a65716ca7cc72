/**
 * Counts of one report row and the full set of counts the accumulator hands
 * to `assembleReport`. Final-URL tracking is capped so that a personalised
 * link with a million distinct landing URLs costs a handful of entries, and
 * the capped values do not depend on the order clicks arrived in.
 */
import type { ClickRowRef, LinkRowResolver } from './link-rows.ts';
import type { MessageCounts } from './message-tally.ts';

export interface RowTally {
  ref: ClickRowRef;
  uniqueClicks: number;
  totalClicks: number;
  machineClicks: number;
  /** Distinct final URLs of tallied clicks, kept up to the dynamic threshold. */
  finalUrls: Set<string>;
  /** Distinct final domains of tallied clicks, kept up to 2 (one domain or "several"). */
  finalDomains: Set<string>;
  /**
   * Final-domain rows: distinct link ids of the clicks on it (any period or
   * verdict), kept up to SOURCE_LINK_IDS (at that size: "too many", not used).
   * Exactly one names the row after that placement; the placements listed are
   * counted by final domain (no zero row of their own).
   */
  sourceLinkIds: Set<string>;
  /** Columnar input: the column row of the row's first click (names the row when parts merge). */
  firstRow?: number;
}

export interface ReportCounts {
  messages: MessageCounts;
  /** The source reports deliveries for these campaigns (else CTR falls back to sent). */
  deliveredKnown: boolean;
  totalClicks: number;
  machineClicks: number;
  unsubscribed: number;
  unsubscribedBy: { link: number; listUnsubscribe: number; other: number };
  /** linkIds named by unsubscribe-by-link events: those rows are unsubscribe links. */
  unsubscribeLinkIds: ReadonlySet<string>;
  rows: ReadonlyMap<string, RowTally>;
}

export function newRowTally(ref: ClickRowRef): RowTally {
  return {
    ref,
    uniqueClicks: 0,
    totalClicks: 0,
    machineClicks: 0,
    finalUrls: new Set(),
    finalDomains: new Set(),
    sourceLinkIds: new Set(),
  };
}

/** Cap of RowTally.sourceLinkIds: below it the set is complete, whatever the order. */
export const SOURCE_LINK_IDS = 16;

/** Records the link id of a click on a final-domain row (capped: min(distinct, cap) is exact). */
export function tallySource(row: RowTally, ref: ClickRowRef): void {
  const id = ref.sourceLinkId;
  if (id !== null && ref.linkId === null && row.sourceLinkIds.size < SOURCE_LINK_IDS)
    row.sourceLinkIds.add(id);
}

/**
 * Records a tallied click's final URL. Both sets only grow up to their cap,
 * and min(distinct, cap) is the same whatever the order, so reports stay exact.
 */
export function tallyFinalUrl(
  row: RowTally,
  finalUrl: string | undefined,
  resolver: LinkRowResolver,
  cap: number,
): void {
  if (!finalUrl || row.finalUrls.has(finalUrl)) return;
  if (row.finalUrls.size < cap) row.finalUrls.add(finalUrl);
  if (row.finalDomains.size < 2) {
    const domain = resolver.finalDomain(finalUrl);
    if (domain) row.finalDomains.add(domain);
  }
}
