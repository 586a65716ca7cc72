import { describe, expect, it } from 'vitest';
import { linkIdentity } from '../../links/identity.ts';
import { createListmonkClient, createListmonkSource } from './client.ts';
import { stripTrackLink } from './map.ts';
import { apiFixture } from '../testing/fixtures.ts';
import { fakeHttp, json, noSleep } from '../testing/fake-http.ts';
import type { FakeRoute } from '../testing/fake-http.ts';

const campaign = apiFixture('listmonk-campaigns-get') as { data: Record<string, unknown> };
const NOW = Date.parse('2024-09-01T00:00:00Z');

const routes: FakeRoute[] = [
  { path: '/api/campaigns/1', respond: () => json(campaign) },
  {
    path: '/api/campaigns/analytics/views',
    respond: () => json(apiFixture('listmonk-campaigns-analytics-views')),
  },
  {
    path: '/api/campaigns/analytics/clicks',
    respond: () => json(apiFixture('listmonk-campaigns-analytics-clicks')),
  },
  {
    path: '/api/campaigns/analytics/bounces',
    respond: () => json(apiFixture('listmonk-campaigns-analytics-bounces')),
  },
  {
    path: '/api/campaigns/analytics/links',
    respond: () => json(apiFixture('listmonk-campaigns-analytics-links')),
  },
];
const config = { baseUrl: 'https://lists.example.org/', username: 'api', token: 's3cret' };
const deps = (http: ReturnType<typeof fakeHttp>['http']) => ({
  http,
  sleep: noSleep,
  now: () => NOW,
});

describe('listmonk source', () => {
  it('maps campaign + analytics with nulls where listmonk has no number', async () => {
    const { http, requests } = fakeHttp(routes);
    const result = await createListmonkSource(config, deps(http)).report({ campaignIds: ['1'] });

    expect(requests[0]?.url).toBe('https://lists.example.org/api/campaigns/1');
    expect(requests[0]?.headers.Authorization).toBe('token api:s3cret');
    expect(requests[1]?.url).toBe(
      'https://lists.example.org/api/campaigns/analytics/views?id=1&from=2024-08-04T09%3A00%3A00.000Z&to=2024-09-01T00%3A00%3A00.000Z',
    );

    expect(result.totals).toMatchObject({
      sent: 120,
      delivered: null,
      bounces: { hard: null, soft: null, total: 1 },
      uniqueOpens: null,
      totalOpens: 44,
      uniqueClicks: null,
      totalClicks: 13,
      unsubscribed: null,
      complaints: null,
      ctr: null,
      ctor: null,
    });
    expect(result.templateId).toBe('1');
    expect(result.period).toEqual({ from: Date.parse('2024-08-04T09:00:00Z'), to: NOW });
    expect(
      result.links.map((row) => [row.url, row.uniqueClicks, row.totalClicks, row.shareOfClicks]),
    ).toEqual([
      [
        'https://www.technologyreview.com/2024/06/25/1093520/supershoes-running-kenya-carbon-plate-shoes/',
        null,
        294,
        294 / 633,
      ],
      [
        'https://www.wired.com/story/ai-music-generators-suno-and-udio-sued-for-copyright-infringement/',
        null,
        278,
        278 / 633,
      ],
      ['https://spectrum.ieee.org/electromagnetic-waves', null, 61, 61 / 633],
    ]);
    expect(result.links[2]?.key).toBe(
      linkIdentity('https://spectrum.ieee.org/electromagnetic-waves').key,
    );
    expect(result.shareBasis).toBe('total');
    expect(result.capabilities).toEqual(['bounces']);
    expect(result.capabilities).not.toContain('all-links');
    expect(result.notes.map((n) => n.id)).toEqual([
      'listmonk-top-50-links',
      'listmonk-no-unique-counts',
      'listmonk-bounce-split',
    ]);
  });

  it('uses the chosen period for the analytics window', async () => {
    const { http, requests } = fakeHttp(routes);
    const period = {
      from: Date.parse('2024-08-05T00:00:00Z'),
      to: Date.parse('2024-08-08T00:00:00Z'),
    };
    await createListmonkSource(config, deps(http)).report({ campaignIds: ['1'], period });
    const url = new URL(requests[1]?.url ?? '');
    expect([url.searchParams.get('from'), url.searchParams.get('to')]).toEqual([
      '2024-08-05T00:00:00.000Z',
      '2024-08-08T00:00:00.000Z',
    ]);
  });

  it('finds a campaign by UUID across pages', async () => {
    const other = { ...campaign.data, id: 2, uuid: '00000000-0000-4000-8000-000000000002' };
    const { http, requests } = fakeHttp([
      {
        path: '/api/campaigns',
        respond: (_req, url) => {
          const page = Number(url.searchParams.get('page'));
          const results = page === 1 ? [other] : [campaign.data];
          return json({ data: { results, total: 2, page, per_page: 1 } });
        },
      },
    ]);
    const info = await createListmonkClient(config, deps(http)).campaignByUuid(
      '57702beb-6fae-4355-a324-c2fd5b59a549',
    );
    expect(info).toEqual({
      id: '1',
      uuid: '57702beb-6fae-4355-a324-c2fd5b59a549',
      name: 'August newsletter',
      subject: 'August newsletter',
      fromEmail: 'No Reply <noreply@yoursite.com>',
      body: '<p>Read <a href="https://listmonk.app@TrackLink">this</a></p>',
    });
    expect(requests).toHaveLength(2);
  });

  it.each([
    ['https://listmonk.app@TrackLink', 'https://listmonk.app'],
    ['{{ TrackLink "https://listmonk.app/docs" }}', 'https://listmonk.app/docs'],
    ['https://example.org/a', 'https://example.org/a'],
  ])('stripTrackLink(%s)', (href, expected) => {
    expect(stripTrackLink(href)).toBe(expected);
  });
});
