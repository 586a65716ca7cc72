// @vitest-environment node
/**
 * The Brevo adapter against the documented response shapes served by a real
 * local HTTP server, through a real fetch-based `http` (as sources.http.test.ts
 * does for the other sources): api-key auth, limit/offset pages, 429 +
 * Retry-After, changed shapes.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SourceError, type SourceDeps } from '../http.ts';
import { fetchHttp } from '../testing/fetch-http.ts';
import { apiFixture } from '../testing/fixtures.ts';
import { startLocalServer, type LocalServer } from '../testing/local-server.ts';
import { createBrevoClient, createBrevoSource } from './client.ts';

let server: LocalServer;
let slept: number[];
const deps = (): SourceDeps => ({
  http: fetchHttp,
  sleep: async (ms) => {
    slept.push(ms);
  },
  now: () => Date.parse('2024-09-01T00:00:00Z'),
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

describe('Brevo over HTTP', () => {
  const KEY = 'xkeysib-http';
  const config = () => ({ apiKey: KEY, baseUrl: `${server.baseUrl}/v3` });
  const refused = { status: 401, json: { code: 'unauthorized', message: 'Key not found' } };
  const campaign = apiFixture('brevo-emailCampaigns-get') as object;

  it("reads a campaign with the api-key header; a refused key is unauthorized with Brevo's message", async () => {
    server.routes.set('/v3/emailCampaigns/22', (req) =>
      req.headers['api-key'] === KEY ? { json: campaign } : refused,
    );
    const report = await createBrevoSource(config(), deps()).report({ campaignIds: ['22'] });
    expect([report.totals.sent, report.totals.uniqueClicks, report.totals.totalClicks]).toEqual([
      19887, 2300, 2665,
    ]);
    expect(report.links.map((r) => r.totalClicks)).toEqual([1204, 311]);
    const error = await createBrevoSource({ ...config(), apiKey: 'wrong' }, deps())
      .report({ campaignIds: ['22'] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect(error).toMatchObject({ kind: 'unauthorized', status: 401, reason: 'Key not found' });
  });

  it('pages the sent campaigns with limit/offset until `count`', async () => {
    const all = Array.from({ length: 5 }, (_, i) => ({ ...campaign, id: 100 + i }));
    server.routes.set('/v3/emailCampaigns', (req) => {
      const offset = Number(req.url.searchParams.get('offset'));
      return { json: { campaigns: all.slice(offset, offset + 2), count: all.length } };
    });
    const sent = await createBrevoClient(config(), deps()).sentCampaigns();
    expect(sent.map((c) => c.id)).toEqual([100, 101, 102, 103, 104]);
    const offsets = server.requests.map((r) => r.url.searchParams.get('offset'));
    expect(offsets).toEqual(['0', '2', '4']);
  });

  it('waits Retry-After on 429, then succeeds; gives up after the bounded retries', async () => {
    let calls = 0;
    server.routes.set('/v3/emailCampaigns/22', () =>
      ++calls <= 1
        ? { status: 429, headers: { 'Retry-After': '3' }, json: { message: 'Too many requests' } }
        : { json: campaign },
    );
    const found = await createBrevoClient(config(), deps()).campaign('22');
    expect(found.id).toBe(22);
    expect(slept).toEqual([3000]);
    server.routes.set('/v3/emailCampaigns/22', () => ({
      status: 429,
      headers: { 'Retry-After': '1' },
    }));
    const error = await createBrevoClient(config(), { ...deps(), maxRetries: 1 })
      .campaign('22')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'rate-limited', status: 429, retryAfterMs: 1000 });
  });

  it('reports a changed shape as invalid-response naming the field', async () => {
    server.routes.set('/v3/emailCampaigns/22', () => ({
      json: { ...campaign, statistics: { globalStats: { sent: '19887' } } },
    }));
    const error = await createBrevoClient(config(), deps())
      .campaign('22')
      .catch((e: unknown) => e);
    expect((error as SourceError).kind).toBe('invalid-response');
    expect((error as SourceError).reason).toMatch(/^statistics\.globalStats\.sent: /);
  });
});
