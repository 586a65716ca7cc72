import { describe, expect, it } from 'vitest';
import { linkIdentity } from '../../links/identity.ts';
import { createMailchimpClient, createMailchimpSource, mailchimpBaseUrl } from './client.ts';
import { apiFixture } from '../testing/fixtures.ts';
import { fakeHttp, json, noSleep } from '../testing/fake-http.ts';
import type { FakeRoute } from '../testing/fake-http.ts';

const report = apiFixture('mailchimp-reports-campaign') as Record<string, unknown>;
const clicks = apiFixture('mailchimp-reports-click-details') as {
  urls_clicked: { id: string; url: string }[];
};
const opens = apiFixture('mailchimp-reports-open-details');
const unsubscribed = apiFixture('mailchimp-reports-unsubscribed');

/** Serves click-details in pages of at most `cap` items, as a provider capping `count` would. */
function clickDetailsRoute(campaignId: string, cap: number): FakeRoute {
  return {
    path: `/reports/${campaignId}/click-details`,
    respond: (_req, url) => {
      const offset = Number(url.searchParams.get('offset'));
      const count = Math.min(Number(url.searchParams.get('count')), cap);
      return json({ ...clicks, urls_clicked: clicks.urls_clicked.slice(offset, offset + count) });
    },
  };
}

function routesFor(campaignId: string, cap = 1000): FakeRoute[] {
  return [
    { path: `/reports/${campaignId}`, respond: () => json({ ...report, id: campaignId }) },
    clickDetailsRoute(campaignId, cap),
  ];
}

const deps = (http: ReturnType<typeof fakeHttp>['http']) => ({
  http,
  sleep: noSleep,
  now: () => 1_719_500_000_000,
});

describe('Mailchimp source', () => {
  it('derives the API base URL from the key data centre', () => {
    expect(mailchimpBaseUrl({ apiKey: '0123456789abcdef-us11' })).toBe(
      'https://us11.api.mailchimp.com/3.0',
    );
    expect(() => mailchimpBaseUrl({ apiKey: 'nodatacentre' })).toThrow(/data-centre/);
  });

  it('maps the campaign report and click-details to exact totals and rows', async () => {
    const { http, requests } = fakeHttp(routesFor('6d785331c3'));
    const source = createMailchimpSource({ apiKey: 'key-us11' }, deps(http));
    const result = await source.report({ campaignIds: ['6d785331c3'] });

    expect(requests[0]?.url).toBe('https://us11.api.mailchimp.com/3.0/reports/6d785331c3');
    expect(requests[0]?.headers.Authorization).toBe(`Basic ${btoa('clickmap-lens:key-us11')}`);
    expect(requests[1]?.url).toBe(
      'https://us11.api.mailchimp.com/3.0/reports/6d785331c3/click-details?count=1000&offset=0',
    );

    expect(result.totals).toEqual({
      sent: 61234,
      delivered: 61234 - 31 - 118 - 0,
      bounces: { hard: 31, soft: 118, total: 149 },
      uniqueOpens: 18231,
      totalOpens: 41877,
      clickImpliedOpens: null,
      bouncePixelOpens: null,
      uniqueClicks: 2987,
      totalClicks: 4077,
      unsubscribed: 57,
      unsubscribedBy: { link: null, listUnsubscribe: null, other: null },
      complaints: 2,
      machineClicks: null,
      ctr: 2987 / 61085,
      ctor: 2987 / 18231,
    });
    expect(result.links.map((row) => [row.uniqueClicks, row.totalClicks])).toEqual([
      [1502, 1834],
      [801, 942],
      [540, 611],
      [344, 388],
      [190, 207],
      [88, 95],
    ]);
    const first = result.links[0];
    const firstUrl = clicks.urls_clicked[0]?.url ?? '';
    expect(first?.key).toBe(linkIdentity(firstUrl).key);
    expect(first?.rowKey).toBe(first?.key);
    expect(first?.linkId).toBeNull();
    expect(first?.ordinal).toBeNull();
    expect(first?.shareOfClicks).toBe(1502 / 3465);
    expect(first?.ctr).toBe(1502 / 61085);
    expect(first?.ctor).toBe(1502 / 18231);
    expect(result.capabilities).toEqual([
      'opens',
      'delivered',
      'bounces',
      'unsubscribes',
      'all-links',
    ]);
    expect(result.notes.map((n) => n.id)).toEqual(['mailchimp-uniqueness', 'mailchimp-per-url']);
  });

  it('follows count/offset pages by what the provider returned', async () => {
    const { http, requests } = fakeHttp(routesFor('6d785331c3', 4));
    const client = createMailchimpClient({ apiKey: 'key-us11' }, deps(http));
    const rows = await client.clickDetails('6d785331c3');
    expect(rows.map((r) => r.id)).toEqual(clicks.urls_clicked.map((c) => c.id));
    expect(requests.map((r) => new URL(r.url).searchParams.get('offset'))).toEqual(['0', '4']);
  });

  it('sums the campaigns of one template and says the period was not applied', async () => {
    const { http } = fakeHttp([...routesFor('aaaa111111'), ...routesFor('bbbb222222')]);
    const source = createMailchimpSource({ apiKey: 'key-us11' }, deps(http));
    const result = await source.report({
      campaignIds: ['aaaa111111', 'bbbb222222'],
      templateId: 'tpl-42',
      period: { from: 0 },
    });
    expect(result.templateId).toBe('tpl-42');
    expect(result.campaignIds).toEqual(['aaaa111111', 'bbbb222222']);
    expect(result.totals.sent).toBe(122468);
    expect(result.totals.uniqueClicks).toBe(5974);
    expect(result.totals.ctr).toBe(5974 / 122170);
    expect(result.links).toHaveLength(6);
    expect(result.links[0]?.uniqueClicks).toBe(3004);
    expect(result.links[0]?.shareOfClicks).toBe(3004 / 6930);
    expect(result.notes.map((n) => n.id)).toContain('mailchimp-period-ignored');
  });

  it('finds the sent campaigns of a template', async () => {
    const campaigns = [
      { id: 'c1', settings: { template_id: 7 } },
      { id: 'c2', settings: { template_id: 8 } },
      { id: 'c3', settings: { template_id: 7 } },
    ];
    const { http, requests } = fakeHttp([
      { path: '/campaigns', respond: () => json({ campaigns, total_items: 3 }) },
    ]);
    const client = createMailchimpClient({ apiKey: 'key-us11' }, deps(http));
    expect(await client.campaignIdsOfTemplate(7)).toEqual(['c1', 'c3']);
    expect(new URL(requests[0]?.url ?? '').searchParams.get('status')).toBe('sent');
  });

  it('reads open-details and unsubscribed members', async () => {
    const { http } = fakeHttp([
      {
        path: '/reports/6d785331c3/open-details',
        respond: () => json({ ...(opens as object), total_items: 1 }),
      },
      {
        path: '/reports/6d785331c3/unsubscribed',
        respond: () => json({ ...(unsubscribed as object), total_items: 1 }),
      },
    ]);
    const client = createMailchimpClient({ apiKey: 'key-us11' }, deps(http));
    const members = await client.openDetails('6d785331c3');
    expect(
      members.map((m) => [m.email_address, m.opens_count, m.proxy_excluded_opens_count]),
    ).toEqual([['ada@example.org', 3, 1]]);
    const unsubs = await client.unsubscribed('6d785331c3');
    expect(unsubs.map((u) => [u.email_address, u.timestamp])).toEqual([
      ['grace@example.org', '2024-06-25T14:22:09+00:00'],
    ]);
  });
});
