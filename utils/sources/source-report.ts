/**
 * What a source adapter produces: the report model (ClickMapReport) with every
 * number a provider cannot give set to null instead of a made-up 0, plus notes
 * the panel shows verbatim ("listmonk reports its top 50 links only"). The
 * engine's own reports convert losslessly (see fromClickMapReport).
 */
import { ALL_CAPABILITIES } from '../report/report-types.ts';
import type { Capability, ClickMapLinkRow, ClickMapReport } from '../report/report-types.ts';
import { linkIdentity } from '../links/identity.ts';

import type { SourceKind } from './registry.ts';

export type { SourceKind };

export interface SourceNote {
  id: string;
  text: string;
}

export interface SourceTotals {
  sent: number | null;
  delivered: number | null;
  /** `total` is known even when the provider does not split hard/soft. */
  bounces: { hard: number | null; soft: number | null; total: number | null };
  uniqueOpens: number | null;
  /** Every open event (not in ClickMapTotals: providers often give only this). */
  totalOpens: number | null;
  clickImpliedOpens: number | null;
  bouncePixelOpens: number | null;
  uniqueClicks: number | null;
  totalClicks: number | null;
  unsubscribed: number | null;
  unsubscribedBy: { link: number | null; listUnsubscribe: number | null; other: number | null };
  complaints: number | null;
  machineClicks: number | null;
  ctr: number | null;
  ctor: number | null;
}

type CountKeys = 'uniqueClicks' | 'totalClicks' | 'machineClicks';
export interface SourceLinkRow extends Omit<ClickMapLinkRow, CountKeys> {
  uniqueClicks: number | null;
  totalClicks: number | null;
  machineClicks: number | null;
}

export interface SourceReport extends Omit<ClickMapReport, 'totals' | 'links'> {
  source: SourceKind;
  totals: SourceTotals;
  links: SourceLinkRow[];
  /** Which count shareOfClicks is a share of: unique clicks, or total clicks when unique ones are unknown. */
  shareBasis: 'unique' | 'total';
  notes: SourceNote[];
}

/** numerator / denominator, null when either is unknown or the denominator is 0. */
export function ratio(numerator: number | null, denominator: number | null): number | null {
  if (numerator === null || denominator === null || denominator === 0) return null;
  return numerator / denominator;
}

/** Sum that stays unknown if any part is unknown (never treats unknown as 0). */
export function sumKnown(values: readonly (number | null)[]): number | null {
  let total = 0;
  for (const value of values) {
    if (value === null) return null;
    total += value;
  }
  return total;
}

export function emptyTotals(): SourceTotals {
  return {
    sent: null,
    delivered: null,
    bounces: { hard: null, soft: null, total: null },
    uniqueOpens: null,
    totalOpens: null,
    clickImpliedOpens: null,
    bouncePixelOpens: null,
    uniqueClicks: null,
    totalClicks: null,
    unsubscribed: null,
    unsubscribedBy: { link: null, listUnsubscribe: null, other: null },
    complaints: null,
    machineClicks: null,
    ctr: null,
    ctor: null,
  };
}

/** ctr / ctor from the other totals (delivered, else sent, as ClickMapTotals defines). */
export function withRates(totals: SourceTotals): SourceTotals {
  return {
    ...totals,
    ctr: ratio(totals.uniqueClicks, totals.delivered ?? totals.sent),
    ctor: ratio(totals.uniqueClicks, totals.uniqueOpens),
  };
}

export interface RawLinkCount {
  url: string;
  uniqueClicks: number | null;
  totalClicks: number | null;
  /** Provider's id of the URL (not a placement id). */
  providerLinkId?: string;
  name?: string;
}

/** Per-URL rows (no placements): keyed by link identity, shares and rates from the totals. */
export function linkRowsFromCounts(
  counts: readonly RawLinkCount[],
  totals: SourceTotals,
  shareBasis: 'unique' | 'total',
): SourceLinkRow[] {
  const basisOf = (c: RawLinkCount) => (shareBasis === 'unique' ? c.uniqueClicks : c.totalClicks);
  const basisSum = sumKnown(counts.map(basisOf));
  return counts.map((count) => {
    const identity = linkIdentity(count.url);
    return {
      rowKey: identity.key,
      linkId: null,
      ordinal: null,
      url: count.url,
      key: identity.key,
      name: count.name ?? '',
      dynamic: identity.dynamic,
      finalDomain: identity.dynamic ? identity.domain : null,
      isUnsubscribe: false,
      uniqueClicks: count.uniqueClicks,
      totalClicks: count.totalClicks,
      machineClicks: null,
      shareOfClicks: ratio(basisOf(count), basisSum),
      ctr: ratio(count.uniqueClicks, totals.delivered ?? totals.sent),
      ctor: ratio(count.uniqueClicks, totals.uniqueOpens),
    };
  });
}

/** The engine's report as a SourceReport (nothing unknown there: it has every capability it lists). */
export function fromClickMapReport(report: ClickMapReport, notes: SourceNote[] = []): SourceReport {
  const { totals } = report;
  return {
    ...report,
    source: 'clickmap-api',
    totals: {
      ...totals,
      bounces: { ...totals.bounces, total: totals.bounces.hard + totals.bounces.soft },
      unsubscribedBy: { ...totals.unsubscribedBy },
      totalOpens: null,
    },
    links: report.links.map((row) => ({ ...row })),
    shareBasis: 'unique',
    notes,
  };
}

/** Capabilities of the full engine that `have` lacks: what the panel must say it cannot show. */
export function missingCapabilities(have: readonly Capability[]): Capability[] {
  return ALL_CAPABILITIES.filter((capability) => !have.includes(capability));
}
