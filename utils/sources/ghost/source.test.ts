// @vitest-environment node
/**
 * The Ghost source over responses recorded from a real Ghost 6.65 (the rig in
 * test/e2e/ghost, capture.ts; test/fixtures/api/ghost/PROVENANCE.md): three
 * members, nine clicks on four of the twelve tracked links, two opens.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { linkIdentity } from '../../links/identity.ts';
import { matchLinks } from '../../links/match.ts';
import type { PreviewInfo } from '../../messaging/protocol.ts';
import type { ClickMapLinkRow } from '../../report/report-types.ts';
import type { HttpResponse } from '../http.ts';
import { hrefsOf } from '../../../test/e2e/roundcube/campaigns.ts';
import { apiFixture, FIXTURE_DIR } from '../testing/fixtures.ts';
import { fakeHttp, json, noSleep, type FakeRoute } from '../testing/fake-http.ts';
import { ghost } from './index.ts';
import { createGhostSource } from './source.ts';

const capture = apiFixture('ghost/capture') as { site: string; postId: string; emailId: string };
const SITE = capture.site;
const POST = capture.postId;
const KEY = `${'a'.repeat(24)}:${'b'.repeat(64)}`;
const received = readFileSync(join(FIXTURE_DIR, 'ghost', 'received-copy.html'), 'utf8');
const receivedHrefs = hrefsOf(received);
const tracked = receivedHrefs.filter((href) => href.startsWith(`${SITE}/r/`));
const recorded = (name: string, status?: number) => () =>
  json(apiFixture(`ghost/${name}`), status ?? (name.endsWith('403') ? 403 : 200));
const deps = (routes: FakeRoute[]) => {
  const fake = fakeHttp(routes);
  return { ...fake, deps: { http: fake.http, sleep: noSleep, now: () => 1_764_780_000_000 } };
};
const postRoute: FakeRoute = { path: `/posts/${POST}/`, respond: recorded('post-staff') };
const staffRoutes = [postRoute, { path: '/links/', respond: recorded('links-staff') }];
const integrationRoutes = [
  postRoute,
  { path: '/links/', respond: recorded('links-integration-403') },
  { path: '/members/events/', respond: recorded('click-events-integration') },
];
/** Distinct members per tracked link in the capture: CLICK_PLAN of test/e2e/ghost/loop.ts. */
const PLANNED = [3, 1, 1, 2, 0, 0, 0, 0, 0, 0, 0, 0];

