/**
 * Stats → badges in the real built extension (issue 12, item 10), Debian
 * Chromium headless: a long real email (the link-richest corpus templates,
 * bench/badges-email.ts) in an ESP preview frame, its click map served by the
 * reference API over HTTP. Per page load it times, in the extension's own
 * content-script worlds (bench/stats-to-badges-probe.ts, through CDP), from
 * the report reaching the top frame's panel to the badges drawn in the
 * preview frame (and to the frame that paints them), and to the panel's
 * table rows; with the renderer's main-thread task and script time per load
 * (CDP Performance.getMetrics) beside the wall times.
 *
 * Side by side in one run: `--baseline <dir>` is another build (e.g. main's
 * `.output/chrome-mv3`) loaded in a second browser; loads alternate between
 * the two so both see the same machine load.
 *
 * Run: CLICKMAP_GRANT_HOSTS=127.0.0.1 npm run build
 *      node bench/stats-to-badges.ts [loads=30] [--baseline <dir>]
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { chromiumArgs, CHROMIUM_PATH } from '../scripts/browser-flags.ts';
import { startServer } from '../server/start.ts';
import { enableSitesExpression } from '../test/e2e/harness/configure.ts';
import { CHROME_EXTENSION_ID } from '../utils/extension-id.ts';
import { BLOCKS, emailHtml } from './badges-email.ts';
import { installProbe, readProbe, type ProbeTimes } from './stats-to-badges-probe.ts';
import { registerEmail } from './stats-to-badges-api.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const flag = args.indexOf('--baseline');
const BASELINE = flag >= 0 ? resolve(args[flag + 1] ?? '') : null;
const LOADS = Number(args.find((a, i) => /^\d+$/.test(a) && i !== flag + 1) ?? 30);
const BUILD = resolve(HERE, '../.output/chrome-mv3');
const EXTENSION_NAME = 'Clickmap Lens';

const EMAIL = emailHtml(false);
const PREVIEW = readFileSync(resolve(HERE, '../test/e2e/pages/esp-preview.html'), 'utf8');
const pages = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  const body = path === '/email.html' ? EMAIL : path === '/preview.html' ? PREVIEW : null;
  res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' }).end(body ?? '');
});
await new Promise<void>((ok) => pages.listen(0, '127.0.0.1', ok));
const origin = `http://127.0.0.1:${(pages.address() as AddressInfo).port}`;
const api = await startServer({ token: 'bench-token' });
const links = await registerEmail(api, EMAIL);

interface Side {
  name: string;
  context: BrowserContext;
}

interface Tab {
  page: Page;
  cdp: CDPSession;
  /** The extension's content-script worlds of this tab, one per frame, probed as they appear. */
  worlds: number[];
}

async function openSide(name: string, build: string): Promise<Side> {
  const context = await chromium.launchPersistentContext(
    mkdtempSync(join(tmpdir(), 'clickmap-bench-')),
    { executablePath: CHROMIUM_PATH, headless: true, args: chromiumArgs(build) },
  );
  // No internet: the email's remote images fail at once (they keep their sizes).
  await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
  const options = await context.newPage();
  await options.goto(`chrome-extension://${CHROME_EXTENSION_ID}/options.html`);
  await options.evaluate(enableSitesExpression(['127.0.0.1']));
  const settings = { apiUrl: api.url, token: api.token, includeMachineClicks: false };
  await options.evaluate(
    `(async () => { const s = (await chrome.storage.local.get('settings')).settings ?? {};
      await chrome.storage.local.set({ settings: { ...s, ...${JSON.stringify(settings)}, disabledSites: [] } }); })()`,
  );
  await options.close();
  return { name, context };
}

/** A fresh tab (its own renderer metrics) whose extension worlds get the probe as they appear. */
async function openTab(side: Side): Promise<Tab> {
  const page = await side.context.newPage();
  await page.setViewportSize({ width: 1440, height: 900 });
  const cdp = await side.context.newCDPSession(page);
  const worlds: number[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context: c }) => {
    if (c.name !== EXTENSION_NAME) return;
    worlds.push(c.id);
    void cdp
      .send('Runtime.evaluate', { expression: `(${installProbe.toString()})()`, contextId: c.id })
      .catch(() => {});
  });
  await cdp.send('Runtime.enable');
  await cdp.send('Performance.enable');
  return { page, cdp, worlds };
}

interface Load extends ProbeTimes {
  taskMs: number;
  scriptMs: number;
}

async function metrics(cdp: CDPSession) {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  const get = (n: string) => (list.find((m) => m.name === n)?.value ?? 0) * 1000;
  return { task: get('TaskDuration'), script: get('ScriptDuration') };
}

