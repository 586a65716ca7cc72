/**
 * A webmail re-rendering and navigating, in real Chromium and Firefox (the
 * defects a real SOGo showed): the same email re-rendered (its root replaced
 * by an identical copy, as SOGo's "Load images" does) keeps its badges; the
 * next message swapped into the page gets its own state, and the header does
 * not keep the previous template's name; coming back restores the badges.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TEMPLATES } from '../../server/demo-data.ts';
import type { TestPage } from './harness/browsers.ts';
import { badgesAtLeast, panelStateIn, readPanel, readPreview } from './harness/overlay-dom.ts';
import { BROWSERS, startOverlayFixture, type OverlayFixture } from './harness/overlay-fixture.ts';

const WELCOME = '/corpus/templates/postmark-basic-full-welcome.html';
/**
 * A message with no data: a real template the demo API does not know, its
 * links turned into mailto: ones (a web link would still meet a demo
 * template's {{action_url}} wildcard until a minimum match confidence exists).
 */
const UNKNOWN = '/corpus/templates/mailjet-tutorial-abandoned_cart.html';

/** The <body> markup of an email file served by the static server, links made mailto:. */
async function mailtoBodyOf(path: string): Promise<string> {
  const html = await (await fetch(path)).text();
  const body = new DOMParser().parseFromString(html, 'text/html').body;
  for (const a of body.querySelectorAll('a[href]'))
    a.setAttribute('href', 'mailto:shop@example.org');
  return body.innerHTML;
}

/** Replaces the preview's <body> (the detected root) with a copy, or with new HTML. */
function replaceBody(html: string | null): void {
  const frame = document.getElementById('preview') as HTMLIFrameElement;
  const doc = frame.contentDocument!;
  const next = doc.body.cloneNode(true) as HTMLElement;
  if (html !== null) next.innerHTML = html;
  doc.body.replaceWith(next);
}

const badgeLabels = async (page: TestPage) =>
  ((await page.evaluate(readPreview, undefined))?.badges ?? [])
    .filter((b) => !b.hidden)
    .map((b) => `${b.ordinal}:${b.label}`);

/** Waits until the visible badges read `expected` (or times out; the assertion tells). */
async function waitForLabels(page: TestPage, expected: string[], timeoutMs = 8_000) {
  const until = Date.now() + timeoutMs;
  let labels = await badgeLabels(page);
  while (Date.now() < until && labels.join('|') !== expected.join('|')) {
    await new Promise((ok) => setTimeout(ok, 200));
    labels = await badgeLabels(page);
  }
  return labels;
}

for (const name of BROWSERS) {
  describe(`webmail re-render and navigation (${name})`, () => {
    let fx: OverlayFixture;
    beforeAll(async () => {
      fx = await startOverlayFixture(name);
    });
    afterAll(async () => fx?.close());

    it('re-render keeps badges; the next message has its own state and header', async () => {
      const page = await fx.openPreview({ src: WELCOME });
      expect(await fx.settle(page)).toBe('ready');
      await page.waitFor(badgesAtLeast, 3, 10_000);
      const before = await badgeLabels(page);
      expect(before.length).toBeGreaterThanOrEqual(3);
      const welcome = DEMO_TEMPLATES.find((t) => t.id === 'welcome')?.name;
      expect((await page.evaluate(readPanel, undefined))?.template).toBe(`Template: ${welcome}`);
      const originalBody = await page.evaluate(
        () =>
          (document.getElementById('preview') as HTMLIFrameElement).contentDocument!.body.innerHTML,
        undefined,
      );

      // 1. The same email re-rendered: the badges come back on the new elements.
      await page.evaluate(replaceBody, null);
      await new Promise((ok) => setTimeout(ok, 1_000));
      expect(await waitForLabels(page, before)).toEqual(before);

      // 2. The next message (no data for it): no badges of the previous one, no stale name.
      await page.evaluate(replaceBody, await page.evaluate(mailtoBodyOf, UNKNOWN));
      expect(await page.waitFor(panelStateIn, ['no-data'], 20_000)).toBe('no-data');
      expect(await waitForLabels(page, [])).toEqual([]);
      expect((await page.evaluate(readPanel, undefined))?.template ?? '').toBe('');
      await fx.screenshot(page, 'rerender-next-message');

      // 3. Back to the first message: its badges and name again.
      await page.evaluate(replaceBody, originalBody);
      expect(await page.waitFor(panelStateIn, ['ready'], 20_000)).toBe('ready');
      expect(await waitForLabels(page, before, 15_000)).toEqual(before);
      expect((await page.evaluate(readPanel, undefined))?.template).toBe(`Template: ${welcome}`);
      await page.close();
    });
  });
}
