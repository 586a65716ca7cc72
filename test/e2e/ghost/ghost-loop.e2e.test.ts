// @vitest-environment node
/**
 * A real ESP end to end: a real Ghost (rig.ts) publishes and emails a
 * newsletter built from a corpus template through the fake Mailgun; members
 * click tracked links of their own copies; one member's received copy is
 * delivered into the real Roundcube rig; then Chromium and Firefox with
 * Clickmap Lens, configured with Ghost as the source, open it there. Every
 * tracked link must carry Ghost's own count (GET /links, read here straight
 * from Ghost), and the panel's totals must be Ghost's. Both kinds of Admin API
 * key must give the same per-link numbers.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGhostSource } from '../../../utils/sources/ghost/source.ts';
import { fetchHttp } from '../../../utils/sources/testing/fetch-http.ts';
import { launch, type ExtensionBrowser, type TestPage } from '../harness/browsers.ts';
import { openSettingsPage } from '../harness/configure.ts';
import { panelStateIn, readPanel } from '../harness/overlay-dom.ts';
import { deliverHtmlEmail } from '../roundcube/deliver.ts';
import { ensureRig, type RigConfig } from '../roundcube/rig.ts';
import {
  clickAsMembers,
  MEMBERS,
  sendNewsletter,
  trackedLinks,
  type SentNewsletter,
} from './loop.ts';
import { startGhostRig, type GhostRig } from './rig.ts';

const SHOTS = resolve(import.meta.dirname, '../../../test-results/ghost');
const RUN = Date.now().toString(36);
const BROWSERS = ['chromium', 'firefox'] as const;

interface GhostNumbers {
  /** Distinct members per tracked link, in the email's order. */
  perLink: { from: string; clicks: number }[];
  email: {
    email_count: number;
    delivered_count: number;
    opened_count: number;
    failed_count: number;
  };
  clicks: number;
}

/** Ghost's own numbers, read with the owner's session (not through the source). */
async function ghostNumbers(rig: GhostRig, postId: string): Promise<GhostNumbers> {
  const links = (await rig.admin.json(
    `/links/?filter=${encodeURIComponent(`post_id:'${postId}'`)}`,
  )) as { links: { link: { link_id: string; from: string }; count: { clicks: number } }[] };
  const post = (await rig.admin.json(`/posts/${postId}/?include=email,count.clicks`)) as {
    posts: { email: GhostNumbers['email']; count: { clicks: number } }[];
  };
  const [first] = post.posts;
  if (!first) throw new Error('no post');
  return {
    perLink: links.links
      .sort((a, b) => a.link.link_id.localeCompare(b.link.link_id))
      .map((l) => ({ from: l.link.from, clicks: l.count.clicks })),
    email: first.email,
    clicks: first.count.clicks,
  };
}

/** Roundcube's login form, filled as a user does (both browsers, main world). */
async function roundcubeLogin(page: TestPage, rc: RigConfig): Promise<void> {
  await page.goto(rc.url);
  await page.evaluateAsPage(
    ({ user, pass }) => {
      const field = (id: string) => document.getElementById(id) as HTMLInputElement | null;
      const userField = field('rcmloginuser');
      if (!userField) return;
      userField.value = user;
      field('rcmloginpwd')!.value = pass;
      (document.getElementById('rcmloginsubmit') as HTMLButtonElement).click();
    },
    { user: rc.user, pass: rc.pass },
  );
  await page.waitFor(() => location.search.includes('_task=mail'), undefined, 30_000);
}

/** Badge labels of the top document's lens layer, by link ordinal. */
function readBadges(): { ordinal: number; label: string; href: string }[] {
  const host = document.querySelector('clickmap-lens-layer');
  const links = [...(document.querySelector('#messagebody')?.querySelectorAll('a[href]') ?? [])];
  return [...(host?.shadowRoot?.querySelectorAll('.badge[data-ordinal]') ?? [])].map((b) => {
    const ordinal = Number(b.getAttribute('data-ordinal'));
    return {
      ordinal,
      label: b.textContent ?? '',
      href: links[ordinal]?.getAttribute('href') ?? '',
    };
  });
}

