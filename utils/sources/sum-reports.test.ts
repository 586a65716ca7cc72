import { describe, expect, it } from 'vitest';
import type { ListmonkCampaign } from './listmonk/schemas.ts';
import { mapListmonkReport } from './listmonk/map.ts';
import { mapMailchimpReport } from './mailchimp/map.ts';
import type { MailchimpCampaignReport, MailchimpClickDetail } from './mailchimp/schemas.ts';
import { sumReports } from './sum-reports.ts';
import { apiFixture } from './testing/fixtures.ts';
import { fromClickMapReport, missingCapabilities } from './source-report.ts';

const mc = apiFixture('mailchimp-reports-campaign') as MailchimpCampaignReport;
const clicks = (
  apiFixture('mailchimp-reports-click-details') as { urls_clicked: MailchimpClickDetail[] }
).urls_clicked;
const lm = (apiFixture('listmonk-campaigns-get') as { data: ListmonkCampaign }).data;
const window = { from: 0, to: 1 };

describe('sumReports', () => {
  it('keeps a number unknown when one campaign does not know it', () => {
    const a = mapListmonkReport(
      lm,
      { views: 44, clicks: 13, bounces: 1, links: [{ url: 'https://a.example/', count: 5 }] },
      { period: window, generatedAt: 1 },
    );
    const b = mapListmonkReport(
      { ...lm, id: 2, sent: 80 },
      {
        views: 6,
        clicks: 2,
        bounces: 0,
        links: [
          { url: 'https://a.example', count: 2 },
          { url: 'https://b.example/', count: 1 },
        ],
      },
      { period: window, generatedAt: 1 },
    );
    const sum = sumReports([a, b], 'tpl', 9);
    expect(sum.campaignIds).toEqual(['1', '2']);
    expect(sum.totals.sent).toBe(200);
    expect(sum.totals.totalOpens).toBe(50);
    expect(sum.totals.uniqueOpens).toBeNull();
    expect(sum.totals.bounces).toEqual({ hard: null, soft: null, total: 1 });
    // https://a.example/ and https://a.example are one link identity.
    expect(sum.links.map((r) => [r.url, r.totalClicks, r.uniqueClicks, r.shareOfClicks])).toEqual([
      ['https://a.example/', 7, null, 7 / 8],
      ['https://b.example/', 1, null, 1 / 8],
    ]);
    expect(sum.shareBasis).toBe('total');
    expect(sum.generatedAt).toBe(9);
  });

  it('keeps only the capabilities every campaign has', () => {
    const mailchimp = mapMailchimpReport(mc, clicks, { generatedAt: 1 });
    const listmonk = mapListmonkReport(
      lm,
      { views: 1, clicks: 1, bounces: 0, links: [] },
      { period: window, generatedAt: 1 },
    );
    expect(sumReports([mailchimp, listmonk], 'tpl', 2).capabilities).toEqual(['bounces']);
    expect(missingCapabilities(mailchimp.capabilities)).toEqual([
      'unique-24h',
      'per-placement',
      'list-unsubscribe',
      'machine-clicks',
      'click-implied-opens',
    ]);
  });

  it('turns an engine report into a source report without losing a number', () => {
    const mailchimp = mapMailchimpReport(mc, clicks, { generatedAt: 1 });
    const engine = fromClickMapReport({
      templateId: 't',
      versionId: null,
      period: {},
      campaignIds: [],
      machineClicksIncluded: false,
      totals: {
        sent: 3,
        delivered: 3,
        bounces: { hard: 0, soft: 1 },
        uniqueOpens: 2,
        clickImpliedOpens: 1,
        bouncePixelOpens: 0,
        uniqueClicks: 1,
        totalClicks: 2,
        unsubscribed: 0,
        unsubscribedBy: { link: 0, listUnsubscribe: 0, other: 0 },
        complaints: 0,
        machineClicks: 0,
        ctr: 1 / 3,
        ctor: 0.5,
      },
      links: [],
      versions: [],
      capabilities: [],
      generatedAt: 5,
    });
    expect(engine.totals.bounces.total).toBe(1);
    expect(engine.totals.clickImpliedOpens).toBe(1);
    expect(mailchimp.totals.clickImpliedOpens).toBeNull();
  });
});

describe('createSource', () => {
  it('builds the source its config names', async () => {
    const { createSource } = await import('./index.ts');
    const deps = {
      http: async () => ({ status: 500, headers: {}, json: undefined }),
      sleep: async () => {},
    };
    expect(createSource({ kind: 'mailchimp', apiKey: 'k-us1' }, deps).kind).toBe('mailchimp');
    expect(
      createSource({ kind: 'listmonk', baseUrl: 'https://l', username: 'u', token: 't' }, deps)
        .capabilities,
    ).toEqual(['bounces']);
    expect(
      createSource({ kind: 'mautic', baseUrl: 'https://m', accessToken: 't' }, deps).kind,
    ).toBe('mautic');
    expect(
      createSource({ kind: 'clickmap-api', apiUrl: 'http://127.0.0.1:1', token: 't' }, deps).kind,
    ).toBe('clickmap-api');
  });
});
