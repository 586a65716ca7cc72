import { describe, expect, it } from 'vitest';
import { createMauticSource, mauticRequest } from './client.ts';
import { SourceError } from '../http.ts';
import { apiFixture } from '../testing/fixtures.ts';
import { fakeHttp, json, noSleep } from '../testing/fake-http.ts';
import type { FakeRoute } from '../testing/fake-http.ts';

const trackables = apiFixture('mautic-stats-channel_url_trackables');
const routes = (trackableBody: unknown = trackables): FakeRoute[] => [
  { path: '/api/emails/560', respond: () => json(apiFixture('mautic-emails-get')) },
  { path: '/api/stats/channel_url_trackables', respond: () => json(trackableBody) },
  {
    path: '/api/stats/page_redirects',
    respond: () => json(apiFixture('mautic-stats-page_redirects')),
  },
];
const config = { baseUrl: 'https://mautic.example.org', username: 'api', password: 'pässword' };
const deps = (http: ReturnType<typeof fakeHttp>['http']) => ({
  http,
  sleep: noSleep,
  now: () => 1_700_000_000_000,
});

describe('Mautic source', () => {
  it('builds Basic (UTF-8) or Bearer credentials', () => {
    const utf8 = btoa(String.fromCharCode(...new TextEncoder().encode('api:pässword')));
    expect(mauticRequest(config, '/emails/1').headers.Authorization).toBe(`Basic ${utf8}`);
    expect(
      mauticRequest({ baseUrl: 'https://m.example', accessToken: 'tok' }, '/emails/1').headers
        .Authorization,
    ).toBe('Bearer tok');
  });

  it('maps the email counters and per-URL trackables', async () => {
    const { http, requests } = fakeHttp(routes());
    const result = await createMauticSource(config, deps(http)).report({ campaignIds: ['560'] });

    const trackableUrl = new URL(requests[1]?.url ?? '');
    expect(trackableUrl.pathname).toBe('/api/stats/channel_url_trackables');
    expect(Object.fromEntries(trackableUrl.searchParams)).toEqual({
      start: '0',
      limit: '200',
      'where[0][col]': 'channel',
      'where[0][expr]': 'eq',
      'where[0][val]': 'email',
      'where[1][col]': 'channel_id',
      'where[1][expr]': 'eq',
      'where[1][val]': '560',
    });
    const redirectUrl = new URL(requests[2]?.url ?? '');
    expect(redirectUrl.searchParams.getAll('where[0][val][]')).toEqual(['11', '12', '13']);

    expect(result.totals).toMatchObject({
      sent: 1380,
      uniqueOpens: 412,
      uniqueClicks: null,
      totalClicks: 142,
      bounces: { hard: null, soft: null, total: null },
      unsubscribed: null,
      ctr: null,
      ctor: null,
    });
    expect(result.links.map((r) => [r.url, r.uniqueClicks, r.totalClicks])).toEqual([
      ['https://www.mautic.org', 61, 97],
      ['https://www.mautic.org/download?utm_source=newsletter', 33, 40],
      ['https://docs.mautic.org/en/5.x/', 5, 5],
    ]);
    expect(result.links[0]?.shareOfClicks).toBe(61 / 99);
    expect(result.links[0]?.ctr).toBe(61 / 1380);
    expect(result.links[0]?.ctor).toBe(61 / 412);
    expect(result.capabilities).toEqual(['opens', 'all-links']);
    expect(result.notes.map((n) => n.id)).toEqual(['mautic-per-url', 'mautic-no-bounces']);
  });

  it('rejects a stats row whose count is not a number, naming the field', async () => {
    const bad = {
      stats: [
        { redirect_id: '11', channel_id: '560', channel: 'email', hits: 'many', unique_hits: '1' },
      ],
    };
    const { http } = fakeHttp(routes(bad));
    const error = await createMauticSource(config, deps(http))
      .report({ campaignIds: ['560'] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as SourceError).kind).toBe('invalid-response');
    expect((error as SourceError).reason).toMatch(/^stats\.0\.hits: /);
  });
});
