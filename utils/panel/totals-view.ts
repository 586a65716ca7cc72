/**
 * The totals block as display cells: every number formatted, and every number
 * the source cannot give turned into "—" with the reason, never into 0.
 * Availability comes from the report's capabilities and from null fields.
 */
import type { Capability, ClickMapTotals } from '../report/report-types.ts';
import { formatCount, formatPercent, MISSING } from './format.ts';

export type TotalsMetricId =
  | 'uniqueOpens'
  | 'uniqueClicks'
  | 'unsubscribed'
  | 'sent'
  | 'delivered'
  | 'ctr'
  | 'ctor'
  | 'trackedOpens'
  | 'clickImpliedOpens'
  | 'bouncePixelOpens'
  | 'machineClicks';

export interface MetricCell {
  id: TotalsMetricId;
  label: string;
  /** Formatted number, or "—". */
  text: string;
  /** What the number means, or why it is missing. */
  title: string;
  missing: boolean;
  /** One of the three headline numbers (Altcraft's right-hand block). */
  headline: boolean;
}

interface MetricSpec {
  id: TotalsMetricId;
  label: string;
  meaning: string;
  headline?: boolean;
  needs?: Capability[];
  value(t: ClickMapTotals): number | null;
  percent?: boolean;
  /** Why the value is null although the source provides it (denominator 0). */
  whenNull?: string;
}

const NOT_REPORTED: Partial<Record<Capability, string>> = {
  opens: 'The data source does not report opens.',
  delivered: 'The data source does not report deliveries.',
  bounces: 'The data source does not report bounces.',
  unsubscribes: 'The data source does not report unsubscribes.',
  'machine-clicks': 'The data source does not flag machine (scanner) clicks.',
  'click-implied-opens': 'The data source does not report which clickers had no tracked open.',
};

const SPECS: readonly MetricSpec[] = [
  {
    id: 'uniqueOpens',
    label: 'Unique opens',
    headline: true,
    needs: ['opens'],
    value: (t) => t.uniqueOpens,
    meaning: 'Messages opened at least once (tracking pixel), bounced messages excluded.',
  },
  {
    id: 'uniqueClicks',
    label: 'Unique clicks',
    headline: true,
    value: (t) => t.uniqueClicks,
    meaning: 'Messages with at least one counted click, each message once.',
  },
  {
    id: 'unsubscribed',
    label: 'Unsubscribed',
    headline: true,
    needs: ['unsubscribes'],
    value: (t) => t.unsubscribed,
    meaning: 'Recipients who unsubscribed by any method, each once.',
  },
  { id: 'sent', label: 'Sent', value: (t) => t.sent, meaning: 'Messages sent.' },
  {
    id: 'delivered',
    label: 'Delivered',
    needs: ['delivered'],
    value: (t) => t.delivered,
    meaning: 'Messages delivered.',
    whenNull: NOT_REPORTED.delivered,
  },
  {
    id: 'ctr',
    label: 'CTR',
    percent: true,
    value: (t) => t.ctr,
    meaning: 'Unique clicks / delivered (sent when deliveries are unknown).',
    whenNull: 'No messages were delivered in this period.',
  },
  {
    id: 'ctor',
    label: 'CTOR',
    percent: true,
    needs: ['opens'],
    value: (t) => t.ctor,
    meaning: 'Unique clicks / unique opens.',
    whenNull: 'No opens in this period.',
  },
  {
    id: 'trackedOpens',
    label: 'Tracked opens',
    needs: ['opens'],
    value: (t) => t.uniqueOpens,
    meaning: 'Opens seen through the tracking pixel.',
  },
  {
    id: 'clickImpliedOpens',
    label: 'Click-implied opens',
    needs: ['opens', 'click-implied-opens'],
    value: (t) => t.clickImpliedOpens,
    meaning: 'Messages clicked without a tracked open (images blocked); not in unique opens.',
  },
  {
    id: 'bouncePixelOpens',
    label: 'Bounce pixel opens',
    needs: ['opens', 'bounces'],
    value: (t) => t.bouncePixelOpens,
    meaning: 'Opens on bounced messages (a server pinging the pixel); not in unique opens.',
  },
  {
    id: 'machineClicks',
    label: 'Machine clicks',
    needs: ['machine-clicks'],
    value: (t) => t.machineClicks,
    meaning: 'Clicks flagged as security-scanner or bot clicks.',
  },
];

function missingCapabilityReason(spec: MetricSpec, caps: ReadonlySet<Capability>): string | null {
  const lacking = (spec.needs ?? []).find((c) => !caps.has(c));
  return lacking === undefined
    ? null
    : (NOT_REPORTED[lacking] ?? 'The data source does not report this.');
}

function cell(
  spec: MetricSpec,
  totals: ClickMapTotals,
  caps: ReadonlySet<Capability>,
  locale?: string,
): MetricCell {
  const base = { id: spec.id, label: spec.label, headline: spec.headline === true };
  const reason = missingCapabilityReason(spec, caps);
  const value = reason === null ? spec.value(totals) : null;
  if (value === null) {
    const title = reason ?? spec.whenNull ?? 'Not available.';
    return { ...base, text: MISSING, title, missing: true };
  }
  const text = spec.percent ? formatPercent(value, locale) : formatCount(value, locale);
  return { ...base, text, title: spec.meaning, missing: false };
}

/** Display cells for the totals block, headline numbers first. */
export function totalsCells(
  totals: ClickMapTotals,
  capabilities: readonly Capability[],
  locale?: string,
): MetricCell[] {
  const caps = new Set(capabilities);
  return SPECS.map((spec) => cell(spec, totals, caps, locale));
}
