// @vitest-environment jsdom
/**
 * loadReport for every source kind: the Click Map API against the real
 * reference server with the demo data (match → report → sequence), the ESP
 * sources against their documented responses through a fake http (campaign
 * read from tracking links), and the outcomes for what cannot be loaded.
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/start.ts';
import { templateHtml } from '../../test/fixtures/links/corpus.ts';
import { RequestCache } from '../cache/request-cache.ts';
import type { ReportOutcome, ReportSelection } from '../messaging/protocol.ts';
import { DEFAULT_SETTINGS, withSource, type Settings } from '../settings/settings.ts';
import type { SourceSettings } from '../settings/sources.ts';
import type { HttpFn } from '../sources/http.ts';
import { fakeHttp, json, noSleep, type FakeRoute } from '../sources/testing/fake-http.ts';
import { fetchHttp } from '../sources/testing/fetch-http.ts';
import { apiFixture } from '../sources/testing/fixtures.ts';
import { loadReport } from './load-report.ts';
import { emailWith, previewOf } from '../messaging/testing/preview.ts';

const ALL: ReportSelection = { versionId: null, period: {}, includeMachineClicks: null };
const NOW = Date.parse('2024-09-01T00:00:00Z');

function settingsWith(source: SourceSettings): Settings {
  return withSource({ ...DEFAULT_SETTINGS, activeSource: source.kind }, source);
}

function load(
  settings: Settings,
  http: HttpFn,
  html: string,
  selection: ReportSelection = ALL,
): Promise<ReportOutcome> {
  const cache = new RequestCache<unknown>({ ttlMs: 60_000, maxEntries: 50, now: () => NOW });
  const sourceDeps = { http, sleep: noSleep, now: () => NOW };
  return loadReport({ settings, sourceDeps, cache }, previewOf(html), selection);
}

const ready = (outcome: ReportOutcome) => {
  if (outcome.state !== 'ready') throw new Error(`not ready: ${JSON.stringify(outcome)}`);
  return outcome;
};

describe('not configured', () => {
  it.each<[string, Settings]>([
    ['no source', DEFAULT_SETTINGS],
    [
      'an active source with a missing token',
      settingsWith({ kind: 'clickmap-api', apiUrl: 'https://x.io', token: '' }),
    ],
    [
      'a saved source that is not the active one',
      { ...settingsWith({ kind: 'mailchimp', apiKey: 'k-us1' }), activeSource: null },
    ],
  ])('%s', async (_name, settings) => {
    const { http, requests } = fakeHttp([]);
    expect(await load(settings, http, emailWith(['https://a.example/']))).toEqual({
      state: 'not-configured',
    });
    expect(requests).toEqual([]);
  });
});

describe('Click Map API (reference server, demo data)', () => {
  let api: RunningServer;
  beforeAll(async () => {
    // Under jsdom import.meta.url is not a file URL: tell the demo loader where the corpus is.
    process.env.CLICKMAP_CORPUS ??= resolve(process.cwd(), '../shared/corpus/templates');
    api = await startServer({ seed: 'demo', token: 'unit-token' });
  });
  afterAll(() => api.close());
  const settings = () =>
    settingsWith({ kind: 'clickmap-api', apiUrl: api.url, token: 'unit-token' });

  it('matches the sales-outreach email and loads its report and its 4-step sequence', async () => {
    const outcome = ready(
      await load(settings(), fetchHttp, templateHtml('postmark-plain-trial-expiring.html')),
    );
    expect(outcome.match.templateId).toBe('sales-outreach');
    expect(outcome.match.campaignId).toMatch(/^sales-step[1-4]$/);
    expect(outcome.report.source).toBe('clickmap-api');
    const expected = (await (
      await fetch(`${api.url}/v1/sequences/sales-q4/report`, {
        headers: { Authorization: 'Bearer unit-token' },
      })
    ).json()) as unknown;
    expect(outcome.sequence).toEqual(expected);
    expect(outcome.sequence?.steps.map((s) => s.campaignId)).toEqual([
      'sales-step1',
      'sales-step2',
      'sales-step3',
      'sales-step4',
    ]);
  });

  it('lists the template campaigns and narrows the report to a picked step', async () => {
    const html = templateHtml('postmark-plain-trial-expiring.html');
    const all = ready(await load(settings(), fetchHttp, html));
    expect(all.templateName).toBe('Sales outreach (Postmark)');
    expect(all.campaignId).toBeNull();
    expect(all.report.campaignIds).toEqual([
      'sales-step1',
      'sales-step2',
      'sales-step3',
      'sales-step4',
    ]);
    expect(all.campaigns?.map((c) => [c.id, c.sequence?.step])).toEqual([
      ['sales-step4', 4],
      ['sales-step3', 3],
      ['sales-step2', 2],
      ['sales-step1', 1],
    ]);
    const step2 = ready(
      await load(settings(), fetchHttp, html, { ...ALL, campaignId: 'sales-step2' }),
    );
    expect(step2.campaignId).toBe('sales-step2');
    expect(step2.report.campaignIds).toEqual(['sales-step2']);
    expect(step2.report.totals.sent).toBe(
      all.sequence?.steps.find((s) => s.campaignId === 'sales-step2')?.sent,
    );
    expect(step2.sequence).toEqual(all.sequence);
    // A campaign of another template is ignored, not an error.
    const other = ready(
      await load(settings(), fetchHttp, html, { ...ALL, campaignId: 'welcome-c1' }),
    );
    expect(other.campaignId).toBeNull();
  });

  it('has no sequence for a newsletter template', async () => {
    const outcome = ready(
      await load(settings(), fetchHttp, templateHtml('postmark-basic-full-welcome.html')),
    );
    expect(outcome.match.templateId).toBe('welcome');
    expect(outcome.sequence).toBeNull();
  });

  it('says so when no link belongs to a known template', async () => {
    // The welcome template's whole-URL merge tag ({{action_url}}) is weak evidence: it used
    // to match any one link, so an unrelated page got that template's report.
    const outcome = await load(settings(), fetchHttp, emailWith(['https://attacker.invalid/x']));
    expect(outcome).toMatchObject({
      state: 'no-match',
      source: 'clickmap-api',
      reason: 'No campaign matched this email: its 1 link belongs to no template the API knows.',
    });
    // …and offers every campaign of the API to pick the right one by hand.
    const offered = outcome.state === 'no-match' ? (outcome.campaigns ?? []) : [];
    expect(offered.length).toBeGreaterThan(1);
    expect(offered.every((c) => c.id && c.name)).toBe(true);
  });

  it('maps a refused token to an unauthorized error', async () => {
    const wrong = settingsWith({ kind: 'clickmap-api', apiUrl: api.url, token: 'wrong' });
    const outcome = await load(wrong, fetchHttp, templateHtml('postmark-basic-full-welcome.html'));
    expect(outcome).toMatchObject({ state: 'error', kind: 'unauthorized' });
  });
});

// Real link formats (corpus tracking-links.json) carrying the fixture campaigns' ids.
const MAILCHIMP_LINK =
  'https://www.technologyreview.com/2024/06/25/1093520/supershoes/?utm_source=the_download&mc_cid=6d785331c3&mc_eid=UNIQID';
const LISTMONK_LINK =
  'https://lists.example.org/link/fa164b81-d360-4686-97ba-bc8b0670ef46/57702beb-6fae-4355-a324-c2fd5b59a549/611e2fc9-286b-485d-90f2-bf03a4915d4e';
const mauticCt = btoa('a:2:{s:6:"source";a:2:{i:0;s:5:"email";i:1;i:560;}s:5:"email";i:560;}');
const MAUTIC_LINK = `https://mautic.example.org/r/ae894c5d1dec7f00766ee10f1?ct=${encodeURIComponent(mauticCt)}`;

const mailchimpRoutes: FakeRoute[] = [
  { path: '/reports/6d785331c3', respond: () => json(apiFixture('mailchimp-reports-campaign')) },
  {
    path: '/reports/6d785331c3/click-details',
    respond: () => json(apiFixture('mailchimp-reports-click-details')),
  },
];
const listmonkCampaign = apiFixture('listmonk-campaigns-get') as { data: object };
const listmonkRoutes: FakeRoute[] = [
  {
    path: '/api/campaigns',
    respond: () =>
      json({ data: { results: [listmonkCampaign.data], total: 1, page: 1, per_page: 100 } }),
  },
  { path: '/api/campaigns/1', respond: () => json(listmonkCampaign) },
  ...['views', 'clicks', 'bounces', 'links'].map((name) => ({
    path: `/api/campaigns/analytics/${name}`,
    respond: () => json(apiFixture(`listmonk-campaigns-analytics-${name}`)),
  })),
];
const mauticRoutes: FakeRoute[] = [
  { path: '/api/emails/560', respond: () => json(apiFixture('mautic-emails-get')) },
  {
    path: '/api/stats/channel_url_trackables',
    respond: () => json(apiFixture('mautic-stats-channel_url_trackables')),
  },
  {
    path: '/api/stats/page_redirects',
    respond: () => json(apiFixture('mautic-stats-page_redirects')),
  },
];

const MAUTIC: SourceSettings = {
  kind: 'mautic',
  baseUrl: 'https://mautic.example.org',
  auth: 'oauth',
  username: '',
  password: '',
  accessToken: 'tok',
};
const LISTMONK: SourceSettings = {
  kind: 'listmonk',
  baseUrl: 'https://lists.example.org',
  username: 'api',
  token: 's3cret',
};

describe('ESP sources: campaign from the tracking links', () => {
  it.each<[string, SourceSettings, FakeRoute[], string, string, string]>([
    [
      'Mailchimp',
      { kind: 'mailchimp', apiKey: 'abc-us11' },
      mailchimpRoutes,
      MAILCHIMP_LINK,
      '6d785331c3',
      'mailchimp-mc_cid',
    ],
    ['listmonk', LISTMONK, listmonkRoutes, LISTMONK_LINK, '1', 'listmonk-link-uuid'],
    ['Mautic', MAUTIC, mauticRoutes, MAUTIC_LINK, '560', 'mautic-ct-email'],
  ])('%s', async (_name, source, routes, link, campaignId, via) => {
    const { http, requests } = fakeHttp(routes);
    const outcome = ready(await load(settingsWith(source), http, emailWith(['#', link, link])));
    expect(outcome.match).toEqual({
      templateId: outcome.report.templateId,
      versionId: null,
      campaignId,
      confidence: 1,
      reasons: [`2 of the preview's links name campaign ${campaignId} (${via})`],
    });
    expect(outcome.report.source).toBe(source.kind);
    expect(outcome.report.campaignIds).toEqual([campaignId]);
    expect(outcome.sequence).toBeNull();
    expect(requests.length).toBeGreaterThan(0);
  });

  it('Mailchimp: sends the key to the key data centre and keeps unknown numbers null', async () => {
    const { http, requests } = fakeHttp(mailchimpRoutes);
    const outcome = ready(
      await load(
        settingsWith({ kind: 'mailchimp', apiKey: 'abc-us11' }),
        http,
        emailWith([MAILCHIMP_LINK]),
      ),
    );
    expect(requests[0]?.url).toBe('https://us11.api.mailchimp.com/3.0/reports/6d785331c3');
    expect(outcome.report.totals.machineClicks).toBeNull();
    expect(outcome.report.links.every((l) => l.machineClicks === null)).toBe(true);
  });

  it.each<[SourceSettings, string[], string]>([
    [
      { kind: 'mailchimp', apiKey: 'abc-us11' },
      ['https://example.com/plain', '#'],
      'None of the 2 links of this preview names a Mailchimp campaign (looked for an mc_cid parameter or a list-manage unsubscribe link). Tracking links exist only in sent emails: open a received copy, or use "Check links" for a pre-send check.',
    ],
    [
      MAUTIC,
      [MAILCHIMP_LINK],
      'The links of this preview name a Mailchimp campaign, but the active source is Mautic: choose Mailchimp in the settings.',
    ],
  ])('no match: %o with %j', async (source, hrefs, reason) => {
    const { http, requests } = fakeHttp([]);
    expect(await load(settingsWith(source), http, emailWith(hrefs))).toEqual({
      state: 'no-match',
      source: source.kind,
      reason,
    });
    expect(requests).toEqual([]);
  });

  it('listmonk: an unknown campaign UUID is a no-match, not an error', async () => {
    const { http } = fakeHttp([
      {
        path: '/api/campaigns',
        respond: () => json({ data: { results: [], total: 0, page: 1, per_page: 100 } }),
      },
    ]);
    expect(await load(settingsWith(LISTMONK), http, emailWith([LISTMONK_LINK]))).toEqual({
      state: 'no-match',
      source: 'listmonk',
      reason:
        'listmonk has no campaign with UUID 57702beb-6fae-4355-a324-c2fd5b59a549 (deleted, or another install?).',
    });
  });

  it('turns a refused key into an error outcome with the provider message', async () => {
    const { http } = fakeHttp([
      { path: '/reports/6d785331c3', respond: () => json({ detail: 'API Key Invalid' }, 401) },
      ...mailchimpRoutes,
    ]);
    const outcome = await load(
      settingsWith({ kind: 'mailchimp', apiKey: 'abc-us11' }),
      http,
      emailWith([MAILCHIMP_LINK]),
    );
    expect(outcome).toEqual({
      state: 'error',
      kind: 'unauthorized',
      message:
        'Credentials refused (401) by https://us11.api.mailchimp.com/3.0/reports/6d785331c3 (API Key Invalid)',
    });
  });
});
