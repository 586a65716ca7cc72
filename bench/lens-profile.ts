import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, CHROMIUM_OFFLINE_ARGS, CHROMIUM_PATH } from '../scripts/browser-flags.ts';
import { enableSitesExpression } from '../test/e2e/harness/configure.ts';
import { CHROME_EXTENSION_ID } from '../utils/extension-id.ts';
import { ARTICLE, FRAMES, GRID } from './lens-cost-pages.ts';
const which = process.argv[2] ?? 'frames';
const plain = process.argv[3] === 'plain';
const PAGES: Record<string, string> = { '/grid': GRID, '/article': ARTICLE, '/frames': FRAMES };
const server = createServer((req, res) => {
  const html = PAGES[req.url ?? ''];
  res.writeHead(html ? 200 : 404, { 'content-type': 'text/html' }).end(html ?? '');
});
await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
const { port } = server.address() as AddressInfo;
const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'prof-')), {
  executablePath: CHROMIUM_PATH,
  headless: true,
  args: plain
    ? CHROMIUM_OFFLINE_ARGS
    : chromiumArgs(resolve(import.meta.dirname, '../.output/chrome-mv3')),
});
if (!plain) {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${CHROME_EXTENSION_ID}/options.html`);
  await options.evaluate(enableSitesExpression(['127.0.0.1']));
  await options.close();
}
const page = await context.newPage();
await page.goto('about:blank');
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
await page.goto(`http://127.0.0.1:${port}/${which}`, { waitUntil: 'load' });
if (which !== 'frames') await page.waitForTimeout(4000);
const { profile } = await cdp.send('Profiler.stop');
const dt = new Map<number, number>();
for (let i = 0; i < profile.samples!.length; i++)
  dt.set(profile.samples![i]!, (dt.get(profile.samples![i]!) ?? 0) + (profile.timeDeltas![i] ?? 0));
const byKey = new Map<string, number>();
for (const n of profile.nodes) {
  const us = dt.get(n.id) ?? 0;
  const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.replace(/^.*\//, '')}:${n.callFrame.lineNumber}`;
  byKey.set(key, (byKey.get(key) ?? 0) + us);
}
const top = [...byKey].sort((a, b) => b[1] - a[1]).slice(0, 30);
console.log('total', ([...byKey.values()].reduce((a, b) => a + b, 0) / 1000).toFixed(1), 'ms');
for (const [k, us] of top) console.log((us / 1000).toFixed(1).padStart(8), 'ms', k);
await context.close();
server.close();
