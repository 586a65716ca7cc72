import { describe, expect, it } from 'vitest';
import { linkIdentity } from '../../links/identity.ts';
import { apiFixture } from '../testing/fixtures.ts';
import { fakeHttp, json, noSleep, type FakeRoute } from '../testing/fake-http.ts';
import { brevo } from './index.ts';
import {
  campaignBySubject,
  createBrevoClient,
  createBrevoSource,
  subjectPattern,
} from './client.ts';
import type { BrevoCampaign } from './schemas.ts';

const campaign = apiFixture('brevo-emailCampaigns-get') as BrevoCampaign & Record<string, unknown>;
const deps = (http: ReturnType<typeof fakeHttp>['http']) => ({
  http,
  sleep: noSleep,
  now: () => 1_719_500_000_000,
});
const config = { apiKey: 'xkeysib-test' };

/** GET /emailCampaigns: `campaigns` pages of at most `cap`, `count` the total. */
function listRoute(all: readonly object[], cap: number): FakeRoute {
  return {
    path: '/emailCampaigns',
    respond: (_req, url) => {
      const offset = Number(url.searchParams.get('offset'));
      const limit = Math.min(Number(url.searchParams.get('limit')), cap);
      return json({ campaigns: all.slice(offset, offset + limit), count: all.length });
    },
  };
}

describe('Brevo source', () => {
  it('maps a campaign report: totals exact, per-link all clicks, shares of all clicks', async () => {
    const { http, requests } = fakeHttp([
      { path: '/emailCampaigns/22', respond: () => json(campaign) },
    ]);
    const report = await createBrevoSource(config, deps(http)).report({ campaignIds: ['22'] });
    expect(requests[0]?.url).toBe(
      'https://api.brevo.com/v3/emailCampaigns/22?excludeHtmlContent=true',
    );
    expect(requests[0]?.headers['api-key']).toBe('xkeysib-test');
    expect(report.source).toBe('brevo');
    expect(report.totals).toEqual({
      sent: 19887,
      delivered: 19765,
      bounces: { hard: 87, soft: 100, total: 187 },
      uniqueOpens: 7779,
      totalOpens: 8999,
      clickImpliedOpens: null,
      bouncePixelOpens: null,
      uniqueClicks: 2300,
      totalClicks: 2665,
      unsubscribed: 2,
      unsubscribedBy: { link: null, listUnsubscribe: null, other: null },
      complaints: 1,
      machineClicks: null,
      ctr: 2300 / 19765,
      ctor: 2300 / 7779,
    });
    expect(report.shareBasis).toBe('total');
    expect(report.links.map((r) => [r.uniqueClicks, r.totalClicks, r.shareOfClicks])).toEqual([
      [null, 1204, 1204 / 1515],
      [null, 311, 311 / 1515],
    ]);
    const url =
      'https://www.blogdumoderateur.com/chatgpt-abandonne-dall-e-nouveau-generateur-images/';
    expect(report.links[0]?.key).toBe(linkIdentity(url).key);
    expect(report.capabilities).not.toContain('unique-24h');
    expect(report.notes.map((n) => n.id)).toEqual(['brevo-link-clicks', 'brevo-uniqueness']);
  });

  it('keeps numbers Brevo leaves out unknown (null), never 0', async () => {
    const sparse = {
      ...campaign,
      statistics: { globalStats: { sent: 10, uniqueClicks: null, clickers: 3 }, linksStats: {} },
    };
    const { http } = fakeHttp([{ path: '/emailCampaigns/22', respond: () => json(sparse) }]);
    const report = await createBrevoSource(config, deps(http)).report({
      campaignIds: ['22'],
      period: { from: 0 },
    });
    expect(report.totals.sent).toBe(10);
    expect(report.totals.totalClicks).toBe(3);
    expect([report.totals.uniqueClicks, report.totals.delivered, report.totals.ctr]).toEqual([
      null,
      null,
      null,
    ]);
    expect(report.totals.bounces).toEqual({ hard: null, soft: null, total: null });
    expect(report.notes.map((n) => n.id)).toContain('brevo-period-ignored');
  });

  it('follows limit/offset pages of sent campaigns by what Brevo returned', async () => {
    const all = Array.from({ length: 7 }, (_, i) => ({ ...campaign, id: i + 1 }));
    const { http, requests } = fakeHttp([listRoute(all, 3)]);
    const sent = await createBrevoClient(config, deps(http)).sentCampaigns();
    expect(sent.map((c) => c.id)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const query = requests.map((r) => new URL(r.url).searchParams);
    expect(query.map((q) => q.get('offset'))).toEqual(['0', '3', '6']);
    expect(query[0]?.get('status')).toBe('sent');
    expect(query[0]?.get('excludeHtmlContent')).toBe('true');
  });

  it('finds the campaign by subject (personalisation tags match anything), newest and same sender first', () => {
    const at = (id: number, subject: string, sentDate: string, email = 'newsletter@example.com') =>
      ({ id, name: `c${id}`, subject, sentDate, sender: { email } }) as BrevoCampaign;
    const campaigns = [
      at(1, 'Weekly newsletter', '2024-01-01T00:00:00Z'),
      at(2, 'Weekly newsletter', '2024-02-01T00:00:00Z'),
      at(3, 'Weekly newsletter', '2024-03-01T00:00:00Z', 'other@example.com'),
      at(4, 'Hello {{ contact.FIRSTNAME }}, your offer', '2024-01-05T00:00:00Z'),
    ];
    expect(campaignBySubject(campaigns, 'Weekly  newsletter ', 'Newsletter@example.com')).toEqual({
      campaign: campaigns[1],
      alike: 1,
    });
    expect(campaignBySubject(campaigns, 'Hello Ada, your offer')?.campaign.id).toBe(4);
    expect(campaignBySubject(campaigns, 'Monthly digest')).toBeNull();
    expect(subjectPattern('Price (50% off) {FNAME}?').test('price (50% off) Ada?')).toBe(true);
  });

  it('the descriptor: settings check, lookup by the preview subject, no subject → the reason', async () => {
    expect(brevo.check({ kind: 'brevo', apiKey: ' ' })).toEqual({
      ok: false,
      reason: 'Enter the Brevo API key.',
    });
    const checked = brevo.check({ kind: 'brevo', apiKey: ' xkeysib-1 ' });
    expect(checked).toEqual({
      ok: true,
      config: { kind: 'brevo', apiKey: 'xkeysib-1' },
      baseUrl: 'https://api.brevo.com/v3',
      origin: 'https://api.brevo.com/*',
    });
    const { http } = fakeHttp([listRoute([campaign], 100)]);
    const cached = <T>(_key: unknown[], load: () => Promise<T>) => load();
    const preview = { links: [], base: 'about:srcdoc', profileId: 'roundcube' };
    const lookup = brevo.campaign?.lookup;
    if (!lookup) throw new Error('Brevo looks campaigns up');
    const cfg = { kind: 'brevo' as const, apiKey: 'k' };
    const found = await lookup(
      { ...preview, subject: 'Weekly newsletter', sender: null } as never,
      cfg,
      deps(http),
      cached,
    );
    expect(found).toMatchObject({ campaignId: '22', confidence: 1 });
    const none = await lookup(
      { ...preview, subject: null, sender: null } as never,
      cfg,
      deps(http),
      cached,
    );
    expect(none).toMatchObject({ reason: expect.stringMatching(/no campaign id/) });
  });
});
