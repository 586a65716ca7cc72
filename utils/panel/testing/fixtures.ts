/**
 * Test-only: a click map report and page match built from the real Mailchimp
 * responses in test/fixtures/api (campaign report + click details), so panel
 * tests run on real URLs and counts. The page placements are what a typical
 * newsletter layout gives: the lead story linked twice (headline and
 * "Read more"), a hidden preheader link and a mailto the report never counts.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ClickMapLinkRow, ClickMapReport } from '../../report/report-types.ts';
import {
  fromClickMapReport,
  type SourceLinkRow,
  type SourceReport,
} from '../../sources/source-report.ts';
import type { PanelMatch, PlacementView } from '../view-types.ts';

interface MailchimpUrl {
  url: string;
  total_clicks: number;
  unique_clicks: number;
}
interface MailchimpCampaign {
  emails_sent: number;
  opens: { unique_opens: number };
  clicks: { unique_clicks: number; clicks_total: number };
  unsubscribed: number;
  bounces: { hard_bounces: number; soft_bounces: number };
}

function apiFixture<T>(name: string): T {
  // A path, not a URL object: DOM test environments replace the URL global.
  const here = dirname(fileURLToPath(import.meta.url));
  const file = resolve(here, '../../../test/fixtures/api', `${name}.json`);
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

const NAMES = [
  'Supershoes are reshaping distance running',
  'My colleagues turned me into an AI-powered NPC',
  'AI music generators sued',
  'Apple and EU competition law',
  'Electromagnetic waves',
  'Subscribe',
];

export function mailchimpRows(): ClickMapLinkRow[] {
  const { urls_clicked } = apiFixture<{ urls_clicked: MailchimpUrl[] }>(
    'mailchimp-reports-click-details',
  );
  const campaign = apiFixture<MailchimpCampaign>('mailchimp-reports-campaign');
  const sum = urls_clicked.reduce((a, u) => a + u.unique_clicks, 0);
  return urls_clicked.map((u, i) => ({
    rowKey: `url:${i}`,
    linkId: null,
    ordinal: null,
    url: u.url,
    key: u.url,
    name: NAMES[i] ?? '',
    dynamic: false,
    finalDomain: null,
    isUnsubscribe: false,
    uniqueClicks: u.unique_clicks,
    totalClicks: u.total_clicks,
    machineClicks: 0,
    shareOfClicks: u.unique_clicks / sum,
    ctr: u.unique_clicks / campaign.emails_sent,
    ctor: u.unique_clicks / campaign.opens.unique_opens,
  }));
}

/** The report as the panel gets it (the one report shape), from a Click Map API report. */
export function mailchimpReport(): SourceReport {
  return fromClickMapReport(mailchimpClickMapReport());
}

/** The engine's report shape (what the Click Map API sends). */
export function mailchimpClickMapReport(): ClickMapReport {
  const c = apiFixture<MailchimpCampaign>('mailchimp-reports-campaign');
  return {
    templateId: 'tpl-the-download',
    versionId: null,
    period: {},
    campaignIds: ['mc-campaign'],
    machineClicksIncluded: false,
    totals: {
      sent: c.emails_sent,
      delivered: null,
      bounces: { hard: c.bounces.hard_bounces, soft: c.bounces.soft_bounces },
      uniqueOpens: c.opens.unique_opens,
      clickImpliedOpens: 0,
      bouncePixelOpens: 0,
      uniqueClicks: c.clicks.unique_clicks,
      totalClicks: c.clicks.clicks_total,
      unsubscribed: c.unsubscribed,
      unsubscribedBy: { link: c.unsubscribed, listUnsubscribe: 0, other: 0 },
      complaints: 0,
      machineClicks: 0,
      ctr: c.clicks.unique_clicks / c.emails_sent,
      ctor: c.clicks.unique_clicks / c.opens.unique_opens,
    },
    links: mailchimpRows(),
    versions: [
      {
        versionId: 'v1',
        contentHash: 'a1b2c3d4e5',
        from: Date.UTC(2024, 5, 1),
        to: Date.UTC(2024, 5, 20),
      },
      { versionId: 'v2', contentHash: 'f6e7d8c9b0', from: Date.UTC(2024, 5, 20), to: null },
    ],
    capabilities: ['opens', 'bounces', 'unsubscribes', 'all-links'],
    generatedAt: Date.UTC(2024, 5, 29),
  };
}

function placement(
  ordinal: number,
  row: SourceLinkRow | null,
  extra: Partial<PlacementView> = {},
): PlacementView {
  return {
    ordinal,
    url: row?.url ?? '',
    name: row?.name ?? '',
    row,
    duplicateCount: 1,
    duplicateIndex: 1,
    sharedRow: false,
    hidden: false,
    ...extra,
  };
}

/** Page match: rows 0–3 and 5 on the page (row 0 three times, once hidden), row 4 only in the report. */
export function mailchimpMatch(rows: readonly SourceLinkRow[] = mailchimpRows()): PanelMatch {
  const [lead, second, wired, nyt, ieee, subscribe] = rows;
  if (!lead || !second || !wired || !nyt || !ieee || !subscribe) throw new Error('fixture rows');
  return {
    placements: [
      placement(0, lead, {
        hidden: true,
        name: '',
        duplicateCount: 3,
        duplicateIndex: 1,
        sharedRow: true,
      }),
      placement(1, lead, { duplicateCount: 3, duplicateIndex: 2, sharedRow: true }),
      placement(2, second),
      placement(3, lead, {
        duplicateCount: 3,
        duplicateIndex: 3,
        sharedRow: true,
        name: 'Read more',
      }),
      placement(4, wired),
      placement(5, nyt),
      placement(6, null, { url: 'mailto:letters@technologyreview.com', name: 'Write to us' }),
      placement(7, subscribe),
    ],
    unmatchedRows: [ieee],
  };
}