/** Every content-script world's probe readings, merged (top frame: stats, table; preview: badges). */
async function readAll(tab: Tab): Promise<ProbeTimes> {
  const merged: Partial<ProbeTimes> = {};
  for (const contextId of tab.worlds) {
    const { result } = await tab.cdp
      .send('Runtime.evaluate', {
        expression: `(${readProbe.toString()})()`,
        contextId,
        returnByValue: true,
      })
      .catch(() => ({ result: { value: null } }));
    const times = result.value as ProbeTimes | null;
    if (!times) continue;
    for (const [k, v] of Object.entries(times) as [keyof ProbeTimes, number | null][])
      if (v) (merged as Record<string, number>)[k] = v;
  }
  return { ...EMPTY, ...merged };
}
const EMPTY: ProbeTimes = {
  stats: null,
  relaySent: null,
  relay: null,
  badges: null,
  badgesFrame: null,
  badgeCount: 0,
  tableFirst: null,
  tableLast: null,
  rows: 0,
};

async function oneLoad(side: Side): Promise<Load | null> {
  const tab = await openTab(side);
  const before = await metrics(tab.cdp);
  await tab.page.goto(`${origin}/preview.html?src=/email.html&height=9000`);
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    await tab.page.waitForTimeout(250);
    const t = await readAll(tab);
    if (t.stats && t.badgesFrame && t.rows >= links.placements) break;
  }
  await tab.page.waitForTimeout(300); // a table rendered in parts: let it finish
  const times = await readAll(tab);
  const after = await metrics(tab.cdp);
  await tab.page.close();
  if (!times.stats || !times.badges) return null;
  return { ...times, taskMs: after.task - before.task, scriptMs: after.script - before.script };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.floor((s.length - 1) / 2)] ?? NaN) : NaN;
};
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)] ?? NaN;
const ms = (x: number) => `${x.toFixed(1)} ms`;

function summary(loads: Load[]) {
  const since = (pick: (l: Load) => number | null) =>
    loads.map((l) => (pick(l) ?? NaN) - l.stats!).filter(Number.isFinite);
  return {
    relaySent: since((l) => l.relaySent),
    relay: since((l) => l.relay),
    badges: since((l) => l.badges),
    frame: since((l) => l.badgesFrame),
    tableFirst: since((l) => l.tableFirst),
    tableLast: since((l) => l.tableLast),
    task: loads.map((l) => l.taskMs),
    script: loads.map((l) => l.scriptMs),
  };
}

const sides = [await openSide('this build', BUILD)];
if (BASELINE) sides.push(await openSide('baseline', BASELINE));
const loadStart = loadavg();
console.log(
  `stats → badges, real extension: ${links.placements} links (${links.rows} report rows) from ${BLOCKS.length} corpus templates; ` +
    `Chromium headless, ${cpus().length} cores, load avg ${loadStart.map((l) => l.toFixed(2)).join(' ')}`,
);
const results = new Map<string, Load[]>(sides.map((s) => [s.name, []]));
let failed = 0;
for (let i = 0; i < LOADS + 2; i++) {
  for (const side of i % 2 ? [...sides].reverse() : sides) {
    const load = await oneLoad(side);
    if (!load) failed += 1;
    // The first two loads warm the browser and the background's report cache.
    else if (i >= 2) results.get(side.name)!.push(load);
  }
}
const loadEnd = loadavg();
const table = sides.map((side) => ({ name: side.name, s: summary(results.get(side.name)!) }));
for (const { name, s } of table) {
  const last = results.get(name)!.at(-1);
  console.log(
    `${name.padEnd(11)} n=${s.badges.length}  stats→badges median ${ms(median(s.badges))} p95 ${ms(p95(s.badges))}` +
      ` (command sent ${ms(median(s.relaySent))}, received ${ms(median(s.relay))})` +
      ` | →painted frame ${ms(median(s.frame))} | →first table rows ${ms(median(s.tableFirst))}, all ${last?.rows ?? 0} rows ${ms(median(s.tableLast))}` +
      ` | main thread per load: task ${ms(median(s.task))}, script ${ms(median(s.script))} (badges ${last?.badgeCount ?? 0})`,
  );
}
if (table.length === 2) {
  const [now, base] = table as [(typeof table)[0], (typeof table)[0]];
  const ratio = (pick: (s: typeof now.s) => number[]) =>
    (median(pick(base.s)) / median(pick(now.s))).toFixed(2);
  console.log(
    `baseline / this build (medians): stats→badges ${ratio((s) => s.badges)}×, →painted frame ${ratio((s) => s.frame)}×, ` +
      `all table rows ${ratio((s) => s.tableLast)}×, main-thread task per load ${ratio((s) => s.task)}×`,
  );
}
console.log(
  `load avg at end ${loadEnd.map((l) => l.toFixed(2)).join(' ')}; loads without a reading: ${failed}`,
);
const goal = median(table[0]!.s.badges);
console.log(`goal: median stats→badges < 16 ms: ${goal < 16 ? 'met' : 'NOT met'} (${ms(goal)})`);
for (const side of sides) await side.context.close();
await api.close();
pages.close();
