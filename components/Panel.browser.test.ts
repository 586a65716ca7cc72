// @vitest-environment node
/**
 * The panel in a real browser (Debian chromium via playwright-core): native
 * keyboard activation of the sort buttons, Escape, focus ring, colour scheme
 * through the shadow-root stylesheet, and real chart.js drawing. The panel is
 * bundled with rolldown and mounted in a shadow root as the content script does.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { rolldown } from 'rolldown';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mailchimpMatch, mailchimpReport } from '../utils/panel/testing/fixtures.ts';

const CHROMIUM = '/usr/bin/chromium';
const report = mailchimpReport();
const match = mailchimpMatch(report.links);

let browser: Browser;
let bundle: string;

async function bundlePanel(): Promise<string> {
  const build = await rolldown({
    input: resolve(import.meta.dirname, 'testing/browser-entry.tsx'),
    platform: 'browser',
    logLevel: 'warn',
  });
  const { output } = await build.generate({ format: 'iife', codeSplitting: false });
  return output[0].code;
}

async function openPanel(
  scheme: 'light' | 'dark' | 'auto',
  colorScheme: 'light' | 'dark' = 'light',
): Promise<Page> {
  const page = await browser.newPage({ colorScheme, viewport: { width: 1200, height: 900 } });
  await page.setContent('<!doctype html><html><body><p>The email</p></body></html>');
  await page.addScriptTag({ content: bundle });
  await page.evaluate(
    (args) => (window as never as { startPanel(a: unknown): void }).startPanel(args),
    {
      report,
      match,
      scheme,
    },
  );
  return page;
}

const events = (page: Page) =>
  page.evaluate(() => (window as never as { panelEvents: unknown[][] }).panelEvents);
const order = (page: Page) =>
  page
    .locator('table.cml-links tbody tr')
    .evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.ordinal));
const ariaSort = (page: Page) =>
  page
    .locator('th[aria-sort]')
    .evaluateAll((ths) =>
      ths.map((th) => [(th as HTMLElement).dataset.column, th.getAttribute('aria-sort')]),
    );

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  bundle = await bundlePanel();
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true });
}, 60_000);
afterAll(async () => browser?.close());

describe('panel in chromium', () => {
  test('sort headers work from the keyboard: Enter, then Space flips', async () => {
    const page = await openPanel('light');
    await page.locator('th[data-column="uniqueClicks"] button').focus();
    await page.keyboard.press('Enter');
    expect(await ariaSort(page)).toEqual([['uniqueClicks', 'descending']]);
    expect(await order(page)).toEqual(['0', '1', '3', '2', '4', '5', '7', '6']);
    await page.keyboard.press('Space');
    expect(await ariaSort(page)).toEqual([['uniqueClicks', 'ascending']]);
    expect(await order(page)).toEqual(['7', '5', '4', '2', '0', '1', '3', '6']);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    expect(await ariaSort(page)).toEqual([['name', 'ascending']]);
    await page.close();
  });

  test('locate by keyboard, highlight on focus, Escape closes; focus ring shows', async () => {
    const page = await openPanel('light');
    const locate = page.locator('tr[data-ordinal="5"] button.cml-locate');
    await locate.focus();
    await page.keyboard.press('Enter');
    const outline = await locate.evaluate((el) => getComputedStyle(el).outlineStyle);
    await page.keyboard.press('Escape');
    expect(await events(page)).toEqual([['highlight', 5], ['locate', 5], ['close']]);
    expect(outline).toBe('solid');
    await page.close();
  });

  test.each([
    ['light', 'dark', 'rgb(255, 255, 255)'],
    ['dark', 'light', 'rgb(28, 28, 34)'],
    ['auto', 'dark', 'rgb(28, 28, 34)'],
    ['auto', 'light', 'rgb(255, 255, 255)'],
  ] as const)(
    'scheme %s with the page in %s → background %s; nothing leaks to the page',
    async (scheme, media, bg) => {
      const page = await openPanel(scheme, media);
      expect(
        await page.locator('.cml-panel').evaluate((el) => getComputedStyle(el).backgroundColor),
      ).toBe(bg);
      expect(
        await page.evaluate(() => getComputedStyle(document.querySelector('p')!).fontFamily),
      ).not.toContain('system-ui');
      await page.close();
    },
  );

  test('chart.js draws the bars in the canvas', async () => {
    const page = await openPanel('light');
    await page.waitForFunction(
      () =>
        !(window as never as { panelRoot: ShadowRoot }).panelRoot.querySelector('.cml-chart-text'),
    );
    const painted = await page.locator('.cml-chart canvas').evaluate((canvas) => {
      const c = canvas as HTMLCanvasElement;
      const pixels = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let opaque = 0;
      for (let i = 3; i < pixels.length; i += 4) if ((pixels[i] ?? 0) > 0) opaque++;
      return { width: c.width, opaque };
    });
    expect(painted.width).toBeGreaterThan(100);
    expect(painted.opaque).toBeGreaterThan(1000);
    await page.close();
  });
});
