/**
 * What a marketer meets in the first minute, in real Chromium and Firefox:
 * the link table fits the panel at 800, 1024 and 1440 px windows (no
 * horizontal scroll, every locate button inside the panel); no badge covers
 * any link's text and every badge's text has 4.5:1 contrast; the panel is
 * above the badges on a view-in-browser page; axe-core finds no violation in
 * the panel (report, "Check links", not configured). Our UI lives in closed
 * shadow roots: readers naming `shadowRoot` run with the extension's
 * privileges (harness/privileged.ts). Run after `npm run build:all`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axePanel } from './harness/axe.ts';
import type { TestPage } from './harness/browsers.ts';
import {
  badgesAtLeast,
  readPreview,
  topBadgeShown,
  topmostOverBadges,
} from './harness/overlay-dom.ts';
import { BROWSERS, startOverlayFixture, type OverlayFixture } from './harness/overlay-fixture.ts';

const WELCOME = '/corpus/templates/postmark-basic-full-welcome.html';

/** Width of the links table against its scroller and the panel; locate buttons' right edges. */
function tableFit() {
  const root = document.querySelector('clickmap-lens-ui')?.shadowRoot;
  const panel = root?.querySelector('.cml-panel');
  const table = root?.querySelector('.cml-links');
  const scroller = table?.closest('.cml-table-scroll');
  if (!panel || !table || !scroller) return null;
  const panelBox = panel.getBoundingClientRect();
  const locates = [...table.querySelectorAll('button.cml-locate')].map(
    (b) => b.getBoundingClientRect().right,
  );
  return {
    panelWidth: Math.round(panelBox.width),
    panelRight: panelBox.right,
    tableWidth: table.scrollWidth,
    scrollerWidth: scroller.clientWidth,
    columns: [...table.querySelectorAll('thead th')].map((th) => th.getAttribute('data-column')),
    maxLocateRight: Math.max(...locates),
  };
}

/** Badges over link text (in the preview frame) and the worst badge text contrast. */
function badgeCheck() {
  const frame = document.getElementById('preview') as HTMLIFrameElement | null;
  const doc = frame?.contentDocument;
  const layer = doc?.querySelector('clickmap-lens-layer')?.shadowRoot;
  if (!doc || !layer) return null;
  const badges = [...layer.querySelectorAll<HTMLElement>('.badge:not([hidden])')];
  const linkRects = [...doc.body.querySelectorAll('a[href]')].flatMap((a) => [
    ...a.getClientRects(),
  ]);
  const overlapping: string[] = [];
  const lum = (css: string) => {
    const [r, g, b] = (css.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => Number(v) / 255);
    const lin = (c = 0) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  let worst = Infinity;
  for (const badge of badges) {
    const b = badge.getBoundingClientRect();
    for (const r of linkRects) {
      if (r.width < 2 || r.height < 2) continue;
      const x = Math.min(b.right, r.right) - Math.max(b.left, r.left);
      const y = Math.min(b.bottom, r.bottom) - Math.max(b.top, r.top);
      if (x > 0.5 && y > 0.5) overlapping.push(badge.textContent ?? '');
    }
    const style = getComputedStyle(badge);
    const [fg, bg] = [lum(style.color), lum(style.backgroundColor)];
    worst = Math.min(worst, (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05));
  }
  return { count: badges.length, overlapping, worstContrast: worst };
}

async function waitForBadges(page: TestPage): Promise<void> {
  const preview = await page.evaluate(readPreview, undefined);
  const visible = preview?.links.filter((l) => l.visible).length ?? 1;
  await page.waitFor(badgesAtLeast, visible, 10_000);
}

for (const name of BROWSERS) {
  describe(`the first minute (${name})`, () => {
    let fx: OverlayFixture;
    beforeAll(async () => {
      fx = await startOverlayFixture(name);
    });
    afterAll(async () => fx?.close());

    it.each([800, 1024, 1440])(
      '%i px window: the table fits, badges leave link text readable',
      async (width) => {
        const page = await fx.openPreview({ src: WELCOME });
        await page.setViewport(width, 900);
        expect(await fx.settle(page)).toBe('ready');
        await waitForBadges(page);
        await new Promise((ok) => setTimeout(ok, 500));
        const fit = await page.evaluate(tableFit, undefined);
        console.log(`[${name} ${width}px] table fit`, JSON.stringify(fit));
        expect(fit?.columns).toEqual(['ordinal', 'url', 'uniqueClicks', 'share', null]);
        expect(fit!.tableWidth).toBeLessThanOrEqual(fit!.scrollerWidth);
        expect(fit!.maxLocateRight).toBeLessThanOrEqual(fit!.panelRight);
        const badges = await page.evaluate(badgeCheck, undefined);
        console.log(`[${name} ${width}px] badges`, JSON.stringify(badges));
        expect(badges!.count).toBeGreaterThan(2);
        expect(badges!.overlapping).toEqual([]);
        expect(badges!.worstContrast).toBeGreaterThanOrEqual(4.5);
        expect(await axePanel(page)).toEqual([]);
        await fx.screenshot(page, `first-minute-${width}`);
        await page.close();
      },
    );

    it('"Check links" passes axe-core', async () => {
      const page = await fx.openPreview({ src: WELCOME });
      expect(await fx.settle(page)).toBe('ready');
      await page.click('button.cml-tab[data-view="qa"]');
      await page.waitFor(
        () =>
          document.querySelector('clickmap-lens-ui')?.shadowRoot?.querySelector('.cml-qa') != null,
        undefined,
        10_000,
      );
      expect(await axePanel(page)).toEqual([]);
      await page.close();
    });

    it('view in browser: the panel is above every badge it overlaps', async () => {
      const page = await fx.browser.newPage();
      await page.setViewport(1024, 900);
      await page.goto(`${fx.pages.origin}/corpus/templates/leemunroe-email-inlined.html`);
      await fx.settle(page);
      await page.waitFor(topBadgeShown, undefined, 10_000);
      const hits = await page.evaluate(topmostOverBadges, undefined);
      console.log(`[${name}] topmost over badges under the panel`, JSON.stringify(hits));
      expect(hits?.length).toBeGreaterThan(0);
      expect(new Set(hits)).toEqual(new Set(['clickmap-lens-ui']));
      await page.close();
    });

    it('not configured: the panel passes axe-core', async () => {
      await fx.configure(null);
      const page = await fx.openPreview({ src: WELCOME });
      expect(await fx.settle(page)).toBe('not-configured');
      expect(await axePanel(page)).toEqual([]);
      await page.close();
      await fx.configure();
    });
  });
}
