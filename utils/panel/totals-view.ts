/**
 * The totals block as display cells, for every source: every number
 * formatted, and every number the source cannot give turned into "—" with
 * the reason, never into 0. Availability comes from the report's
 * capabilities and from null fields. "All opens", "All clicks" and "Bounces"
 * are extra cells, shown when the source gives them.
 */
import type { Capability } from '../report/report-types.ts';
import type { SourceTotals } from '../sources/source-report.ts';
import { t, type MessageKey } from '../i18n/i18n.ts';
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
  /** Shown under the number: what it is in place of (total clicks where unique clicks are unknown). */
  note?: string;
}

interface MetricSpec {
  id: TotalsMetricId;
  label: MessageKey;
  meaning: MessageKey;
  headline?: boolean;
  needs?: Capability[];
  value(t: SourceTotals): number | null;
  percent?: boolean;
  /** Why the value is null although the source provides it (a zero or unknown denominator). */
  whenNull?(t: SourceTotals, source: string): string;
  /** Shown only when the source gives the number (extras beyond the seed's block). */
  extra?: boolean;
}

const needs = (what: MessageKey, source: string) => t('needsWhatSourceLacks', source, t(what));

/** Why a capability's numbers are missing; $1 is the source's name. */
const NOT_REPORTED: Partial<Record<Capability, MessageKey>> = {
  opens: 'sourceNoOpens',
  delivered: 'sourceNoDeliveries',
  bounces: 'sourceNoBounces',
  unsubscribes: 'sourceNoUnsubscribes',
  'machine-clicks': 'sourceNoMachineClicks',
  'click-implied-opens': 'sourceNoClickImpliedOpens',
};

const SPECS: readonly MetricSpec[] = [
  {
    id: 'uniqueOpens',
    label: 'metricUniqueOpens',
    headline: true,
    needs: ['opens'],
    value: (t) => t.uniqueOpens,
    meaning: 'meaningUniqueOpens',
  },
  {
    id: 'uniqueClicks',
    label: 'metricUniqueClicks',
    headline: true,
    value: (t) => t.uniqueClicks,
    meaning: 'meaningUniqueClicks',
  },
  {
    id: 'unsubscribed',
    label: 'metricUnsubscribed',
    headline: true,
    needs: ['unsubscribes'],
    value: (t) => t.unsubscribed,
    meaning: 'meaningUnsubscribed',
  },
  { id: 'sent', label: 'metricSent', value: (t) => t.sent, meaning: 'meaningSent' },
  {
    id: 'delivered',
    label: 'metricDelivered',
    needs: ['delivered'],
    value: (t) => t.delivered,
    meaning: 'meaningDelivered',
    whenNull: (_t, source) => t('sourceNoDeliveries', source),
  },
  {
    id: 'ctr',
    label: 'metricCtr',
    percent: true,
    value: (t) => t.ctr,
    meaning: 'meaningCtr',
    whenNull: (tot, source) =>
      tot.uniqueClicks === null
        ? needs('whatUniqueClicks', source)
        : (tot.delivered ?? tot.sent) === null
          ? needs('whatSentOrDelivered', source)
          : t('noDeliveriesInPeriod'),
  },
  {
    id: 'ctor',
    label: 'metricCtor',
    percent: true,
    needs: ['opens'],
    value: (t) => t.ctor,
    meaning: 'meaningCtor',
    whenNull: (tot, source) =>
      tot.uniqueClicks === null
        ? needs('whatUniqueClicks', source)
        : tot.uniqueOpens === null
          ? needs('whatUniqueOpens', source)
          : t('noOpensInPeriod'),
  },
  {
    id: 'trackedOpens',
    label: 'metricTrackedOpens',
    needs: ['opens'],
    value: (t) => t.uniqueOpens,
    meaning: 'meaningTrackedOpens',
  },
  {
    id: 'clickImpliedOpens',
    label: 'metricClickImpliedOpens',
    needs: ['opens', 'click-implied-opens'],
    value: (t) => t.clickImpliedOpens,
    meaning: 'meaningClickImpliedOpens',
  },
  {
    id: 'bouncePixelOpens',
    label: 'metricBouncePixelOpens',
    needs: ['opens', 'bounces'],
    value: (t) => t.bouncePixelOpens,
    meaning: 'meaningBouncePixelOpens',
  },
  {
    id: 'machineClicks',
    label: 'metricMachineClicks',
    needs: ['machine-clicks'],
    value: (t) => t.machineClicks,
    meaning: 'meaningMachineClicks',
  },
  {
    id: 'totalOpens',
    label: 'metricAllOpens',
    extra: true,
    needs: ['opens'],
    value: (t) => t.totalOpens,
    meaning: 'meaningTotalOpens',
  },
  {
    id: 'totalClicks',
    label: 'metricAllClicks',
    extra: true,
    value: (t) => t.totalClicks,
    meaning: 'meaningTotalClicks',
  },
  {
    id: 'bounces',
    label: 'metricBounces',
    extra: true,
    needs: ['bounces'],
    value: (t) => t.bounces.total ?? sumOrNull(t.bounces.hard, t.bounces.soft),
    meaning: 'meaningBounces',
  },
];

function sumOrNull(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : a + b;
}

function missingCapabilityReason(
  spec: MetricSpec,
  caps: ReadonlySet<Capability>,
  source: string,
): string | null {
  const lacking = (spec.needs ?? []).find((c) => !caps.has(c));
  return lacking === undefined ? null : t(NOT_REPORTED[lacking] ?? 'sourceNoThis', source);
}

function cell(
  spec: MetricSpec,
  totals: SourceTotals,
  caps: ReadonlySet<Capability>,
  source: string,
  locale?: string,
): MetricCell {
  const base = { id: spec.id, label: t(spec.label), headline: spec.headline === true };
  const reason = missingCapabilityReason(spec, caps, source);
  const value = reason === null ? spec.value(totals) : null;
  if (value === null) {
    const title = reason ?? spec.whenNull?.(totals, source) ?? t('sourceNoThisNumber', source);
    return { ...base, text: MISSING, title, missing: true };
  }
  const text = spec.percent ? formatPercent(value, locale) : formatCount(value, locale);
  return { ...base, text, title: t(spec.meaning), missing: false };
}

/**
 * Display cells for the totals block, headline numbers first; extras only
 * when known. `sourceName` words the reasons (default "The data source").
 */
export function totalsCells(
  totals: SourceTotals,
  capabilities: readonly Capability[],
  locale?: string,
  sourceName = t('theDataSource'),
): MetricCell[] {
  const caps = new Set(capabilities);
  const cells = SPECS.map((spec) => cell(spec, totals, caps, sourceName, locale)).filter(
    (c, i) => !(SPECS[i]?.extra === true && c.missing),
  );
  return totalClicksInPlaceOfUnique(cells, sourceName);
}

/**
 * A source without unique clicks (listmonk) shows its total clicks among the
 * headline numbers, in the unique clicks' place and visibly labelled as such;
 * the unique clicks' "—" with its reason moves to the details.
 */
function totalClicksInPlaceOfUnique(cells: MetricCell[], source: string): MetricCell[] {
  const unique = cells.find((c) => c.id === 'uniqueClicks');
  const total = cells.find((c) => c.id === 'totalClicks');
  if (!unique?.missing || !total || total.missing) return cells;
  const promoted: MetricCell = { ...total, headline: true, note: t('noUniqueClicksNote', source) };
  return cells
    .filter((c) => c !== total)
    .flatMap((c) => (c === unique ? [promoted, { ...unique, headline: false }] : [c]));
}