describe('Ghost source over recorded Ghost 6.65 responses', () => {
  it('staff token: totals from the email, one row per tracked placement in email order', async () => {
    const { deps: d, requests } = deps(staffRoutes);
    const report = await createGhostSource({ siteUrl: SITE, adminKey: KEY }, d).report({
      campaignIds: [POST],
    });
    expect(requests[0]?.headers.Authorization).toMatch(/^Ghost [\w-]+\.[\w-]+\.[\w-]+$/);
    expect(new URL(requests[1]?.url ?? '').searchParams.get('filter')).toBe(`post_id:'${POST}'`);
    expect(report.totals).toMatchObject({
      sent: 3,
      delivered: 3,
      uniqueOpens: 2,
      uniqueClicks: 3,
      totalClicks: null,
      totalOpens: null,
      unsubscribed: null,
      complaints: null,
      bounces: { hard: null, soft: null, total: 0 },
      ctr: 1,
      ctor: 1.5,
    });
    // Each row is keyed as the received copy's link at that place: /r/<hash>?m=<member>.
    expect(report.links.map((r) => r.key)).toEqual(tracked.map((href) => linkIdentity(href).key));
    expect(report.links.map((r) => r.uniqueClicks)).toEqual(PLANNED);
    expect(report.links[0]?.shareOfClicks).toBeCloseTo(3 / 7);
    expect(report.capabilities).toContain('per-placement');
    expect(report.capabilities).not.toContain('unsubscribes');
    expect(report.notes.map((n) => n.id)).toEqual([
      'ghost-uniqueness',
      'ghost-unsubscribes',
      'ghost-analytics-lag',
    ]);
  });

  it('integration key: /links is refused (403), click events give the same per-link numbers', async () => {
    const { deps: d, requests } = deps(integrationRoutes);
    const viaEvents = await createGhostSource({ siteUrl: SITE, adminKey: KEY }, d).report({
      campaignIds: [POST],
    });
    const { deps: s } = deps(staffRoutes);
    const viaLinks = await createGhostSource({ siteUrl: SITE, adminKey: KEY }, s).report({
      campaignIds: [POST],
    });
    const clicked = (rows: typeof viaLinks.links) =>
      rows
        .filter((r) => (r.uniqueClicks ?? 0) > 0)
        .map((r) => [r.key, r.uniqueClicks])
        .sort();
    expect(clicked(viaEvents.links)).toEqual(clicked(viaLinks.links));
    expect(viaEvents.links).toHaveLength(4);
    expect(viaEvents.totals).toEqual(viaLinks.totals);
    expect(viaEvents.notes.map((n) => n.id)).toContain('ghost-via-events');
    expect(viaEvents.capabilities).not.toContain('all-links');
    const events = new URL(requests.at(-1)?.url ?? '');
    expect(events.searchParams.get('filter')).toBe(`type:click_event+data.post_id:'${POST}'`);
  });

  it('badges every tracked link of the received copy with its own count (matching)', async () => {
    const { deps: d } = deps(staffRoutes);
    const report = await createGhostSource({ siteUrl: SITE, adminKey: KEY }, d).report({
      campaignIds: [POST],
    });
    const placements = receivedHrefs.map((href, ordinal) => ({
      linkId: `L${ordinal}`,
      ordinal,
      href,
    }));
    const result = matchLinks(placements, report.links as unknown as ClickMapLinkRow[]);
    const counts = result.placements
      .filter((m) => m.placement.href.startsWith(`${SITE}/r/`))
      .map((m) => m.row?.uniqueClicks);
    expect(counts).toEqual(PLANNED);
    expect(result.unmatchedRows).toEqual([]);
  });

  it('401: says the key was not accepted, with Ghost’s reason; 403 on every path: use a staff token', async () => {
    const { deps: wrong } = deps([
      { path: `/posts/${POST}/`, respond: recorded('wrong-key-401', 401) },
    ]);
    const unauthorized = await createGhostSource({ siteUrl: SITE, adminKey: KEY }, wrong)
      .report({ campaignIds: [POST] })
      .catch((e: unknown) => e);
    expect(unauthorized).toMatchObject({ kind: 'unauthorized', status: 401 });
    expect((unauthorized as Error).message).toMatch(
      /did not accept the Admin API key \(401: Invalid token: invalid signature\)/,
    );
    const forbidden = (): HttpResponse => json(apiFixture('ghost/links-integration-403'), 403);
    const { deps: refused } = deps([
      postRoute,
      { path: '/links/', respond: forbidden },
      { path: '/members/events/', respond: forbidden },
    ]);
    const noRights = await createGhostSource({ siteUrl: SITE, adminKey: KEY }, refused)
      .report({ campaignIds: [POST] })
      .catch((e: unknown) => e);
    expect((noRights as Error).message).toMatch(/refused this key .*403.*staff access token/);
  });

  it('pages click events by created_at cursors under Ghost’s 100 cap, de-duplicating the seams', async () => {
    const base = apiFixture('ghost/click-events-integration') as {
      events: { data: { id: string; created_at: string; member: { id: string } } }[];
    };
    const template = base.events[0]!;
    // 250 clicks by 250 members on one link, 3 per second, newest first.
    const all = Array.from({ length: 250 }, (_, i) => {
      const n = 249 - i;
      return {
        ...template,
        data: {
          ...template.data,
          id: n.toString(16).padStart(24, '0'),
          member: { id: `m${n}`.padStart(24, '0').replace(/m/, 'a') },
          created_at: new Date(Date.UTC(2026, 11, 3) + Math.floor(n / 3) * 1000).toISOString(),
        },
      };
    });
    const { deps: d, requests } = deps([
      postRoute,
      { path: '/links/', respond: recorded('links-integration-403') },
      {
        path: '/members/events/',
        respond: (_req, url) => {
          const cursor = /created_at:<='([^']+)'/.exec(url.searchParams.get('filter') ?? '')?.[1];
          const limit = Math.min(Number(url.searchParams.get('limit')), 100);
          const upTo = cursor ? Date.parse(`${cursor.replace(' ', 'T')}Z`) : Infinity;
          const page = all.filter((e) => Date.parse(e.data.created_at) <= upTo).slice(0, limit);
          // Ghost echoes an accepted limit as the string it was given ("100").
          return json({
            events: page,
            meta: { pagination: { limit: String(limit), total: all.length } },
          });
        },
      },
    ]);
    const report = await createGhostSource({ siteUrl: SITE, adminKey: KEY }, d).report({
      campaignIds: [POST],
    });
    expect(report.links.map((r) => r.uniqueClicks)).toEqual([250]);
    // 100 + 100 (3 seen again at the seam) + 54 (3 again): the short page ends it.
    expect(requests.filter((r) => r.url.includes('/members/events/')).length).toBe(3);
  });
});

