/**
 * What the lens costs the pages it runs on (issue 11, item 7), in the real
 * built extension in Debian Chromium, side by side in one run against the
 * same browser without the extension:
 * - main-thread script and task time (CDP Performance.getMetrics
 *   ScriptDuration / TaskDuration, CPU and wall) over a fixed wall-clock
 *   window on a 2,000-row grid swapping 200 rows per frame and on a
 *   10,000-link article with a 10 Hz counter;
 * - the load event of a page with 50 small iframes, and the CPU spent until
 *   it (medians of `runs` loads, with and without interleaved);
 * on a host where the lens is enabled (127.0.0.1), on the same host switched
 * off in the options, and on one where it is not enabled (localhost).
 *
 * Run: CLICKMAP_GRANT_HOSTS=127.0.0.1 npm run build && node bench/lens-cost.ts [seconds=5] [runs=9] [pages=grid,article,frames]
 * (headless Chromium cannot answer the host-permission prompt: the bench
 * build is granted the host at install, as the e2e build is).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { between, median, metricsOf, type Sample } from './lens-cost-metrics.ts';
import { chromiumArgs, CHROMIUM_OFFLINE_ARGS, CHROMIUM_PATH } from '../scripts/browser-flags.ts';
import { enableSitesExpression } from '../test/e2e/harness/configure.ts';
import { CHROME_EXTENSION_ID } from '../utils/extension-id.ts';
import { ARTICLE, FRAMES, GRID } from './lens-cost-pages.ts';

const SECONDS = Number(process.argv[2] ?? 5);
const RUNS = Number(process.argv[3] ?? 9);
/** Optional: only these pages (comma-separated: grid,article,frames). */
const ONLY = (process.argv[4] ?? 'grid,article,frames').split(',');
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

/** Main-thread time over SECONDS of wall time on a busy page, after a second to settle. */
async function busy(context: BrowserContext, url: string): Promise<Sample> {
  const page = await context.newPage();
  await page.goto(url);
  const read = await metricsOf(context, page);
  await page.waitForTimeout(1_000);
  const a = await read();
  await page.waitForTimeout(SECONDS * 1_000);
  const b = await read();
  await page.close();
  return between(a, b);
}

interface Load {
  /** loadEventStart, ms from navigation start. */
  load: number;
  /** Main-thread time from navigation to load. */
  spent: Sample;
}

async function loadOnce(context: BrowserContext, url: string): Promise<Load> {
  const page = await context.newPage();
  const read = await metricsOf(context, page);
  const before = await read();
  await page.goto(url, { waitUntil: 'load' });
  const after = await read();
  const load = await page.evaluate(() => {
    const [nav] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    return nav ? nav.loadEventStart : Number.NaN;
  });
  await page.close();
  return { load, spent: between(before, after) };
}

/**
 * RUNS loads with and without the lens, interleaved (ABBA order, so drift in
 * the machine's load falls on both sides alike).
 */
async function loadEvents(url: string): Promise<{ without: Load[]; withLens: Load[] }> {
  const without: Load[] = [];
  const withLens: Load[] = [];
  for (let i = 0; i < RUNS; i++) {
    const pair = [() => loadOnce(plain, url), () => loadOnce(lens, url)] as const;
    if (i % 2 === 0) {
      without.push(await pair[0]());
      withLens.push(await pair[1]());
    } else {
      withLens.push(await pair[1]());
      without.push(await pair[0]());
    }
  }
  return { without, withLens };
}

/** Switches 127.0.0.1 off (or on again) in the options, as the user does. */
async function switchOff(off: boolean): Promise<void> {
  const page = await lens.newPage();
  await page.goto(`chrome-extension://${CHROME_EXTENSION_ID}/options.html`);
  await page.evaluate(
    async (hosts) => {
      type Api = {
        storage: {
          local: { get(k: string): Promise<{ settings?: object }>; set(v: object): Promise<void> };
        };
        scripting: { getRegisteredContentScripts(): Promise<unknown[]> };
      };
      const api = (globalThis as unknown as { chrome: Api }).chrome;
      const { settings } = await api.storage.local.get('settings');
      await api.storage.local.set({ settings: { ...(settings ?? {}), disabledSites: hosts } });
      for (let i = 0; i < 200; i++) {
        const scripts = await api.scripting.getRegisteredContentScripts();
        if ((scripts.length === 0) === hosts.length > 0) return;
        await new Promise((ok) => setTimeout(ok, 50));
      }
      throw new Error('the content script registration did not follow the switch');
    },
    off ? ['127.0.0.1'] : [],
  );
  await page.close();
}

const [plain, lens] = await Promise.all([open(false), open(true)]);
const hosts = [
  ['enabled', `http://127.0.0.1:${port}`],
  ['switched off', `http://127.0.0.1:${port}`],
  ['not enabled', `http://localhost:${port}`],
] as const;
const f = (n: number) => n.toFixed(n < 10 ? 1 : 0);
const pct = (with_: number, without: number) =>
  without > 0
    ? `${with_ >= without ? '+' : ''}${(((with_ - without) / without) * 100).toFixed(1)} %`
    : 'n/a';
const signed = (n: number) => `${n >= 0 ? '+' : ''}${f(n)} ms`;
const side = (label: string, a: number, b: number) =>
  `${label} ${f(a)} → ${f(b)} ms (${signed(b - a)}, ${pct(b, a)})`;
const load = () =>
  loadavg()
    .map((n) => n.toFixed(1))
    .join(' ');

console.log(
  `Chromium ${plain.browser()?.version() ?? ''}, ${SECONDS} s windows, ${RUNS} loads; load average ${load()} (1, 5, 15 min) on ${availableParallelism()} cores`,
);
for (const [hostName, origin] of hosts) {
  await switchOff(hostName === 'switched off');
  for (const path of ['/grid', '/article'].filter((p) => ONLY.includes(p.slice(1)))) {
    // One after the other on the same page (both browsers stay open throughout).
    const a = await busy(plain, origin + path);
    const b = await busy(lens, origin + path);
    console.log(
      `${hostName.padEnd(12)} ${path.padEnd(8)} per ${(a.at / 1_000).toFixed(1)} / ${(b.at / 1_000).toFixed(1)} s: ` +
        `${side('script CPU', a.scriptCpu, b.scriptCpu)}; ${side('task CPU', a.taskCpu, b.taskCpu)}; ` +
        `${side('script wall', a.scriptWall, b.scriptWall)}`,
    );
  }
  if (!ONLY.includes('frames')) continue;
  const { without, withLens } = await loadEvents(origin + '/frames');
  const med = (runs: Load[], pick: (l: Load) => number) => median(runs.map(pick));
  const paired = (pick: (l: Load) => number) =>
    median(withLens.map((r, i) => pick(r) - pick(without[i] as Load)));
  console.log(
    `${hostName.padEnd(12)} /frames  load event ${f(med(without, (l) => l.load))} → ${f(med(withLens, (l) => l.load))} ms ` +
      `(paired median ${signed(paired((l) => l.load))}); until load: script CPU ${f(med(without, (l) => l.spent.scriptCpu))} → ${f(med(withLens, (l) => l.spent.scriptCpu))} ms ` +
      `(${signed(paired((l) => l.spent.scriptCpu))}), task CPU ${signed(paired((l) => l.spent.taskCpu))}, task wall ${signed(paired((l) => l.spent.taskWall))}`,
  );
}
await switchOff(false);
console.log(`load average at the end ${load()}`);
await Promise.all([plain.close(), lens.close()]);
server.close();
