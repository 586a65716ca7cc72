/**
 * Mailchimp report → SourceReport (pure). Mailchimp counts per URL, not per
 * placement, uses its own uniqueness (per subscriber, whole campaign life) and
 * does not expose machine clicks, click-implied opens or the unsubscribe
 * method: those stay null and the capabilities say so.
 */
import type { Capability } from '../../report/report-types.ts';
import type { Period, Millis } from '../../report/model.ts';
import type { MailchimpCampaignReport, MailchimpClickDetail } from './schemas.ts';
import { emptyTotals, linkRowsFromCounts, withRates } from '../source-report.ts';
import type { SourceNote, SourceReport, SourceTotals } from '../source-report.ts';
import { t } from '../../i18n/i18n.ts';

export const MAILCHIMP_CAPABILITIES: readonly Capability[] = [
  'opens',
  'delivered',
  'bounces',
  'unsubscribes',
  'all-links',
];

export function mailchimpTotals(report: MailchimpCampaignReport): SourceTotals {
  const { bounces } = report;
  const bounced = bounces.hard_bounces + bounces.soft_bounces + bounces.syntax_errors;
  return withRates({
    ...emptyTotals(),
    sent: report.emails_sent,
    // Mailchimp's "successful deliveries" = sent minus every bounce kind.
    delivered: report.emails_sent - bounced,
    bounces: { hard: bounces.hard_bounces, soft: bounces.soft_bounces, total: bounced },
    uniqueOpens: report.opens.unique_opens,
    totalOpens: report.opens.opens_total,
    // unique_clicks sums per-URL uniques; unique_subscriber_clicks counts each recipient once.
    uniqueClicks: report.clicks.unique_subscriber_clicks,
    totalClicks: report.clicks.clicks_total,
    unsubscribed: report.unsubscribed,
    complaints: report.abuse_reports,
  });
}

export interface MailchimpMapOptions {
  templateId?: string;
  period?: Period;
  generatedAt: Millis;
}

export const MAILCHIMP_NOTES = {
  uniqueness: {
    id: 'mailchimp-uniqueness',
    get text() {
      return t('mailchimpNoteUniqueness');
    },
  },
  perUrl: {
    id: 'mailchimp-per-url',
    get text() {
      return t('mailchimpNotePerUrl');
    },
  },
  periodIgnored: {
    id: 'mailchimp-period-ignored',
    get text() {
      return t('mailchimpNotePeriod');
    },
  },
} satisfies Record<string, SourceNote>;

export function mapMailchimpReport(
  report: MailchimpCampaignReport,
  clicks: readonly MailchimpClickDetail[],
  options: MailchimpMapOptions,
): SourceReport {
  const totals = mailchimpTotals(report);
  const notes: SourceNote[] = [MAILCHIMP_NOTES.uniqueness, MAILCHIMP_NOTES.perUrl];
  if (options.period && (options.period.from !== undefined || options.period.to !== undefined)) {
    notes.push(MAILCHIMP_NOTES.periodIgnored);
  }
  const counts = clicks.map((click) => ({
    url: click.url,
    uniqueClicks: click.unique_clicks,
    totalClicks: click.total_clicks,
    providerLinkId: click.id,
  }));
  return {
    source: 'mailchimp',
    templateId: options.templateId ?? report.id,
    versionId: null,
    period: {},
    campaignIds: [report.id],
    machineClicksIncluded: true,
    totals,
    links: linkRowsFromCounts(counts, totals, 'unique'),
    versions: [],
    capabilities: [...MAILCHIMP_CAPABILITIES],
    generatedAt: options.generatedAt,
    shareBasis: 'unique',
    notes,
  };
}
