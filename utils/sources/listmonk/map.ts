/**
 * listmonk campaign + analytics → SourceReport (pure). listmonk records every
 * view and click without uniqueness, splits bounces only in its bounce log,
 * and its link analytics return the top 50 URLs only: unique counts are null,
 * 'all-links' is not a capability and the notes say why.
 */
import type { Millis } from '../../report/model.ts';
import type { Capability } from '../../report/report-types.ts';
import type { ListmonkCampaign, ListmonkLinkCount } from './schemas.ts';
import { emptyTotals, linkRowsFromCounts, withRates } from '../source-report.ts';
import type { SourceNote, SourceReport } from '../source-report.ts';
import { t } from '../../i18n/i18n.ts';

export const LISTMONK_CAPABILITIES: readonly Capability[] = ['bounces'];

export const LISTMONK_NOTES = {
  /** listmonk's links analytics query ends with LIMIT 50. */
  topLinks: {
    id: 'listmonk-top-50-links',
    get text() {
      return t('listmonkNoteTopLinks');
    },
  },
  totalsOnly: {
    id: 'listmonk-no-unique-counts',
    get text() {
      return t('listmonkNoteTotalsOnly');
    },
  },
  bounceSplit: {
    id: 'listmonk-bounce-split',
    get text() {
      return t('listmonkNoteBounceSplit');
    },
  },
} satisfies Record<string, SourceNote>;

export interface ListmonkAnalytics {
  views: number;
  clicks: number;
  bounces: number;
  links: readonly ListmonkLinkCount[];
}

const sumCounts = (rows: readonly { count: number }[]) =>
  rows.reduce((sum, row) => sum + row.count, 0);

export function sumAnalytics(
  views: readonly { count: number }[],
  clicks: readonly { count: number }[],
  bounces: readonly { count: number }[],
  links: readonly ListmonkLinkCount[],
): ListmonkAnalytics {
  return { views: sumCounts(views), clicks: sumCounts(clicks), bounces: sumCounts(bounces), links };
}

export interface ListmonkMapOptions {
  templateId?: string;
  period: { from: Millis; to: Millis };
  generatedAt: Millis;
}

export function mapListmonkReport(
  campaign: ListmonkCampaign,
  analytics: ListmonkAnalytics,
  options: ListmonkMapOptions,
): SourceReport {
  const totals = withRates({
    ...emptyTotals(),
    sent: campaign.sent,
    bounces: { hard: null, soft: null, total: analytics.bounces },
    totalOpens: analytics.views,
    totalClicks: analytics.clicks,
  });
  const counts = analytics.links.map((link) => ({
    url: link.url,
    uniqueClicks: null,
    totalClicks: link.count,
  }));
  return {
    source: 'listmonk',
    templateId: options.templateId ?? String(campaign.template_id ?? campaign.id),
    versionId: null,
    period: options.period,
    campaignIds: [String(campaign.id)],
    machineClicksIncluded: true,
    totals,
    links: linkRowsFromCounts(counts, totals, 'total'),
    versions: [],
    capabilities: [...LISTMONK_CAPABILITIES],
    generatedAt: options.generatedAt,
    shareBasis: 'total',
    notes: [LISTMONK_NOTES.topLinks, LISTMONK_NOTES.totalsOnly, LISTMONK_NOTES.bounceSplit],
  };
}

/** listmonk marks tracked links as `url@TrackLink` or `{{ TrackLink "url" }}`: the URL as clicked. */
export function stripTrackLink(href: string): string {
  const templated = /^\{\{\s*TrackLink\s+"([^"]*)"[^}]*\}\}$/.exec(href.trim());
  if (templated?.[1] !== undefined) return templated[1];
  return href.replace(/@TrackLink$/, '');
}

/** What matching a received email to this campaign can use. */
export interface ListmonkCampaignInfo {
  id: string;
  uuid: string;
  name: string;
  subject: string;
  fromEmail: string;
  body: string | null;
}

export function listmonkCampaignInfo(campaign: ListmonkCampaign): ListmonkCampaignInfo {
  return {
    id: String(campaign.id),
    uuid: campaign.uuid,
    name: campaign.name,
    subject: campaign.subject,
    fromEmail: campaign.from_email,
    body: campaign.body ?? null,
  };
}