describe('Ghost → Mailgun → Roundcube → Clickmap Lens', () => {
  let rc: RigConfig;
  let ghost: GhostRig;
  let sent: SentNewsletter;
  let numbers: GhostNumbers;
  let subject: string;
  let uid: number;

  beforeAll(async () => {
    [rc, ghost] = await Promise.all([ensureRig(), startGhostRig({ port: 2368 })]);
    sent = await sendNewsletter(ghost, `Your Northwind Cloud receipt ${RUN}`);
    await clickAsMembers(ghost, sent);
    numbers = await ghostNumbers(ghost, sent.post.id);
    const copy = sent.copies.get(MEMBERS[0]!)!;
    subject = copy.subject;
    ({ uid } = await deliverHtmlEmail({
      html: copy.html,
      subject,
      from: copy.from,
      ...(copy.headers['List-Unsubscribe']
        ? { listUnsubscribe: copy.headers['List-Unsubscribe'] }
        : {}),
    }));
    mkdirSync(SHOTS, { recursive: true });
  }, 900_000);

  afterAll(async () => {
    await ghost?.stop();
  });

  it('Ghost counted the planned clicks per placement (distinct members, not clicks)', () => {
    // CLICK_PLAN: link 0 by all three members, 1 and 2 by ada, 3 by ada and ben (ben twice).
    expect(numbers.perLink.slice(0, 4).map((l) => l.clicks)).toEqual([3, 1, 1, 2]);
    expect(numbers.perLink.slice(4).every((l) => l.clicks === 0)).toBe(true);
    expect(numbers.clicks).toBe(3);
    expect(numbers.email.email_count).toBe(MEMBERS.length);
  });

  it('the staff token and the integration key give the same per-link numbers', async () => {
    const deps = { http: fetchHttp, sleep: async () => {} };
    const query = { campaignIds: [sent.post.id] };
    const staff = await createGhostSource(
      { siteUrl: ghost.url, adminKey: ghost.staffToken },
      deps,
    ).report(query);
    const integration = await createGhostSource(
      { siteUrl: ghost.url, adminKey: ghost.integrationKey },
      deps,
    ).report(query);
    const clicked = (r: typeof staff) =>
      r.links.filter((l) => (l.uniqueClicks ?? 0) > 0).map((l) => [l.key, l.uniqueClicks]);
    expect(staff.links.map((l) => l.uniqueClicks)).toEqual(numbers.perLink.map((l) => l.clicks));
    expect(clicked(integration)).toEqual(clicked(staff));
    expect(integration.totals).toEqual(staff.totals);
    expect(integration.notes.map((n) => n.id)).toContain('ghost-via-events');
  });

  describe.each(BROWSERS)('%s', (name) => {
    let browser: ExtensionBrowser;

    beforeAll(async () => {
      browser = await launch(name);
      const settingsPage = await openSettingsPage(browser);
      await settingsPage.evaluate(
        async (value) => {
          type Local = {
            get(key: string): Promise<Record<string, unknown>>;
            set(items: object): Promise<void>;
          };
          type Api = { storage: { local: Local } };
          const g = globalThis as unknown as { browser?: Api; chrome?: Api };
          const local = (g.browser ?? g.chrome)!.storage.local;
          const { settings } = (await local.get('settings')) as { settings?: object };
          await local.set({ settings: { ...(settings ?? {}), ...value } });
        },
        {
          sources: [{ kind: 'ghost', siteUrl: ghost.url, adminKey: ghost.staffToken }],
          activeSource: 'ghost',
          includeMachineClicks: true,
          disabledSites: [],
        },
      );
      await settingsPage.close();
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
    });

    it('badges every tracked link of the received copy in Roundcube with Ghost’s numbers', async () => {
      const page = await browser.newPage();
      await roundcubeLogin(page, rc);
      await page.goto(`${rc.url}?_task=mail&_mbox=INBOX&_uid=${uid}&_action=show`);
      const state = await page.waitFor(
        panelStateIn,
        ['ready', 'no-match', 'error', 'no-data'],
        60_000,
      );
      const panel = await page.evaluate(readPanel, undefined);
      expect(state, panel?.message).toBe('ready');
      const tracked = trackedLinks(sent.copies.get(MEMBERS[0]!)!, ghost.url);
      const badges = await page.waitFor(
        (count: number) => {
          const host = document.querySelector('clickmap-lens-layer');
          const n = host?.shadowRoot?.querySelectorAll('.badge[data-ordinal]').length ?? 0;
          return n >= count ? n : null;
        },
        tracked.length,
        30_000,
      );
      expect(badges).toBeGreaterThanOrEqual(tracked.length);
      const labels = await page.evaluate(readBadges, undefined);
      await page.screenshot(resolve(SHOTS, `roundcube-${name}.png`));
      // Each tracked link's badge: "#<n> <unique clicks> · <share>", the count Ghost gives that placement.
      const byRedirect = new Map(numbers.perLink.map((l) => [new URL(l.from).pathname, l.clicks]));
      const seen = labels.filter((b) => b.href.startsWith(`${ghost.url}/r/`));
      expect(seen).toHaveLength(tracked.length);
      for (const badge of seen) {
        const expected = byRedirect.get(new URL(badge.href).pathname);
        expect(/^#\d+ (\d+) · /.exec(badge.label)?.[1], badge.href).toBe(String(expected));
      }
      const final = await page.evaluate(readPanel, undefined);
      expect(final?.totals).toBeDefined();
      const totals = final?.totals ?? {};
      const numberIn = (text: string | undefined) =>
        Number((text ?? '').replace(/[^\d]/g, '') || NaN);
      expect(numberIn(totals.sent ?? totals.delivered)).not.toBeNaN();
      expect(numberIn(totals.uniqueClicks)).toBe(numbers.clicks);
      expect(numberIn(totals.uniqueOpens)).toBe(numbers.email.opened_count);
      await page.close();
    });
  });
});
