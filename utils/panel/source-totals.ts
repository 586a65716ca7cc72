/**
 * The totals of a SourceReport as display cells, where every number the
 * source cannot give is "—" with the reason (never 0), and the list of what
 * the source cannot give at all (its missing capabilities), for the panel's
 * "Not available from this source" section.
 */
import { formatCount, formatPercent, MISSING } from './format.ts';
import type { CellText } from './columns.ts';
import type { Capability } from '../report/report-types.ts';
import { SOURCE_LABELS } from '../settings/sources.ts';
import { missingCapabilities, type SourceReport, type SourceTotals } from '../sources/index.ts';

export interface SourceMetricCell extends CellText {
  id: string;
  label: string;
  missing: boolean;
}

/** What each capability a source lacks means for the user. */
export const CAPABILITY_TEXT: Record<Capability, string> = {
  'unique-24h': 'Unique clicks by the 24 h rule: the source counts uniqueness its own way.',
  'per-placement':
    'Clicks per link position: the source counts per URL, so repeated links share one number.',
  opens: 'Opens.',
  delivered: 'Deliveries (rates use sent instead).',
  bounces: 'Bounces.',
  unsubscribes: 'Unsubscribes.',
  'list-unsubscribe': 'Unsubscribes from the mail client’s button (List-Unsubscribe).',
  'machine-clicks': 'Machine (security scanner) clicks: they are counted like human clicks.',
  'click-implied-opens': 'Opens implied by clicks (images blocked).',
  'all-links': 'Every link: only the source’s top links are reported.',
};

interface Spec {
  id: string;
  label: string;
  value(t: SourceTotals): number | null;
  percent?: boolean;
  /** Why it is null although the source reports it (e.g. a zero denominator). */
  whenNull?(t: SourceTotals): string | null;
}

const needs = (what: string) => `Needs ${what}, which this source does not give.`;

const SPECS: readonly Spec[] = [
  { id: 'sent', label: 'Sent', value: (t) => t.sent },
  { id: 'delivered', label: 'Delivered', value: (t) => t.delivered },
  { id: 'uniqueOpens', label: 'Unique opens', value: (t) => t.uniqueOpens },
  { id: 'totalOpens', label: 'All opens', value: (t) => t.totalOpens },
  { id: 'uniqueClicks', label: 'Unique clicks', value: (t) => t.uniqueClicks },
  { id: 'totalClicks', label: 'All clicks', value: (t) => t.totalClicks },
  {
    id: 'ctr',
    label: 'CTR',
    percent: true,
    value: (t) => t.ctr,
    whenNull: (t) =>
      t.uniqueClicks === null
        ? needs('unique clicks')
        : (t.delivered ?? t.sent) === null
          ? needs('sent or delivered counts')
          : 'Nothing was delivered.',
  },
  {
    id: 'ctor',
    label: 'CTOR',
    percent: true,
    value: (t) => t.ctor,
    whenNull: (t) =>
      t.uniqueClicks === null
        ? needs('unique clicks')
        : t.uniqueOpens === null
          ? needs('unique opens')
          : 'No opens.',
  },
  { id: 'bounces', label: 'Bounces', value: (t) => t.bounces.total },
  { id: 'unsubscribed', label: 'Unsubscribed', value: (t) => t.unsubscribed },
  { id: 'machineClicks', label: 'Machine clicks', value: (t) => t.machineClicks },
];

export function sourceTotalsCells(report: SourceReport, locale?: string): SourceMetricCell[] {
  const name = SOURCE_LABELS[report.source];
  return SPECS.map((spec) => {
    const value = spec.value(report.totals);
    if (value === null) {
      const title = spec.whenNull?.(report.totals) ?? `${name} does not give this number.`;
      return { id: spec.id, label: spec.label, text: MISSING, title, missing: true };
    }
    const text = spec.percent ? formatPercent(value, locale) : formatCount(value, locale);
    return { id: spec.id, label: spec.label, text, missing: false };
  });
}

/** What the source cannot give, worded for the panel, in capability order. */
export function cannotGive(report: SourceReport): string[] {
  return missingCapabilities(report.capabilities).map((c) => CAPABILITY_TEXT[c]);
}
