/**
 * Recipient parts: a columnar log split by recipient number (part k of K holds
 * the recipients r with r % K === k) can be counted part by part, e.g. on
 * several threads, and the parts' counts merged into exactly the counts of
 * the whole log. Every rule of the engine is per message (campaign ×
 * recipient) or per recipient (unsubscribes), so no rule crosses parts; the
 * per-row tallies are sums, capped distinct sets (min(distinct, cap) of a
 * union is still exact) and the row's name, taken from its first click.
 */
import type { EventColumns } from './event-columns.ts';
import { compareRows } from './event-columns.ts';
import * as M from './message-tally.ts';
import type { ReportCounts, RowTally } from './row-tally.ts';
import { SOURCE_LINK_IDS } from './row-tally.ts';

export interface RecipientPart {
  /** 0 … of - 1. */
  index: number;
  of: number;
}

export const WHOLE_LOG: RecipientPart = { index: 0, of: 1 };

/**
 * A part's own dense recipient numbering, r → (r - index) / of, computed as
 * r >>> shift when `of` is a power of two (shift ≥ 0; else -1): no division
 * on the counting loop's path.
 */
export interface LocalNumbering extends RecipientPart {
  shift: number;
}

export function localNumbering(part: RecipientPart): LocalNumbering {
  const shift = Math.log2(part.of);
  return { ...part, shift: Number.isInteger(shift) ? shift : -1 };
}

/** The part's own number of recipient `r` (one of the part's: r % of === index). */
export function ownNumber({ index, of, shift }: LocalNumbering, r: number): number {
  return shift >= 0 ? r >>> shift : ((r - index) / of) | 0;
}

export function recipientParts(of: number): RecipientPart[] {
  if (!Number.isInteger(of) || of < 1) throw new Error(`parts must be a positive integer: ${of}`);
  return Array.from({ length: of }, (_, index) => ({ index, of }));
}

/**
 * Merges the counts of every part of one log (parts in any order). `columns`
 * orders the rows' first clicks (firstRow); `dynamicFinalUrls` is the cap of
 * the distinct final URLs kept per row (ReportOptions.dynamicFinalUrls).
 */
export function mergeRecipientParts(
  columns: EventColumns,
  parts: readonly ReportCounts[],
  dynamicFinalUrls: number,
): ReportCounts {
  const messages = M.emptyMessageCounts();
  const unsubscribedBy = { link: 0, listUnsubscribe: 0, other: 0 };
  const unsubscribeLinkIds = new Set<string>();
  const rows = new Map<string, RowTally>();
  let totalClicks = 0;
  let machineClicks = 0;
  let unsubscribed = 0;
  for (const part of parts) {
    for (const key of Object.keys(messages) as (keyof M.MessageCounts)[])
      messages[key] += part.messages[key];
    for (const key of Object.keys(unsubscribedBy) as (keyof typeof unsubscribedBy)[])
      unsubscribedBy[key] += part.unsubscribedBy[key];
    for (const linkId of part.unsubscribeLinkIds) unsubscribeLinkIds.add(linkId);
    totalClicks += part.totalClicks;
    machineClicks += part.machineClicks;
    unsubscribed += part.unsubscribed;
    for (const [rowKey, tally] of part.rows) {
      const known = rows.get(rowKey);
      if (known === undefined) rows.set(rowKey, copyTally(tally));
      else addTally(columns, known, tally, dynamicFinalUrls);
    }
  }
  return {
    messages,
    deliveredKnown: parts.some((p) => p.deliveredKnown),
    totalClicks,
    machineClicks,
    unsubscribed,
    unsubscribedBy,
    unsubscribeLinkIds,
    rows: new Map([...rows].sort(([, a], [, b]) => compareFirst(columns, a, b))),
  };
}

function copyTally(tally: RowTally): RowTally {
  return {
    ...tally,
    finalUrls: new Set(tally.finalUrls),
    finalDomains: new Set(tally.finalDomains),
    sourceLinkIds: new Set(tally.sourceLinkIds),
  };
}

function addTally(columns: EventColumns, into: RowTally, from: RowTally, cap: number): void {
  into.uniqueClicks += from.uniqueClicks;
  into.totalClicks += from.totalClicks;
  into.machineClicks += from.machineClicks;
  for (const url of from.finalUrls) if (into.finalUrls.size < cap) into.finalUrls.add(url);
  for (const domain of from.finalDomains)
    if (into.finalDomains.size < 2) into.finalDomains.add(domain);
  for (const id of from.sourceLinkIds)
    if (into.sourceLinkIds.size < SOURCE_LINK_IDS) into.sourceLinkIds.add(id);
  if (compareFirst(columns, from, into) < 0) {
    into.ref = from.ref;
    into.firstRow = from.firstRow;
  }
}

/** Event order (at, type code, id, row) of two rows' first clicks: the earlier names a merged row. */
function compareFirst(c: EventColumns, a: RowTally, b: RowTally): number {
  const i = a.firstRow;
  const j = b.firstRow;
  if (i === undefined || j === undefined)
    throw new Error('recipient parts merge only columnar counts (rows need firstRow)');
  return compareRows(c, i, j) || i - j;
}
