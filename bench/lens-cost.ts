/**
 * What the lens costs the pages it runs on (issue 11, item 7), in the real
 * built extension in Debian Chromium, side by side in one run against the
 * same browser without the extension:
 * - main-thread script and task time (CDP Performance.getMetrics
 *   ScriptDuration / TaskDuration) over a fixed wall-clock window on a
 *   2,000-row grid swapping 200 rows per frame and on a 10,000-link article
 *   with a 10 Hz counter;
 * - the load event of a page with 50 small iframes (median of `runs`);
 * on a host where the lens is enabled (127.0.0.1) and on one where it is not
 * (localhost, same server).
 *
 * Run: npm run build && node bench/lens-cost.ts [seconds=5] [runs=5]
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { chromiumArgs, CHROMIUM_OFFLINE_ARGS, CHROMIUM_PATH } from '../scripts/browser-flags.ts';
import { enableSitesExpression } from '../test/e2e/harness/configure.ts';
import { CHROME_EXTENSION_ID } from '../utils/extension-id.ts';
import { ARTICLE, FRAMES, GRID } from './lens-cost-pages.ts';

const SECONDS = Number(process.argv[2] ?? 5);
const RUNS = Number(process.argv[3] ?? 5);
const BUILD = resolve(dirname(fileURLToPath(import.meta.url)), '../.output/chrome-mv3');
const PAGES: Record<string, string> = { '/grid': GRID, '/article': ARTICLE, '/frames': FRAMES };

const server = createServer((req, res) => {
  const html = PAGES[req.url ?? ''];
  res.writeHead(html ? 200 : 404, { 'content-type': 'text/html' }).end(html ?? '');
});
await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
const { port } = server.address() as AddressInfo;

async function open(withLens: boolean): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(
    mkdtempSync(join(tmpdir(), 'clickmap-bench-')),
    {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: withLens ? chromiumArgs(BUILD) : CHROMIUM_OFFLINE_ARGS,
    },
  );
  if (withLens) {
    const options = await context.newPage();
    await options.goto(`chrome-extension://${CHROME_EXTENSION_ID}/options.html`);
    await options.evaluate(enableSitesExpression(['127.0.0.1']));
    await options.close();
  }
  return context;
}

interface Busy {
  script: number;
  task: number;
  wall: number;
}

/** Script/task seconds the page's main thread spent over SECONDS of wall time. */
async function busy(context: BrowserContext, url: string): Promise<Busy> {
  const page = await context.newPage();
  await page.goto(url);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  // Let detection, the content script and the page's own start-up settle first.
  await page.waitForTimeout(1_000);
  const read = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const get = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
    return { script: get('ScriptDuration'), task: get('TaskDuration'), at: performance.now() };
  };
  const a = await read();
  await page.waitForTimeout(SECONDS * 1_000);
  const b = await read();
  await page.close();
  return { script: b.script - a.script, task: b.task - a.task, wall: (b.at - a.at) / 1_000 };
}

/** Median load-event time (ms from navigation start) over RUNS loads. */
async function loadEvent(context: BrowserContext, url: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    times.push(
      await page.evaluate(() => {
        const [nav] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
        return nav ? nav.loadEventStart : Number.NaN;
      }),
    );
    await page.close();
  }
  return times.sort((x, y) => x - y)[Math.floor(times.length / 2)] ?? Number.NaN;
}

const [plain, lens] = await Promise.all([open(false), open(true)]);
const hosts = { enabled: `http://127.0.0.1:${port}`, 'not enabled': `http://localhost:${port}` };
const ms = (s: number) => `${(s * 1_000).toFixed(0)} ms`;
const pct = (with_: number, without: number) =>
  without > 0 ? `${(((with_ - without) / without) * 100).toFixed(1)} %` : 'n/a';

console.log(`Chromium ${plain.browser()?.version() ?? ''}, ${SECONDS} s windows, ${RUNS} loads`);
for (const [hostName, origin] of Object.entries(hosts)) {
  for (const path of ['/grid', '/article']) {
    // One after the other on the same page (both browsers stay open throughout).
    const without = await busy(plain, origin + path);
    const withLens = await busy(lens, origin + path);
    console.log(
      `${hostName.padEnd(11)} ${path.padEnd(9)} script ${ms(without.script)} → ${ms(withLens.script)} (${pct(withLens.script, without.script)}), ` +
        `task ${ms(without.task)} → ${ms(withLens.task)} (${pct(withLens.task, without.task)}), wall ${without.wall.toFixed(1)} s / ${withLens.wall.toFixed(1)} s`,
    );
  }
  const loadWithout = await loadEvent(plain, origin + '/frames');
  const loadWith = await loadEvent(lens, origin + '/frames');
  console.log(
    `${hostName.padEnd(11)} /frames   load event ${loadWithout.toFixed(1)} ms → ${loadWith.toFixed(1)} ms (${loadWith >= loadWithout ? '+' : ''}${(loadWith - loadWithout).toFixed(1)} ms)`,
  );
}
await Promise.all([plain.close(), lens.close()]);
server.close();
