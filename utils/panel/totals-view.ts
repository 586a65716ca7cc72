/**
 * The totals block as display cells, for every source: every number
 * formatted, and every number the source cannot give turned into "—" with
 * the reason, never into 0. Availability comes from the report's
 * capabilities and from null fields. "All opens", "All clicks" and "Bounces"
 * are extra cells, shown when the source gives them.
 */
import type { Capability } from '../report/report-types.ts';
import type { SourceTotals } from '../sources/source-report.ts';
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
  | 'machineClicks'
  | 'totalOpens'
  | 'totalClicks'
  | 'bounces';

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
  value(t: SourceTotals): number | null;
  percent?: boolean;
  /** Why the value is null although the source provides it (a zero or unknown denominator). */
  whenNull?(t: SourceTotals, source: string): string;
  /** Shown only when the source gives the number (extras beyond the seed's block). */
  extra?: boolean;
}

const needs = (what: string, source: string) => `Needs ${what}, which ${source} does not give.`;

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
    whenNull: (_t, source) => `${source} does not report deliveries.`,
  },
  {
    id: 'ctr',
    label: 'CTR',
    percent: true,
    value: (t) => t.ctr,
    meaning: 'Unique clicks / delivered (sent when deliveries are unknown).',
    whenNull: (t, source) =>
      t.uniqueClicks === null
        ? needs('unique clicks', source)
        : (t.delivered ?? t.sent) === null
          ? needs('sent or delivered counts', source)
          : 'No messages were delivered in this period.',
  },
  {
    id: 'ctor',
    label: 'CTOR',
    percent: true,
    needs: ['opens'],
    value: (t) => t.ctor,
    meaning: 'Unique clicks / unique opens.',
    whenNull: (t, source) =>
      t.uniqueClicks === null
        ? needs('unique clicks', source)
        : t.uniqueOpens === null
          ? needs('unique opens', source)
          : 'No opens in this period.',
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
  {
    id: 'totalOpens',
    label: 'All opens',
    extra: true,
    needs: ['opens'],
    value: (t) => t.totalOpens,
    meaning: 'Every open the source recorded, repeated opens included.',
  },
  {
    id: 'totalClicks',
    label: 'All clicks',
    extra: true,
    value: (t) => t.totalClicks,
    meaning: 'Every click the source counted, repeated clicks included.',
  },
  {
    id: 'bounces',
    label: 'Bounces',
    extra: true,
    needs: ['bounces'],
    value: (t) => t.bounces.total ?? sumOrNull(t.bounces.hard, t.bounces.soft),
    meaning: 'Hard and soft bounces.',
  },
];

function sumOrNull(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : a + b;
}

/** "The data source does not report opens." in the source's name. */
function named(reason: string, source: string): string {
  return reason.replace(/^The data source/, source);
}

function missingCapabilityReason(
  spec: MetricSpec,
  caps: ReadonlySet<Capability>,
  source: string,
): string | null {
  const lacking = (spec.needs ?? []).find((c) => !caps.has(c));
  return lacking === undefined
    ? null
    : named(NOT_REPORTED[lacking] ?? 'The data source does not report this.', source);
}

function cell(
  spec: MetricSpec,
  totals: SourceTotals,
  caps: ReadonlySet<Capability>,
  source: string,
  locale?: string,
): MetricCell {
  const base = { id: spec.id, label: spec.label, headline: spec.headline === true };
  const reason = missingCapabilityReason(spec, caps, source);
  const value = reason === null ? spec.value(totals) : null;
  if (value === null) {
    const title =
      reason ?? spec.whenNull?.(totals, source) ?? `${source} does not give this number.`;
    return { ...base, text: MISSING, title, missing: true };
  }
  const text = spec.percent ? formatPercent(value, locale) : formatCount(value, locale);
  return { ...base, text, title: spec.meaning, missing: false };
}

/**
 * Display cells for the totals block, headline numbers first; extras only
 * when known. `sourceName` words the reasons (default "The data source").
 */
export function totalsCells(
  totals: SourceTotals,
  capabilities: readonly Capability[],
  locale?: string,
  sourceName = 'The data source',
): MetricCell[] {
  const caps = new Set(capabilities);
  return SPECS.map((spec) => cell(spec, totals, caps, sourceName, locale)).filter(
    (c, i) => !(SPECS[i]?.extra === true && c.missing),
  );
}
