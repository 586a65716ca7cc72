/**
 * The overlay end to end, in real Chromium and Firefox: a generic ESP preview
 * (an iframe whose srcdoc is a real corpus template) gets a side panel and
 * heat badges whose numbers are the reference API's answer for that
 * template; the locate button scrolls the preview to the link and rings it;
 * badges live in our own layer, never in the email's DOM.
 */
import { DEMO_TEMPLATES } from '../../server/demo-data.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestPage } from './harness/browsers.ts';
import { clickMap, displayedShares, formatters, matchedTemplate, rowAt } from './harness/api.ts';
import { badgesAtLeast, readPanel, readPreview, type PreviewView } from './harness/overlay-dom.ts';
import { BROWSERS, startOverlayFixture, type OverlayFixture } from './harness/overlay-fixture.ts';

/**
 * Demo templates of server/demo-data.ts and their corpus files. The digest's
 * logo link holds only a relative <img width="48">: its relative images are
 * blocked (a <base> on a port browsers refuse, so they fail at once, without
 * a request), else the race of the late-image bug below could flake this test.
 */
const BLOCKED_IMAGES = 'http://127.0.0.1:1/';
const TEMPLATES: { id: string; file: string; base?: string }[] = [
  { id: 'welcome', file: 'postmark-basic-full-welcome.html' },
  { id: 'newsletter', file: 'leemunroe-email-inlined.html' },
  { id: 'digest', file: 'sendgrid-merriweather-digest.html', base: BLOCKED_IMAGES },
  { id: 'product-update', file: 'postmark-basic-full-example.html' },
];

