/**
 * `npm run demo`: the main job on its embedded default. Builds the extension,
 * starts the reference Click Map API on 127.0.0.1 with the generated demo
 * dataset, serves demo pages made from real templates (ESP preview, webmail,
 * view in browser) and opens Chromium with the extension loaded and
 * configured. With a display it stays open until Ctrl+C; without one it runs
 * headless, saves a screenshot of each page and prints where they are.
 *
 *   npm run demo [-- --no-build] [--headless] [--out demo-output]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startServer } from '../server/start.ts';
import { chromiumArgs, CHROMIUM_PATH } from './browser-flags.ts';
import { startDemoPages } from './demo/pages.ts';
import { openDemoBrowser, showPage, writeExtensionSettings } from './demo/browser.ts';

const REPO = resolve(import.meta.dirname, '..');
/** Where the demo pages are served; the lens is enabled there. */
const DEMO_HOST = '127.0.0.1';
const { values } = parseArgs({
  options: {
    'no-build': { type: 'boolean', default: false },
    headless: { type: 'boolean', default: !process.env.DISPLAY },
    out: { type: 'string', default: 'demo-output' },
    token: { type: 'string', default: 'demo-token' },
  },
});

if (!existsSync(CHROMIUM_PATH)) {
  console.error(
    `Chromium is missing at ${CHROMIUM_PATH}: install it with \`apt-get install -y chromium\`.`,
  );
  process.exit(1);
}
if (!values['no-build']) {
  console.log('Building the extension (wxt build, demo host 127.0.0.1 granted at install)…');
  // The lens runs only on enabled hosts, each granted by a permission prompt a
  // headless browser cannot answer: the demo build is granted its own host.
  const build = spawnSync('npx', ['wxt', 'build'], {
    cwd: REPO,
    stdio: 'inherit',
    env: { ...process.env, CLICKMAP_GRANT_HOSTS: DEMO_HOST },
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const db = join(mkdtempSync(join(tmpdir(), 'clickmap-demo-')), 'clickmap.sqlite');
const api = await startServer({ seed: 'demo', token: values.token, db });
const pages = await startDemoPages();
console.log(`Click Map API: ${api.url} (token ${api.token}), demo pages: ${pages.url}`);

const extensionDir = join(REPO, '.output/chrome-mv3');
const browser = await openDemoBrowser({
  extensionDir,
  args: chromiumArgs(extensionDir),
  headless: values.headless,
  settings: { apiUrl: api.url, token: api.token },
  sites: [DEMO_HOST],
});

const out = resolve(values.out);
mkdirSync(out, { recursive: true });
/** Every mode of the panel, each with the state it must reach (the tour fails otherwise). */
const tour: { name: string; path: string; expect: string; view?: string; badToken?: true }[] = [
  { name: 'click-map', path: '/esp/welcome', expect: 'ready' },
  { name: 'sequence', path: '/esp/sales-outreach', expect: 'ready', view: 'sequence' },
  { name: 'check-links', path: '/esp/product-update', expect: 'ready', view: 'qa' },
  { name: 'empty', path: '/esp/unsent-draft', expect: 'no-data' },
  { name: 'error', path: '/esp/welcome', expect: 'error', badToken: true },
  { name: 'webmail-roundcube-style', path: '/webmail/', expect: 'ready' },
  { name: 'view-in-browser', path: '/archive/newsletter', expect: 'ready' },
];
const wrong: string[] = [];
for (const stop of tour) {
  // The error state: the API refuses a wrong token (restored right after).
  if (stop.badToken)
    await writeExtensionSettings(browser, { apiUrl: api.url, token: 'not-the-token' }, [DEMO_HOST]);
  const result = await showPage(
    browser,
    `${pages.url}${stop.path}`,
    join(out, `${stop.name}.png`),
    stop.view,
  );
  if (stop.badToken)
    await writeExtensionSettings(browser, { apiUrl: api.url, token: api.token }, [DEMO_HOST]);
  console.log(
    `${stop.name}: panel ${result.state}, ${result.badges} badges → ${result.screenshot}`,
  );
  if (result.state !== stop.expect) wrong.push(`${stop.name}: ${result.state}, not ${stop.expect}`);
}

const shutdown = async () => {
  await browser.close();
  await pages.close();
  await api.close();
};
if (values.headless) {
  await shutdown();
  console.log(`Screenshots saved in ${out}`);
  if (wrong.length > 0) {
    console.error(`The demo did not show every mode:\n${wrong.join('\n')}`);
    process.exit(1);
  }
} else {
  console.log('The browser stays open with the demo pages; press Ctrl+C to stop.');
  process.once('SIGINT', () => void shutdown().then(() => process.exit(0)));
}
