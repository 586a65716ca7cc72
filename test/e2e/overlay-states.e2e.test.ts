/**
 * The panel's other states and its safety, in real browsers: not configured,
 * wrong token, API down, a page without an email (no panel at all), and a
 * hostile email whose hrefs, link text and image alt try to run script.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../server/start.ts';
import { registerTemplate } from './harness/api.ts';
import { apiSettings } from './harness/configure.ts';
import { badgesAtLeast, readPanel, readPreview } from './harness/overlay-dom.ts';
import {
  BROWSERS,
  TOKEN,
  startOverlayFixture,
  type OverlayFixture,
} from './harness/overlay-fixture.ts';

const WELCOME = '/corpus/templates/postmark-basic-full-welcome.html';
const HOSTILE_HTML = readFileSync(resolve(import.meta.dirname, 'pages/hostile-email.html'), 'utf8');
/** Link text of the hostile email's second link, as a reader sees it. */
const MARKUP_TEXT = `<img src=x onerror="top.__cmlPwned='link-text'">`;

/** What any injected code would have set (read in the page's main world). */
const pwned = () => (window as unknown as { __cmlPwned?: string }).__cmlPwned ?? null;

for (const name of BROWSERS) {
  describe(`panel states and safety (${name})`, () => {
    let fx: OverlayFixture;
    beforeAll(async () => {
      fx = await startOverlayFixture(name);
      await registerTemplate(fx.api, {
        id: 'hostile',
        name: `Hostile <img src=x onerror="top.__cmlPwned='template-name'">`,
        html: HOSTILE_HTML,
        clicks: {
          L1: 'https://hostile.example.com/offer',
          L3: 'https://hostile.example.com/quote',
        },
      });
    });
    afterAll(async () => fx?.close());

    it('not configured: the panel says so and offers the settings', async () => {
      await fx.configure(null);
      try {
        const page = await fx.openPreview({ src: WELCOME });
        expect(await fx.settle(page)).toBe('not-configured');
        const panel = await page.evaluate(readPanel, undefined);
        expect(panel?.message).toContain('not connected to a data source');
        expect(panel?.message).toContain('Open settings');
        await fx.screenshot(page, 'not-configured');
        await page.close();
      } finally {
        await fx.configure();
      }
    });

    it('wrong token: an error that names the token', async () => {
      await fx.configure(apiSettings(fx.api.url, `${TOKEN}-wrong`));
      try {
        const page = await fx.openPreview({ src: WELCOME });
        expect(await fx.settle(page)).toBe('error');
        const panel = await page.evaluate(readPanel, undefined);
        expect(panel?.message).toMatch(/token/i);
        await fx.screenshot(page, 'wrong-token');
        await page.close();
      } finally {
        await fx.configure();
      }
    });

    it('API down: an error that names the address', async () => {
      const gone = await startServer({ token: TOKEN });
      await gone.close();
      await fx.configure(apiSettings(gone.url, TOKEN));
      try {
        const page = await fx.openPreview({ src: WELCOME });
        expect(await fx.settle(page)).toBe('error');
        const panel = await page.evaluate(readPanel, undefined);
        expect(panel?.message).toContain(new URL(gone.url).host);
        await fx.screenshot(page, 'api-down');
        await page.close();
      } finally {
        await fx.configure();
      }
    });

    it('a page without an email gets no panel and no badges', async () => {
      const page = await fx.open('/pages/no-email.html');
      // Detection runs at document_idle and on mutations; give it ample time to (not) react.
      await new Promise((ok) => setTimeout(ok, 2_500));
      const found = await page.evaluate(() => {
        const frame = document.getElementById('settings') as HTMLIFrameElement;
        return {
          panel: document.querySelector('clickmap-lens-ui') !== null,
          layer: frame.contentDocument?.querySelector('clickmap-lens-layer') !== null,
        };
      }, undefined);
      expect(found).toEqual({ panel: false, layer: false });
      await page.close();
    });

    it('a hostile email runs no script and its markup shows as text', async () => {
      // sandbox without allow-scripts: the email cannot run its own code, so a
      // set flag could only come from markup the extension copied into the page.
      const page = await fx.openPreview({
        src: '/pages/hostile-email.html',
        sandbox: 'allow-same-origin',
      });
      expect(await fx.settle(page)).toBe('ready');
      await page.waitFor(badgesAtLeast, 4, 10_000).catch(() => undefined);
      // Hover every row (highlight) and locate each link: every path that renders email strings.
      // A tall window: the panel does not scroll (see the panel-scroll test in overlay.e2e.test.ts).
      await page.setViewport(1400, 1200);
      const ordinals = (await page.evaluate(readPanel, undefined))?.rows ?? [];
      for (const row of ordinals.filter((r) => !r.locateDisabled)) {
        await page.click(`.cml-links tbody tr[data-ordinal="${row.ordinal}"] button.cml-locate`);
      }
      await new Promise((ok) => setTimeout(ok, 1_000));
      // The name column is off by default: switch it on through the column chooser.
      await page.click('.cml-columns summary');
      await page.click('.cml-columns input[value="name"]');
      await page.waitFor(
        () =>
          document
            .querySelector('clickmap-lens-ui')
            ?.shadowRoot?.querySelector('.cml-links th[data-column="name"]') != null,
        undefined,
        5_000,
      );
      const panel = await page.evaluate(readPanel, undefined);
      const preview = await page.evaluate(readPreview, undefined);
      await fx.screenshot(page, 'hostile');
      expect(await page.evaluate(pwned, undefined)).toBeNull();

      // The name's markup shows as text (and runs nothing: pwned stays null above).
      expect(panel?.template).toBe(
        `Template: Hostile <img src=x onerror="top.__cmlPwned='template-name'">`,
      );
      expect(panel?.foreignElements).toEqual([]);
      const byOrdinal = new Map(panel?.rows.map((r) => [r.ordinal, r]));
      expect(byOrdinal.get(0)?.url).toBe(`javascript:top.__cmlPwned='javascript-href'`);
      expect(byOrdinal.get(1)?.name).toBe(MARKUP_TEXT);
      expect(byOrdinal.get(3)?.name).toBe(`"><script>top.__cmlPwned='script-text'</script>`);
      // The badges carry the numbers; the hrefs appear in their titles as text.
      expect(preview?.badges.find((b) => b.ordinal === 0)?.title).toContain('javascript:top.');
      expect(preview?.badges.find((b) => b.ordinal === 1)?.label).toMatch(/^#2 3 · /);

      // Control: the same markup, if it did reach the page as HTML, sets the flag.
      await page.evaluate((markup: string) => {
        const probe = document.createElement('div');
        probe.innerHTML = markup;
        document.body.append(probe);
      }, MARKUP_TEXT);
      expect(await page.waitFor(pwned, undefined, 5_000)).toBe('link-text');
      await page.close();
    });
  });
}