describe('Ghost descriptor', () => {
  const preview = (hrefs: string[], subject: string | null = null): PreviewInfo => ({
    profileId: 'roundcube',
    profileName: 'Roundcube',
    confidence: 1,
    reason: '',
    base: 'http://127.0.0.1:8089/',
    links: hrefs.map((href, ordinal) => ({
      ordinal,
      linkId: `L${ordinal}`,
      href,
      text: '',
      kind: 'link',
      hidden: false,
      unsafe: false,
    })) as PreviewInfo['links'],
    subject,
    sender: null,
  });
  const cached = <T>(_key: unknown[], load: () => Promise<T>) => load();
  const config = { kind: 'ghost' as const, siteUrl: SITE, adminKey: KEY };
  const lookup = ghost.campaign?.lookup;
  if (!lookup) throw new Error('Ghost looks posts up');

  it('checks the settings: address, then a whole "<id>:<secret>" key', () => {
    expect(ghost.check({ kind: 'ghost', siteUrl: '', adminKey: KEY })).toMatchObject({
      ok: false,
    });
    expect(ghost.check({ kind: 'ghost', siteUrl: SITE, adminKey: ' ' })).toEqual({
      ok: false,
      reason: 'Enter the Ghost Admin API key.',
    });
    expect(ghost.check({ kind: 'ghost', siteUrl: SITE, adminKey: 'abc:def' })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/<24 hex id>:<64 hex secret>/),
    });
    expect(ghost.check({ kind: 'ghost', siteUrl: `${SITE}/`, adminKey: ` ${KEY} ` })).toEqual({
      ok: true,
      config: { kind: 'ghost', siteUrl: SITE, adminKey: KEY },
      baseUrl: SITE,
      origin: 'http://127.0.0.1/*',
    });
  });

  it('finds the post from a received copy’s /r/<hash> (staff: /links by path)', async () => {
    const { deps: d, requests } = deps([
      { path: '/links/', respond: recorded('links-by-from-path-staff') },
    ]);
    const found = await lookup(preview(receivedHrefs), config, d, cached);
    expect(found).toMatchObject({ campaignId: POST, confidence: 1 });
    const hash = new URL(tracked[0]!).pathname;
    expect(new URL(requests[0]?.url ?? '').searchParams.get('filter')).toBe(`from:'${hash}'`);
  });

  it('integration key: finds the post among the click events on that link', async () => {
    const { deps: d } = deps([
      { path: '/links/', respond: recorded('links-integration-403') },
      { path: '/members/events/', respond: recorded('click-events-integration') },
    ]);
    const found = await lookup(preview(receivedHrefs), config, d, cached);
    expect(found).toMatchObject({ campaignId: POST });
  });

  it('Ghost’s own email preview (no redirects): the post its site links are attributed to', async () => {
    const links = apiFixture('ghost/links-staff') as { links: { link: { to: string } }[] };
    const destinations = links.links.map((l) => l.link.to);
    const { deps: d, requests } = deps([]);
    expect(await lookup(preview(destinations), config, d, cached)).toMatchObject({
      campaignId: POST,
      confidence: 1,
    });
    expect(requests).toEqual([]);
  });

  it('no tracked link of this site: the subject among sent newsletters, else the reason', async () => {
    const { deps: d } = deps([{ path: '/posts/', respond: recorded('sent-posts-integration') }]);
    const plain = ['https://app.northwind-cloud.com/account/billing?ref=127.0.0.1'];
    expect(
      await lookup(preview(plain, 'Your  Northwind Cloud receipt'), config, d, cached),
    ).toMatchObject({ campaignId: POST });
    expect(await lookup(preview(plain, 'Another subject'), config, d, cached)).toMatchObject({
      reason: expect.stringMatching(/None of this preview’s links/),
    });
    const otherSite = tracked.map((h) => h.replace(SITE, 'https://blog.example.com'));
    expect(await lookup(preview(otherSite), config, d, cached)).toMatchObject({
      reason: expect.stringMatching(/None of this preview’s links/),
    });
  });
});
