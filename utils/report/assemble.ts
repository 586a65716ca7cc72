/**
 * Step (c) of the engine: counts + placements → ClickMapReport. Pure and
 * cheap (proportional to the number of rows), so the reference server can run
 * it on its incrementally maintained counts and get the engine's numbers.
 */
import type { Placement, Period } from './model.ts';
import type { Identify } from './options.ts';
import { rate } from './rates.ts';
import type {
  ClickMapLinkRow,
  ClickMapReport,
  ClickMapTotals,
  VersionPeriod,
} from './report-types.ts';
import { domainOfRowKey, LIST_UNSUBSCRIBE_ROW, placementRowKey } from './row-keys.ts';
import type { ReportCounts, RowTally } from './row-tally.ts';
import { SOURCE_LINK_IDS } from './row-tally.ts';

export interface ReportContext {
  templateId: string;
  versionId: string | null;
  period: Period;
  campaignIds: string[];
  versions: VersionPeriod[];
  /** Placements of the selected version(s), one per linkId (newest version wins). */
  placements: Placement[];
  /** Every placement of every selected version: URL-keyed rows are matched against these. */
  allPlacements?: Placement[];
  machineClicksIncluded: boolean;
  /** Distinct final URLs from which a row counts as dynamic (ReportOptions.dynamicFinalUrls). */
  dynamicFinalUrls: number;
  identify: Identify;
  generatedAt: number;
}

export function assembleReport(counts: ReportCounts, context: ReportContext): ClickMapReport {
  const totals = assembleTotals(counts);
  const links = assembleRows(counts, context, totals);
  return {
    templateId: context.templateId,
    versionId: context.versionId,
    period: context.period,
    campaignIds: context.campaignIds,
    machineClicksIncluded: context.machineClicksIncluded,
    totals,
    links,
    versions: context.versions,
    capabilities: [
      'unique-24h',
      'per-placement',
      'opens',
      ...(counts.deliveredKnown ? (['delivered'] as const) : []),
      'bounces',
      'unsubscribes',
      'list-unsubscribe',
      'machine-clicks',
      'click-implied-opens',
      'all-links',
    ],
    generatedAt: context.generatedAt,
  };
}

export function assembleTotals(counts: ReportCounts): ClickMapTotals {
  const m = counts.messages;
  const delivered = counts.deliveredKnown ? m.delivered : null;
  return {
    sent: m.sent,
    delivered,
    bounces: { hard: m.hardBounces, soft: m.softBounces },
    uniqueOpens: m.uniqueOpens,
    clickImpliedOpens: m.clickImpliedOpens,
    bouncePixelOpens: m.bouncePixelOpens,
    uniqueClicks: m.uniqueClicks,
    totalClicks: counts.totalClicks,
    unsubscribed: counts.unsubscribed,
    unsubscribedBy: { ...counts.unsubscribedBy },
    complaints: m.complaints,
    machineClicks: counts.machineClicks,
    ctr: rate(m.uniqueClicks, delivered ?? m.sent),
    ctor: rate(m.uniqueClicks, m.uniqueOpens),
  };
}

type RowBase = Omit<ClickMapLinkRow, 'shareOfClicks' | 'ctr' | 'ctor'>;

function assembleRows(
  counts: ReportCounts,
  context: ReportContext,
  totals: ClickMapTotals,
): ClickMapLinkRow[] {
  const byLinkId = new Map(context.placements.map((p) => [p.linkId, p]));
  const byKey = groupPlacementsByKey(context.allPlacements ?? context.placements, context.identify);
  const bases: RowBase[] = [];
  const coveredLinkIds = new Set<string>();
  for (const tally of counts.rows.values()) {
    const placement = placementOf(tally, byLinkId, byKey);
    if (placement) coveredLinkIds.add(placement.linkId);
    // Placements counted by final domain have their clicks in domain rows, not a zero row.
    if (tally.sourceLinkIds.size < SOURCE_LINK_IDS)
      for (const id of tally.sourceLinkIds) coveredLinkIds.add(id);
    bases.push(rowFromTally(tally, placement, counts.unsubscribeLinkIds, context.dynamicFinalUrls));
  }
  for (const placement of context.placements) {
    if (!coveredLinkIds.has(placement.linkId))
      bases.push(rowFromPlacement(placement, context.identify));
  }
  const sumUnique = bases.reduce((sum, row) => sum + row.uniqueClicks, 0);
  const denominator = totals.delivered ?? totals.sent;
  return bases.sort(compareRows).map((row) => ({
    ...row,
    shareOfClicks: rate(row.uniqueClicks, sumUnique),
    ctr: rate(row.uniqueClicks, denominator),
    ctor: rate(row.uniqueClicks, totals.uniqueOpens),
  }));
}

