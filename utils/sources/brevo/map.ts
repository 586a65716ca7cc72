/**
 * Brevo campaign statistics → SourceReport (pure). Brevo gives campaign
 * totals (unique and all opens and clicks, deliveries, bounces by kind,
 * unsubscriptions, complaints) and one click count per link URL, not split
 * into unique clicks: the link rows carry all clicks and shares of all
 * clicks. Uniqueness is Brevo's own (not the 24 h rule); placements, machine
 * clicks and click-implied opens are not exposed: null, and the capabilities
 * say so.
 */
import type { Millis, Period } from '../../report/model.ts';
import type { Capability } from '../../report/report-types.ts';
import { emptyTotals, linkRowsFromCounts, withRates } from '../source-report.ts';
import type { SourceNote, SourceReport, SourceTotals } from '../source-report.ts';
import type { BrevoCampaign } from './schemas.ts';
import { t } from '../../i18n/i18n.ts';

export const BREVO_CAPABILITIES: readonly Capability[] = [
  'opens',
  'delivered',
  'bounces',
  'unsubscribes',
  'all-links',
];

export const BREVO_NOTES = {
  linkClicks: {
    id: 'brevo-link-clicks',
    get text() {
      return t('brevoNoteLinkClicks');
    },
  },
  uniqueness: {
    id: 'brevo-uniqueness',
    get text() {
      return t('brevoNoteUniqueness');
    },
  },
  periodIgnored: {
    id: 'brevo-period-ignored',
    get text() {
      return t('brevoNotePeriod');
    },
  },
} satisfies Record<string, SourceNote>;

/** A count Brevo left out (absent or null) is unknown, never 0. */
const n = (value: number | null | undefined): number | null => value ?? null;
const add = (a: number | null, b: number | null) => (a === null || b === null ? null : a + b);

export function brevoTotals(campaign: BrevoCampaign): SourceTotals {
  const g = campaign.statistics?.globalStats;
  if (!g) return withRates(emptyTotals());
  return withRates({
    ...emptyTotals(),
    sent: n(g.sent),
    delivered: n(g.delivered),
    bounces: {
      hard: n(g.hardBounces),
      soft: n(g.softBounces),
      total: add(n(g.hardBounces), n(g.softBounces)),
    },
    uniqueOpens: n(g.uniqueViews),
    totalOpens: n(g.viewed),
    uniqueClicks: n(g.uniqueClicks),
    totalClicks: n(g.clickers),
    unsubscribed: n(g.unsubscriptions),
    complaints: n(g.complaints),
  });
}

export interface BrevoMapOptions {
  period?: Period;
  generatedAt: Millis;
}

export function mapBrevoCampaign(campaign: BrevoCampaign, options: BrevoMapOptions): SourceReport {
  const totals = brevoTotals(campaign);
  const notes: SourceNote[] = [BREVO_NOTES.linkClicks, BREVO_NOTES.uniqueness];
  if (options.period && (options.period.from !== undefined || options.period.to !== undefined)) {
    notes.push(BREVO_NOTES.periodIgnored);
  }
  const counts = Object.entries(campaign.statistics?.linksStats ?? {}).map(([url, clicks]) => ({
    url,
    uniqueClicks: null,
    totalClicks: clicks,
  }));
  const id = String(campaign.id);
  return {
    source: 'brevo',
    templateId: id,
    versionId: null,
    period: {},
    campaignIds: [id],
    machineClicksIncluded: true,
    totals,
    links: linkRowsFromCounts(counts, totals, 'total'),
    versions: [],
    capabilities: [...BREVO_CAPABILITIES],
    generatedAt: options.generatedAt,
    shareBasis: 'total',
    notes,
  };
}
