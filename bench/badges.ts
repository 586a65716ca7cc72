/**
 * Badge layer benchmark in a real browser (Debian Chromium, headless).
 * Builds a 150-link email from the bodies (and head styles) of real corpus
 * templates, bundles bench/badges-page.ts (the real layer + pure modules)
 * with Vite's library build, and times inside the page:
 *   1. stats arrival → badges drawn (match + model + draw + layout flush), target < 16 ms;
 *   2. one reposition pass per scrolled frame, target < 4 ms: the email in an
 *      inner scroller (every frame moves every link), and the window
 *      scrolling (no pass needed; a forced one per frame as the worst case).
 * Run: node bench/badges.ts [runs=60] [frames=240] [screenshot.png]
 */
import { CHROMIUM_OFFLINE_ARGS, CHROMIUM_PATH } from '../scripts/browser-flags.ts';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { BLOCKS, emailHtml, LINKS } from './badges-email.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
async function bundle(): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: true,
      lib: { entry: resolve(HERE, 'badges-page.ts'), formats: ['iife'], name: 'badgeBenchBundle' },
    },
  });
  const results = Array.isArray(output) ? output : [output];
  for (const result of results)
    if ('output' in result)
      for (const chunk of result.output) if (chunk.type === 'chunk') return chunk.code;
  throw new Error('vite produced no chunk');
}

function stats(times: readonly number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { n: sorted.length, median: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? NaN };
}

function line(name: string, times: readonly number[], target: number): string {
  const s = stats(times);
  const f = (x: number) => x.toFixed(2).padStart(6);
  const ratio = (s.p95 / target).toFixed(2);
  return `${name.padEnd(34)} n=${String(s.n).padStart(4)} median ${f(s.median)} ms  p95 ${f(s.p95)} ms  max ${f(s.max)} ms  target ${target} ms  p95/target ${ratio}`;
}

async function openPage(html: string, code: string): Promise<Page> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_OFFLINE_ARGS,
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  // No internet: fail remote images at once (they keep their width/height attributes).
  await page.route(/^https?:/, (route) => route.abort());
  await page.setContent(html, { waitUntil: 'load' });
  await page.addScriptTag({ content: code });
  return page;
}

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 60);
  const frames = Number(process.argv[3] ?? 240);
  const code = await bundle();
  console.log(
    `badge layer bench: ${LINKS} links from ${BLOCKS.length} corpus templates, Chromium headless`,
  );

  const page = await openPage(emailHtml(false), code);
  const draw = await page.evaluate(([r, n]) => window.badgeBench.timeDraw(r, n), [
    runs,
    LINKS,
  ] as const);
  console.log(
    `placements ${draw.placements}, report rows ${draw.rows}, badges drawn ${draw.drawn}`,
  );
  console.log(line('stats → badges drawn', draw.times.slice(5), 16));
  console.log(line('  of which matchLinks', draw.match.slice(5), 16));
  console.log(line('  of which buildBadges', draw.model.slice(5), 16));
  console.log(line('  of which layer.draw + flush', draw.draw.slice(5), 16));
  const screenshot = process.argv[4];
  if (screenshot) {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: screenshot });
    console.log(`screenshot: ${screenshot}`);
  }
  const scroll = (p: Page, selector: string | null, force: boolean) =>
    p.evaluate(([f, n, sel, fp]) => window.badgeBench.timeScroll(f, n, sel, fp), [
      frames,
      LINKS,
      selector,
      force,
    ] as const);
  const windowScroll = await scroll(page, null, false);
  console.log(
    `window scroll: ${frames} frames scrolled, ${windowScroll.times.length} passes run (none needed: the layer scrolls with the page)`,
  );
  console.log(
    line('pass per frame, window scroll, forced', (await scroll(page, null, true)).times, 4),
  );
  await page.context().browser()?.close();

  const inner = await openPage(emailHtml(true), code);
  console.log(
    line('pass per frame, inner scroller', (await scroll(inner, '#scroller', false)).times, 4),
  );
  await inner.context().browser()?.close();
}

await main();