/**
 * The placement that names a row: its own for a placement row; for a
 * final-domain row, the one placement its clicks came from (by link id; without
 * link ids, as a URL row by its first click's URL); for a URL row, the
 * placement with that URL when exactly one has it.
 */
function placementOf(
  tally: RowTally,
  byLinkId: Map<string, Placement>,
  byKey: Map<string, Placement[]>,
): Placement | undefined {
  const ref = tally.ref;
  if (ref.linkId !== null) return byLinkId.get(ref.linkId);
  if (ref.rowKey === LIST_UNSUBSCRIBE_ROW) return undefined;
  if (domainOfRowKey(ref.rowKey) !== null) {
    const [only, other] = tally.sourceLinkIds;
    if (other !== undefined) return undefined; // several placements (or too many to list)
    if (only !== undefined) return byLinkId.get(only);
    // No click carried a link id: the placement whose URL template the first click came from.
  }
  const candidates = byKey.get(ref.key);
  return candidates?.length === 1 ? candidates[0] : undefined;
}

function groupPlacementsByKey(
  placements: Placement[],
  identify: Identify,
): Map<string, Placement[]> {
  const byKey = new Map<string, Placement[]>();
  for (const placement of placements) {
    const key = identify(placement.url).key;
    const others = (byKey.get(key) ?? []).filter((p) => p.linkId !== placement.linkId);
    byKey.set(key, [...others, placement]);
  }
  return byKey;
}

function rowFromTally(
  tally: RowTally,
  placement: Placement | undefined,
  unsubscribeLinkIds: ReadonlySet<string>,
  dynamicFinalUrls: number,
): RowBase {
  const ref = tally.ref;
  const rowDomain = domainOfRowKey(ref.rowKey);
  const singleDomain = tally.finalDomains.size === 1 ? [...tally.finalDomains][0] : undefined;
  const press = ref.rowKey === LIST_UNSUBSCRIBE_ROW;
  return {
    rowKey: ref.rowKey,
    linkId: placement?.linkId ?? ref.linkId,
    ordinal: placement?.ordinal ?? null,
    url: placement?.url ?? ref.url,
    key: ref.key,
    // A press whose unsubscribe link is unknown: the mail client's button (a name, like a link text).
    name: placement?.text ?? (press ? 'List-Unsubscribe' : ''),
    dynamic: ref.templateDynamic || tally.finalUrls.size >= dynamicFinalUrls,
    finalDomain: rowDomain ?? singleDomain ?? landingDomain(tally),
    isUnsubscribe:
      press ||
      placement?.kind === 'unsubscribe' ||
      (ref.linkId !== null && unsubscribeLinkIds.has(ref.linkId)),
    uniqueClicks: tally.uniqueClicks,
    totalClicks: tally.totalClicks,
    machineClicks: tally.machineClicks,
  };
}

/** Without recorded final URLs a static link lands on its own domain; a personalised one is unknown. */
function landingDomain(tally: RowTally): string | null {
  if (tally.finalDomains.size > 1 || tally.ref.templateDynamic) return null;
  return tally.finalUrls.size === 0 ? tally.ref.domain : null;
}

function rowFromPlacement(placement: Placement, identify: Identify): RowBase {
  const identity = identify(placement.url);
  return {
    rowKey: placementRowKey(placement.linkId),
    linkId: placement.linkId,
    ordinal: placement.ordinal,
    url: placement.url,
    key: identity.key,
    name: placement.text,
    dynamic: identity.dynamic,
    finalDomain: identity.dynamic ? null : identity.domain,
    isUnsubscribe: placement.kind === 'unsubscribe',
    uniqueClicks: 0,
    totalClicks: 0,
    machineClicks: 0,
  };
}

/** Document order first; rows without a placement after, most clicked first. */
function compareRows(a: RowBase, b: RowBase): number {
  if (a.ordinal !== null && b.ordinal !== null)
    return a.ordinal - b.ordinal || cmp(a.rowKey, b.rowKey);
  if (a.ordinal !== null) return -1;
  if (b.ordinal !== null) return 1;
  return b.uniqueClicks - a.uniqueClicks || cmp(a.rowKey, b.rowKey);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