/** The hrefs worth matching on, as the extension sends them (no anchors, no script URLs). */
function matchableHrefs(preview: PreviewView): string[] {
  return preview.links.map((l) => l.href).filter((h) => !/^(#|javascript:|data:)/i.test(h));
}

async function readBoth(page: TestPage) {
  const preview = await page.evaluate(readPreview, undefined);
  const panel = await page.evaluate(readPanel, undefined);
  if (!preview || !panel) throw new Error('preview or panel missing');
  return { preview, panel };
}

/** Waits until the badges of every visible link are drawn (or times out quietly; assertions tell). */
async function waitForBadges(page: TestPage, timeoutMs = 10_000): Promise<void> {
  const preview = await page.evaluate(readPreview, undefined);
  const visible = preview?.links.filter((l) => l.visible).length ?? 1;
  await page.waitFor(badgesAtLeast, visible, timeoutMs).catch(() => undefined);
}

for (const name of BROWSERS) {
  describe(`overlay on a generic ESP preview (${name})`, () => {
    let fx: OverlayFixture;
    beforeAll(async () => {
      fx = await startOverlayFixture(name);
    });
    afterAll(async () => fx?.close());

    it.each(TEMPLATES)(
      '$id: badges, table and totals show the API numbers',
      async ({ id, file, base }) => {
        const page = await fx.openPreview({
          src: `/corpus/templates/${file}`,
          ...(base ? { base } : {}),
        });
        expect(await fx.settle(page)).toBe('ready');
        await waitForBadges(page);
        const { preview, panel } = await readBoth(page);
        await fx.screenshot(page, id);

        expect(await matchedTemplate(fx.api, matchableHrefs(preview))).toBe(id);
        const report = await clickMap(fx.api, id);
        const shares = displayedShares(report.links);
        const f = formatters(await page.evaluate(() => navigator.language, undefined));
        const rowOf = (ordinal: number) => {
          const row = rowAt(report, ordinal);
          if (!row) throw new Error(`the API has no row for placement ${ordinal} of ${id}`);
          return row;
        };
        const name = DEMO_TEMPLATES.find((t) => t.id === id)?.name;
        expect(panel.template).toBe(`Template: ${name}`);

        // One badge per visible link: its # in the table, then its row's unique clicks and % of total.
        const visible = preview.links.filter((l) => l.visible);
        expect(visible.length).toBeGreaterThan(2);
        const shown = preview.badges.filter((b) => !b.hidden);
        expect(shown.map((b) => b.ordinal)).toEqual(visible.map((l) => l.ordinal));
        const expectedLabels = visible.map(({ ordinal }) => {
          const row = rowOf(ordinal);
          const share = shares.get(row.rowKey) ?? null;
          const figures =
            share === null
              ? f.count(row.uniqueClicks)
              : `${f.count(row.uniqueClicks)} · ${f.percent(share)}`;
          return `#${ordinal + 1} ${figures}`;
        });
        expect(shown.map((b) => b.label)).toEqual(expectedLabels);
        for (const badge of shown) {
          const row = rowOf(badge.ordinal);
          expect(badge.title).toContain(`Unique clicks: ${f.count(row.uniqueClicks)}`);
          expect(badge.title).toContain(`CTR: ${f.percent(row.ctr)}`);
        }

        // One table row per placement (hidden ones too), in page order, with the API's numbers.
        expect(panel.rows.map((r) => r.ordinal)).toEqual(preview.links.map((l) => l.ordinal));
        for (const row of panel.rows) {
          const api = rowOf(row.ordinal);
          const { uniqueClicks: clicks, share } = row.cells;
          expect({ ordinal: row.ordinal, clicks, share }).toEqual({
            ordinal: row.ordinal,
            clicks: f.count(api.uniqueClicks),
            share: f.percent(shares.get(api.rowKey) ?? null),
          });
        }

        const t = report.totals;
        expect({
          uniqueOpens: panel.totals.uniqueOpens,
          uniqueClicks: panel.totals.uniqueClicks,
          unsubscribed: panel.totals.unsubscribed,
        }).toEqual({
          uniqueOpens: f.count(t.uniqueOpens),
          uniqueClicks: f.count(t.uniqueClicks),
          unsubscribed: f.count(t.unsubscribed),
        });
        await page.close();
      },
    );

    it('locate scrolls a link far down into the preview and rings it', async () => {
      const page = await fx.openPreview({
        src: '/corpus/templates/leemunroe-email-inlined.html',
        height: 300,
      });
      expect(await fx.settle(page)).toBe('ready');
      await waitForBadges(page);
      await page.evaluate(() => {
        window.scrollTo(0, 0);
        (document.getElementById('preview') as HTMLIFrameElement).contentWindow?.scrollTo(0, 0);
      }, undefined);
      const before = await page.evaluate(readPreview, undefined);
      const target = before?.links.filter((l) => l.visible).at(-1);
      if (!before || !target) throw new Error('no visible link in the preview');
      expect(before.scrollY).toBe(0);
      expect(target.top).toBeGreaterThan(before.viewportHeight);

      await fx.screenshot(page, 'locate-before');
      await page.click(`.cml-links tbody tr[data-ordinal="${target.ordinal}"] button.cml-locate`);
      // The ring shows while it pulses (about 2 s); catch it around the link, scrolled into view.
      const after = await page.waitFor(
        (ordinal: number) => {
          const doc = (document.getElementById('preview') as HTMLIFrameElement).contentDocument;
          const win = doc?.defaultView;
          const link = doc?.body.querySelectorAll('a[href], area[href]')[ordinal];
          const ring = doc
            ?.querySelector('clickmap-lens-layer')
            ?.shadowRoot?.querySelector('.box.ring') as HTMLElement | null | undefined;
          if (!link || !ring || !win || ring.hidden) return null;
          const l = link.getBoundingClientRect();
          const r = ring.getBoundingClientRect();
          const inView = l.top >= 0 && l.bottom <= win.innerHeight;
          const around =
            r.top <= l.top + 1 &&
            r.bottom >= l.bottom - 1 &&
            r.left <= l.left + 1 &&
            r.right >= l.right - 1;
          return inView && around ? { top: l.top, bottom: l.bottom, scrollY: win.scrollY } : null;
        },
        target.ordinal,
        5_000,
      );
      await fx.screenshot(page, 'locate-after');
      if (!after) throw new Error('the link never showed in view with its ring');
      expect(after.scrollY).toBeGreaterThan(0);
      expect(after.top).toBeGreaterThanOrEqual(0);
      expect(after.bottom).toBeLessThanOrEqual(before.viewportHeight);
      await page.close();
    });

    it('never writes into the email: body identical to the template, layer on <html>', async () => {
      const src = '/corpus/templates/sendgrid-merriweather-digest.html';
      const page = await fx.openPreview({ src });
      expect(await fx.settle(page)).toBe('ready');
      await waitForBadges(page);
      const preview = await page.evaluate(readPreview, undefined);
      // The same template parsed afresh in the page, never touched by any script.
      const pristine = await page.evaluate(
        async (url: string) =>
          new DOMParser().parseFromString(await (await fetch(url)).text(), 'text/html').body
            .innerHTML,
        src,
      );
      expect(preview?.badges.length).toBeGreaterThan(0);
      expect(preview?.layerParent).toBe('HTML');
      expect(preview?.oursInBody).toBe(0);
      expect(preview?.bodyHtml).toBe(pristine);
      const panelParent = await page.evaluate(
        () => document.querySelector('clickmap-lens-ui')?.parentElement?.tagName ?? null,
        undefined,
      );
      expect(panelParent).toBe('HTML');
      await page.close();
    });

    // Regression (was a product bug in entrypoints/preview-chunk/preview-runtime.ts):
    // a placement's visibility was measured once, when the preview is detected,
    // and never again. A logo link holding only <img width="48"> (no height,
    // as the digest's header) is 48×0 while its image is still loading, so it
    // is announced as hidden: no badge is ever drawn for it and its table row
    // stays "hidden" with a disabled locate button, although the image shows
    // (or its alt text does) a moment later. Window resizes, scrolls and image
    // load events run badge passes, but the badge was never created. Slow image
    // hosts make this common; with the logo's fast 404 it still flaked the
    // digest numbers test about once in five runs on this loaded 2-core
    // machine, hence BLOCKED_IMAGES there.
    for (const { outcome, base } of [
      { outcome: 'loads', base: '/slow/2500/pages/logo-host/' },
      { outcome: 'fails to load', base: '/slow/2500/nowhere/' },
    ]) {
      it(`an image link gets its badge when its image ${outcome} late`, async () => {
        const page = await fx.openPreview({
          src: '/corpus/templates/sendgrid-merriweather-digest.html',
          base,
        });
        expect(await fx.settle(page)).toBe('ready');
        // The logo's box once its image settled (openPreview waited for the frame's load).
        const logoHeight = await page.evaluate(() => {
          const doc = (document.getElementById('preview') as HTMLIFrameElement).contentDocument;
          const img = doc?.body.querySelector('a[href] img') as HTMLImageElement | null;
          return img?.complete ? img.getBoundingClientRect().height : 0;
        }, undefined);
        // The image settled before openPreview returned: any pass since had its chance.
        await waitForBadges(page, 3_000);
        const { preview, panel } = await readBoth(page);
        await fx.screenshot(page, `late-image-${outcome.replace(/ /g, '-')}`);
        await page.close();
        expect(logoHeight).toBeGreaterThan(0);
        const visible = preview.links.filter((l) => l.visible).map((l) => l.ordinal);
        expect(visible).toContain(0);
        expect(preview.badges.filter((b) => !b.hidden).map((b) => b.ordinal)).toEqual(visible);
        expect(panel.rows.find((r) => r.ordinal === 0)?.locateDisabled).toBe(false);
      });
    }

    // Regression (was a product bug in components/panel.css.ts + the WXT shadow-root
    // container of entrypoints/panel-chunk/top-frame.tsx): the host is fixed to
    // the viewport's height, but .cml-panel's "block-size: 100%" resolves
    // against WXT's container <div>, whose height is auto. The panel grows to
    // its content (digest: ~840 px), its overflow:auto never scrolls, and
    // everything below the window's bottom edge (last table rows, their
    // locate buttons, the diagnostics) cannot be reached in a 600 px window.
    it('the panel scrolls: its last row is reachable in a short window', async () => {
      const page = await fx.openPreview({
        src: '/corpus/templates/sendgrid-merriweather-digest.html',
      });
      expect(await fx.settle(page)).toBe('ready');
      await page.setViewport(1400, 600);
      const reach = await page.evaluate(() => {
        const root = document.querySelector('clickmap-lens-ui')?.shadowRoot;
        const panel = root?.querySelector('.cml-panel');
        const last = [...(root?.querySelectorAll('button.cml-locate') ?? [])].at(-1);
        if (!panel || !last) return null;
        // What a user (or a keyboard focus move) does to reach it.
        last.scrollIntoView({ block: 'end' });
        const r = last.getBoundingClientRect();
        return {
          bottom: Math.round(r.bottom),
          windowHeight: innerHeight,
          panelHeight: panel.clientHeight,
        };
      }, undefined);
      await fx.screenshot(page, 'panel-short-window');
      await page.close();
      expect(reach).not.toBeNull();
      expect(reach?.panelHeight).toBeLessThanOrEqual(reach?.windowHeight ?? 0);
      expect(reach?.bottom).toBeLessThanOrEqual(reach?.windowHeight ?? 0);
    });

    // Regression (was a product bug in utils/links/match.ts, matchByLinkId): without a source
    // placement id, both sides get the synthetic linkId "L<ordinal>", and
    // matchByLinkId pairs them with no identity check (matchByOrdinal has one:
    // "guards against a changed template"). One extra link above the email
    // (here a "forward to a friend" mailto an ESP adds to its preview; equally
    // a link inserted by a template edit) shifts every number onto the
    // previous link: the mailto shows the first link's 226 clicks.
    it('a link added above the email does not shift the numbers onto other links', async () => {
      const page = await fx.openPreview({
        src: '/corpus/templates/postmark-basic-full-welcome.html',
        prepend:
          '<p style="margin:8px;text-align:center"><a href="mailto:?subject=Fwd">Forward to a friend</a></p>',
      });
      expect(await fx.settle(page)).toBe('ready');
      await waitForBadges(page);
      const { preview, panel } = await readBoth(page);
      const locale = await page.evaluate(() => navigator.language, undefined);
      await fx.screenshot(page, 'prepended-link');
      await page.close();
      // Still the welcome template (a mailto is no evidence for matching).
      expect(await matchedTemplate(fx.api, matchableHrefs(preview))).toBe('welcome');
      expect(panel.template).toBe('Template: Welcome (Postmark)');
      const report = await clickMap(fx.api, 'welcome');
      const shares = displayedShares(report.links);
      const f = formatters(locale);
      // The added link (ordinal 0) is in no report: "—". Template link k is now at ordinal k + 1.
      const expected = preview.links
        .filter((l) => l.visible)
        .map(({ ordinal }) => {
          if (ordinal === 0) return { ordinal, label: '#1 —' };
          const row = rowAt(report, ordinal - 1);
          if (!row) throw new Error(`no row for template placement ${ordinal - 1}`);
          return {
            ordinal,
            label: `#${ordinal + 1} ${f.count(row.uniqueClicks)} · ${f.percent(shares.get(row.rowKey) ?? null)}`,
          };
        });
      expect(preview.badges.map((b) => ({ ordinal: b.ordinal, label: b.label }))).toEqual(expected);
    });
  });
}
