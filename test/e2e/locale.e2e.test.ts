/**
 * The built extension in a French browser (Chromium --lang=fr, Firefox
 * intl.locale.requested=fr with Debian's French language pack): the panel's
 * words come from _locales/fr and its numbers are formatted the French way
 * ("1 234", "12,34 %"), whatever the page's language.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickMap, displayedShares, formatters, rowAt } from './harness/api.ts';
import { readPanel } from './harness/overlay-dom.ts';
import { BROWSERS, startOverlayFixture, type OverlayFixture } from './harness/overlay-fixture.ts';

const WELCOME = '/corpus/templates/postmark-basic-full-welcome.html';
const NBSP = /[\u00a0\u202f]/;

/** The panel's visible words (read with the extension's privileges: the panel is in a closed root). */
function readWords() {
  const root = document.querySelector('clickmap-lens-ui')?.shadowRoot;
  const texts = (selector: string) =>
    [...(root?.querySelectorAll(selector) ?? [])].map((el) => (el.textContent ?? '').trim());
  return {
    tabs: texts('.cml-tabs button'),
    headline: texts('.cml-headline dt'),
    headers: texts('.cml-links thead th[data-column]'),
    caption: texts('.cml-links caption')[0] ?? '',
    legend: texts('.cml-legend figcaption')[0] ?? '',
  };
}

for (const name of BROWSERS) {
  describe(`French UI locale (${name})`, () => {
    let fx: OverlayFixture;
    beforeAll(async () => {
      fx = await startOverlayFixture(name, { locale: 'fr' });
    });
    afterAll(async () => fx?.close());

    it('shows the panel in French with French number formatting', async () => {
      const page = await fx.openPreview({ src: WELCOME });
      expect(await fx.settle(page)).toBe('ready');
      const words = await page.evaluate(readWords, undefined);
      const panel = await page.evaluate(readPanel, undefined);
      await fx.screenshot(page, `locale-fr-${name}`);
      expect(words.tabs).toEqual(['Carte de clics', 'Vérifier les liens']);
      expect(words.headline).toEqual(['Ouvertures uniques', 'Clics uniques', 'Désabonnés']);
      expect(words.headers.slice(1)).toEqual(['Lien', 'Clics uniques', '% du total']);
      expect(words.caption).toBe('Liens de cette page');
      expect(words.legend).toContain('Badges sur l’e-mail');
      expect(panel?.template).toMatch(/^Modèle\u00a0: /);

      // Numbers: French grouping and decimal comma, a non-breaking space before "%".
      const f = formatters('fr');
      const report = await clickMap(fx.api, 'welcome');
      expect(panel?.totals.uniqueOpens).toBe(f.count(report.totals.uniqueOpens));
      expect(report.totals.sent).toBeGreaterThanOrEqual(1000);
      expect(panel?.totals.sent).toBe(f.count(report.totals.sent));
      expect(panel?.totals.sent).toMatch(NBSP);
      expect(panel?.totals.ctr).toBe(f.percent(report.totals.ctr));
      expect(panel?.totals.ctr).toMatch(/^\d+,\d\d[\u00a0\u202f]%$/);
      const shares = displayedShares(report.links);
      const first = panel?.rows[0];
      const api = first ? rowAt(report, first.ordinal) : undefined;
      expect(first?.cells.share).toBe(f.percent(api ? (shares.get(api.rowKey) ?? null) : null));
      await page.close();
    });
  });
}
