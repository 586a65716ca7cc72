/**
 * Foundation e2e: in real Chromium and Firefox, the content script runs in the
 * top page and in every kind of preview frame, each preview frame announces
 * itself to the background, the background relays the tab's frame list to the
 * top frame, and the top frame renders it in our shadow-root UI. A frame that
 * holds no email (an ad) stays dormant and is never announced; one the page
 * later writes an email into announces itself then.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type BrowserName, type ExtensionBrowser } from './harness/browsers.ts';
import { startStaticServer, type StaticServer } from './harness/static-server.ts';

const EXPECTED_FRAMES = [
  'frames-top',
  'frame-src',
  'frame-srcdoc',
  'frame-sandboxed-srcdoc',
  'frame-about-blank',
  'frame-late',
  'frame-awake',
];

interface ShownFrame {
  title: string;
  origin: string;
  links: string;
  profile: string;
}

/** Reads our shadow-root UI from the page (runs in the page). */
function shownFrames(): ShownFrame[] | null {
  const host = document.querySelector('clickmap-lens-ui');
  const items = host?.shadowRoot?.querySelectorAll('li[data-frame-id]');
  if (!items || items.length === 0) return null;
  return [...items].map((li) => ({
    title: li.querySelector('.frame-title')?.textContent ?? '',
    origin: li.getAttribute('data-origin') ?? '',
    links: li.querySelector('.frame-links')?.textContent ?? '',
    profile: li.querySelector('.frame-preview')?.getAttribute('data-profile') ?? '',
  }));
}

for (const name of ['chromium', 'firefox'] as BrowserName[]) {
  describe(`content script in every frame kind (${name})`, () => {
    let server: StaticServer;
    let browser: ExtensionBrowser;

    beforeAll(async () => {
      server = await startStaticServer();
      browser = await launch(name);
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it('announces every frame and renders them in the shadow-root UI', async () => {
      const page = await browser.newPage();
      await page.goto(`${server.origin}/pages/frames.html`);
      // Wait for all frames; on timeout fall through so the assertion names the missing ones.
      await page
        .waitFor(
          (expected: number) => {
            const root = document.querySelector('clickmap-lens-ui')?.shadowRoot;
            const frames = root?.querySelectorAll('li[data-frame-id]').length ?? 0;
            // A frame announces itself first, then its preview once the preview chunk has run.
            const previews = root?.querySelectorAll(
              '.frame-preview[data-profile]:not([data-profile=""])',
            );
            return frames >= expected && (previews?.length ?? 0) >= expected - 1;
          },
          EXPECTED_FRAMES.length,
          10_000,
        )
        .catch(() => undefined);
      const shown = (await page.evaluate(shownFrames, undefined)) ?? [];
      mkdirSync('test-results/frames', { recursive: true });
      await page.screenshot(`test-results/frames/${name}.png`);

      expect(shown.map((f) => f.title).sort()).toEqual([...EXPECTED_FRAMES].sort());
      const byTitle = new Map(shown.map((f) => [f.title, f]));
      // self.origin: the sandboxed frame has an opaque origin, the others inherit the page's.
      expect(byTitle.get('frame-sandboxed-srcdoc')?.origin).toBe('null');
      expect(byTitle.get('frame-srcdoc')?.origin).toBe(server.origin);
      expect(byTitle.get('frame-about-blank')?.origin).toBe(server.origin);
      // Link counts of the real templates inside (see ../shared/corpus/SOURCES.md).
      expect(byTitle.get('frame-about-blank')?.links).toBe('(9 links)');
      expect(byTitle.get('frame-sandboxed-srcdoc')?.links).toBe('(2 links)');
      expect(byTitle.get('frames-top')?.links).toBe('(1 link)'); // one, in the singular (i18n plurals)
      // Every frame holding an email was recognised as a preview; the page itself was not.
      const profiles = Object.fromEntries(shown.map((f) => [f.title, f.profile]));
      expect(profiles).toEqual({
        'frames-top': '',
        'frame-src': 'generic-frame',
        'frame-srcdoc': 'generic-frame',
        'frame-sandboxed-srcdoc': 'generic-frame',
        'frame-about-blank': 'generic-frame',
        'frame-late': 'generic-frame',
        'frame-awake': 'generic-frame',
      });
    });
  });
}

for (const name of ['chromium', 'firefox'] as BrowserName[]) {
  describe(`options page (${name})`, () => {
    let browser: ExtensionBrowser;
    beforeAll(async () => {
      browser = await launch(name);
    });
    afterAll(async () => browser?.close());

    it('renders at the pinned extension origin and hears the background', async () => {
      const page = await browser.newPage();
      await page.goto(`${browser.extensionOrigin}options.html`);
      const footer = await page.waitFor(
        () => document.getElementById('background-state')?.textContent || null,
        undefined,
      );
      expect(footer).toMatch(/^Background worker answering, version \d+\.\d+\.\d+\.$/);
      const legend = await page.evaluate(
        () => document.querySelector('legend')?.textContent,
        undefined,
      );
      expect(legend).toBe('Report source: Click Map API');
    });
  });
}
