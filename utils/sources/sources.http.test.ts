// @vitest-environment node
/**
 * The adapters against the documented response shapes served by a real
 * local HTTP server, through a real fetch-based `http`: request building,
 * pagination, 429 + Retry-After, auth and malformed-body errors.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ClickMapReport } from '../report/report-types.ts';
import { createClickMapApiSource } from './clickmap-api/api.ts';
import { SourceError } from './http.ts';
import type { SourceDeps } from './http.ts';
import { createListmonkSource } from './listmonk/client.ts';
import { createMailchimpClient, createMailchimpSource } from './mailchimp/client.ts';
import { createMauticSource } from './mautic/client.ts';
import { fetchHttp } from './testing/fetch-http.ts';
import { apiFixture } from './testing/fixtures.ts';
import { startLocalServer } from './testing/local-server.ts';
import type { LocalServer } from './testing/local-server.ts';

let server: LocalServer;
let slept: number[];
const NOW = Date.parse('2024-09-01T00:00:00Z');
const deps = (): SourceDeps => ({
  http: fetchHttp,
  sleep: async (ms) => {
    slept.push(ms);
  },
  now: () => NOW,
});

beforeAll(async () => {
  server = await startLocalServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.routes.clear();
  server.requests.length = 0;
  slept = [];
});

const MC_KEY = 'abc123-us11';
const mcAuth = `Basic ${btoa(`clickmap-lens:${MC_KEY}`)}`;
const clickDetails = apiFixture('mailchimp-reports-click-details') as { urls_clicked: unknown[] };

function serveMailchimp(pageCap: number): void {
  const guard = (auth: string | undefined) => auth === mcAuth;
  server.routes.set('/3.0/reports/6d785331c3', (req) =>
    guard(req.headers.authorization)
      ? { json: apiFixture('mailchimp-reports-campaign') }
      : { status: 401, json: { detail: 'API Key Invalid' } },
  );
  server.routes.set('/3.0/reports/6d785331c3/click-details', (req) => {
    if (!guard(req.headers.authorization))
      return { status: 401, json: { detail: 'API Key Invalid' } };
    const offset = Number(req.url.searchParams.get('offset'));
    const count = Math.min(Number(req.url.searchParams.get('count')), pageCap);
    return {
      json: {
        ...clickDetails,
        urls_clicked: clickDetails.urls_clicked.slice(offset, offset + count),
      },
    };
  });
}

describe('Mailchimp over HTTP', () => {
  const config = () => ({ apiKey: MC_KEY, baseUrl: `${server.baseUrl}/3.0` });

  it('reads the report and every click-details page', async () => {
    serveMailchimp(4);
    const report = await createMailchimpSource(config(), deps()).report({
      campaignIds: ['6d785331c3'],
    });
    expect(report.totals.uniqueClicks).toBe(2987);
    expect(report.links.map((r) => r.totalClicks)).toEqual([1834, 942, 611, 388, 207, 95]);
    const pages = server.requests.filter((r) => r.url.pathname.endsWith('/click-details'));
    expect(pages.map((r) => r.url.searchParams.get('offset'))).toEqual(['0', '4']);
  });

  it('maps a refused key to unauthorized with the provider message', async () => {
    serveMailchimp(1000);
    const error = await createMailchimpSource({ ...config(), apiKey: 'wrong-us11' }, deps())
      .report({ campaignIds: ['6d785331c3'] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect(error).toMatchObject({ kind: 'unauthorized', status: 401, reason: 'API Key Invalid' });
  });

  it('waits Retry-After seconds on 429, then succeeds', async () => {
    let calls = 0;
    server.routes.set('/3.0/reports/6d785331c3', () =>
      ++calls <= 2
        ? { status: 429, headers: { 'Retry-After': '2' }, json: { detail: 'Too many requests' } }
        : { json: apiFixture('mailchimp-reports-campaign') },
    );
    const report = await createMailchimpClient(config(), deps()).campaignReport('6d785331c3');
    expect(report.emails_sent).toBe(61234);
    expect(slept).toEqual([2000, 2000]);
    expect(calls).toBe(3);
  });

  it('honours an HTTP-date Retry-After and gives up after the bounded retries', async () => {
    const at = new Date(NOW + 5000).toUTCString();
    server.routes.set('/3.0/reports/6d785331c3', () => ({
      status: 429,
      headers: { 'Retry-After': at },
    }));
    const error = await createMailchimpClient(config(), { ...deps(), maxRetries: 2 })
      .campaignReport('6d785331c3')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'rate-limited', status: 429, retryAfterMs: 5000 });
    expect(slept).toEqual([5000, 5000]);
    expect(server.requests).toHaveLength(3);
  });

  it('reports malformed JSON as invalid-response with the parser reason', async () => {
    server.routes.set('/3.0/reports/6d785331c3', () => ({ raw: '{"id": "6d785331c3", ' }));
    const error = await createMailchimpClient(config(), deps())
      .campaignReport('6d785331c3')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as SourceError).kind).toBe('invalid-response');
    expect((error as SourceError).reason).toMatch(/JSON/);
  });

  it('reports a changed shape as invalid-response naming the field', async () => {
    const changed = {
      ...(apiFixture('mailchimp-reports-campaign') as object),
      emails_sent: '61234',
    };
    server.routes.set('/3.0/reports/6d785331c3', () => ({ json: changed }));
    const error = await createMailchimpClient(config(), deps())
      .campaignReport('6d785331c3')
      .catch((e: unknown) => e);
    expect((error as SourceError).kind).toBe('invalid-response');
    expect((error as SourceError).reason).toMatch(/^emails_sent: /);
  });
});

describe('listmonk over HTTP', () => {
  it('reads campaign and analytics with token auth; 404 → not-found', async () => {
    server.routes.set('/api/campaigns/1', () => ({ json: apiFixture('listmonk-campaigns-get') }));
    for (const type of ['views', 'clicks', 'bounces', 'links']) {
      server.routes.set(`/api/campaigns/analytics/${type}`, () => ({
        json: apiFixture(`listmonk-campaigns-analytics-${type}`),
      }));
    }
    const config = { baseUrl: server.baseUrl, username: 'api', token: 't0k' };
    const report = await createListmonkSource(config, deps()).report({ campaignIds: ['1'] });
    expect([
      report.totals.sent,
      report.totals.totalOpens,
      report.totals.totalClicks,
      report.totals.bounces.total,
    ]).toEqual([120, 44, 13, 1]);
    expect(server.requests.every((r) => r.headers.authorization === 'token api:t0k')).toBe(true);
    const missing = await createListmonkSource(config, deps())
      .report({ campaignIds: ['99'] })
      .catch((e: unknown) => e);
    expect(missing).toMatchObject({ kind: 'not-found', status: 404 });
  });
});

describe('Mautic over HTTP', () => {
  it('pages stats with start/limit and maps 403 to unauthorized', async () => {
    server.routes.set('/api/emails/560', () => ({ json: apiFixture('mautic-emails-get') }));
    const rows = (apiFixture('mautic-stats-channel_url_trackables') as { stats: unknown[] }).stats;
    server.routes.set('/api/stats/channel_url_trackables', (req) => {
      const start = Number(req.url.searchParams.get('start'));
      return { json: { total: String(rows.length), stats: rows.slice(start, start + 2) } };
    });
    server.routes.set('/api/stats/page_redirects', () => ({
      json: apiFixture('mautic-stats-page_redirects'),
    }));
    const config = { baseUrl: server.baseUrl, accessToken: 'oauth-token' };
    const report = await createMauticSource(config, deps()).report({ campaignIds: ['560'] });
    expect(report.totals.totalClicks).toBe(142);
    expect(report.links.map((r) => r.uniqueClicks)).toEqual([61, 33, 5]);
    const starts = server.requests
      .filter((r) => r.url.pathname.endsWith('channel_url_trackables'))
      .map((r) => r.url.searchParams.get('start'));
    expect(starts).toEqual(['0', '2']);

    server.routes.set('/api/emails/560', () => ({
      status: 403,
      json: { errors: [{ message: 'denied' }] },
    }));
    const refused = await createMauticSource(config, deps())
      .report({ campaignIds: ['560'] })
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({ kind: 'unauthorized', status: 403 });
  });
});

describe('Click Map API over HTTP', () => {
  const engineReport: ClickMapReport = {
    templateId: 'tpl-1',
    versionId: null,
    period: { from: 1_700_000_000_000 },
    campaignIds: ['c1'],
    machineClicksIncluded: false,
    totals: {
      sent: 100,
      delivered: 98,
      bounces: { hard: 1, soft: 1 },
      uniqueOpens: 40,
      clickImpliedOpens: 2,
      bouncePixelOpens: 1,
      uniqueClicks: 10,
      totalClicks: 14,
      unsubscribed: 1,
      unsubscribedBy: { link: 1, listUnsubscribe: 0, other: 0 },
      complaints: 0,
      machineClicks: 3,
      ctr: 10 / 98,
      ctor: 10 / 40,
    },
    links: [],
    versions: [],
    capabilities: ['unique-24h', 'per-placement'],
    generatedAt: NOW,
  };

  it('validates the engine report with the shared schema and keeps every number', async () => {
    server.routes.set('/v1/templates/tpl-1/clickmap', (req) =>
      req.headers.authorization === 'Bearer tk'
        ? { json: engineReport }
        : { status: 401, json: { detail: 'bad token' } },
    );
    const source = createClickMapApiSource({ apiUrl: server.baseUrl, token: 'tk' }, deps());
    const report = await source.report({
      campaignIds: [],
      templateId: 'tpl-1',
      period: { from: 1_700_000_000_000 },
      versionId: 'v2',
      includeMachineClicks: true,
    });
    expect(server.requests[0]?.url.search).toBe(
      '?from=1700000000000&version=v2&machineClicks=include',
    );
    expect(report.source).toBe('clickmap-api');
    expect(report.totals.bounces).toEqual({ hard: 1, soft: 1, total: 2 });
    expect(report.totals.machineClicks).toBe(3);
    const refused = await createClickMapApiSource({ apiUrl: server.baseUrl, token: 'nope' }, deps())
      .report({ campaignIds: [], templateId: 'tpl-1' })
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({ kind: 'unauthorized', reason: 'bad token' });
  });
});
