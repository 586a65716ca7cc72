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
import en from '../../../public/_locales/en/messages.json' with { type: 'json' };
import { useCatalog } from '../../../utils/i18n/i18n.ts';
import { createGhostSource } from '../../../utils/sources/ghost/source.ts';
import { fetchHttp } from '../../../utils/sources/testing/fetch-http.ts';
import { launch, type ExtensionBrowser, type TestPage } from '../harness/browsers.ts';
import { openSettingsPage } from '../harness/configure.ts';
import { readPanel } from '../harness/overlay-dom.ts';
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

// The source runs here in node too (no extension i18n): English messages.
useCatalog(en);

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
  // The form navigates: a check that runs mid-navigation may fail, so retry until the mailbox shows.
  const deadline = Date.now() + 60_000;
  for (;;) {
    const onMail = await page
      .evaluateAsPage(() => location.search.includes('_task=mail') && !!document.body, undefined)
      .catch(() => false);
    if (onMail) return;
    if (Date.now() > deadline) throw new Error('Roundcube login did not reach the mailbox');
    await new Promise((done) => setTimeout(done, 250));
  }
}

/**
 * The email's links in Roundcube's full view: href, whether the page shows it
 * (the lens badges shown links only and lists hidden ones), and its badge.
 */
function readLinks(): { href: string; shown: boolean; label: string | null }[] {
  const host = document.querySelector('clickmap-lens-layer');
  const labels = new Map(
    [...(host?.shadowRoot?.querySelectorAll('.badge[data-ordinal]') ?? [])].map((b) => [
      Number(b.getAttribute('data-ordinal')),
      b.textContent ?? '',
    ]),
  );
  const links = [...(document.querySelector('#messagebody')?.querySelectorAll('a[href]') ?? [])];
  const hasBox = (el: Element) => [...el.getClientRects()].some((r) => r.width > 0 && r.height > 0);
  return links.map((a, ordinal) => ({
    href: a.getAttribute('href') ?? '',
    shown:
      (a as Element & { checkVisibility(o: object): boolean }).checkVisibility({
        visibilityProperty: true,
        opacityProperty: true,
      }) &&
      (hasBox(a) || [...a.querySelectorAll('img')].some(hasBox)),
    label: labels.get(ordinal) ?? null,
  }));
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
    )
      .report(query)
      .catch((error: unknown) => {
        throw new Error(`${String(error)}: ${(error as { reason?: string }).reason}`);
      });
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
      const login = await browser.newPage();
      await roundcubeLogin(login, rc);
      // The message in a tab of its own (the session cookie is shared), as a user opening a link.
      // Opened by URL, the email is in the top document: this is where a late "no preview"
      // hello once overwrote the detection ("Frame 0 holds no email preview (any more)").
      const page = await browser.newPage();
      const showUrl = `${rc.url}?_task=mail&_mbox=INBOX&_uid=${uid}&_action=show`;
      await page.goto(showUrl);
      // Polled here (not waitFor): a check that runs while Roundcube re-renders may throw.
      let settled: Awaited<ReturnType<typeof readPanel>> = null;
      for (const deadline = Date.now() + 60_000; Date.now() < deadline;) {
        settled = await page.evaluate(readPanel, undefined).catch(() => null);
        if (settled?.state === 'ready') break;
        await new Promise((done) => setTimeout(done, 250));
      }
      expect(settled?.state, settled?.message).toBe('ready');
      const tracked = trackedLinks(sent.copies.get(MEMBERS[0]!)!, ghost.url);
      const shownTracked = async () =>
        (await page.evaluate(readLinks, undefined)).filter(
          (l) => l.shown && l.href.startsWith(`${ghost.url}/r/`),
        );
      const visible = (await shownTracked()).length;
      expect(visible).toBeGreaterThan(tracked.length / 2);
      // Wait until every shown tracked link has its badge with a number.
      await page.waitFor(
        (prefix: string) => {
          const host = document.querySelector('clickmap-lens-layer');
          const badged = new Set(
            [...(host?.shadowRoot?.querySelectorAll('.badge[data-ordinal]') ?? [])]
              // Badges are drawn first ("#1 —") and get their numbers with the report.
              .filter((b) => /^#\d+ \d/.test(b.textContent ?? ''))
              .map((b) => Number(b.getAttribute('data-ordinal'))),
          );
          const links = [
            ...(document.querySelector('#messagebody')?.querySelectorAll('a[href]') ?? []),
          ];
          const hasBox = (el: Element) =>
            [...el.getClientRects()].some((r) => r.width > 0 && r.height > 0);
          const shown = (a: Element) =>
            (a as Element & { checkVisibility(o: object): boolean }).checkVisibility({
              visibilityProperty: true,
              opacityProperty: true,
            }) &&
            (hasBox(a) || [...a.querySelectorAll('img')].some(hasBox));
          return links.every(
            (a, i) =>
              !(a.getAttribute('href') ?? '').startsWith(prefix) || !shown(a) || badged.has(i),
          );
        },
        `${ghost.url}/r/`,
        60_000,
      );
      await page.screenshot(resolve(SHOTS, `roundcube-${name}.png`));
      // Every shown tracked link is badged "#<n> <unique clicks> · <share>" with the count
      // Ghost gives that placement (its own /r/<hash>).
      const byRedirect = new Map(numbers.perLink.map((l) => [new URL(l.from).pathname, l.clicks]));
      for (const link of await shownTracked()) {
        const expected = byRedirect.get(new URL(link.href).pathname);
        expect(/^#\d+ (\d+) · /.exec(link.label ?? '')?.[1], `${link.href}: ${link.label}`).toBe(
          String(expected),
        );
      }
      // Every tracked link, shown or hidden, is a row of the panel's table with Ghost's count.
      const panel = await page.evaluate(readPanel, undefined);
      const rowCounts = (panel?.rows ?? []).map((r) => Number(r.cells.uniqueClicks));
      expect(rowCounts.filter((n) => !Number.isNaN(n)).sort()).toEqual(
        numbers.perLink.map((l) => l.clicks).sort(),
      );
      // Totals: Ghost's recipients, members who clicked and who opened (at this moment);
      // unsubscribes are per newsletter in Ghost: "—" with the reason.
      const totals = panel?.totals ?? {};
      const numberIn = (text: string | undefined) => Number((text ?? '').replace(/[^\d]/g, ''));
      expect(numberIn(totals.sent)).toBe(numbers.email.email_count);
      expect(numberIn(totals.uniqueClicks)).toBe(numbers.clicks);
      expect(numberIn(totals.uniqueOpens)).toBe(numbers.email.opened_count);
      expect(totals.unsubscribed).toMatch(/^— \(Ghost does not report unsubscribes/);
      await page.close();
      await login.close();
    });
  });
});
