/**
 * Real browsers with the built extension loaded, behind one small interface so
 * every e2e test runs in both: Debian chromium via playwright-core
 * (--load-extension, headless) and Debian firefox-esr via puppeteer-core
 * (WebDriver BiDi, browser.installExtension). No tool downloads a browser: a
 * missing one is an error that names the install command.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromiumArgs, CHROMIUM_PATH, FIREFOX_PATH } from '../../../scripts/browser-flags.ts';
import { FIREFOX_ADDON_ID, FIREFOX_TEST_UUID } from '../../../utils/extension-id.ts';
import { enableSitesExpression, TEST_SITES } from './configure.ts';
import { privilegedTab, readsOverlay, type ExtensionEval } from './privileged.ts';

export type BrowserName = 'chromium' | 'firefox';

export interface TestPage {
  goto(url: string): Promise<void>;
  /**
   * Runs `fn` with one JSON argument: in the page's main world, or, when `fn`
   * reads our UI (names `shadowRoot`), with the extension's privileges in the
   * top frame's content-script world, where our closed shadow roots are
   * reachable (harness/privileged.ts).
   */
  evaluate<A, R>(fn: (arg: A) => R, arg: A): Promise<R>;
  /** Runs `fn` in the page's main world, always: what any web page can see. */
  evaluateAsPage<A, R>(fn: (arg: A) => R, arg: A): Promise<R>;
  /** Waits until `fn` (run as evaluate() runs it) returns truthy; returns its value. */
  waitFor<A, R>(fn: (arg: A) => R, arg: A, timeoutMs?: number): Promise<R>;
  screenshot(path: string): Promise<void>;
  /** Sets the page's viewport (CSS pixels). */
  setViewport(width: number, height: number): Promise<void>;
  /**
   * A real mouse click on the first element matching `selector`, searched in
   * the top frame's document and in every shadow root, closed ones included
   * (our panel lives in one).
   */
  click(selector: string): Promise<void>;
  /** A real key press (e.g. "Tab", "Escape", "ArrowRight") to whatever has focus. */
  press(key: string): Promise<void>;
  /** Clicks `selector` (as click()) and resolves with the file the click downloaded. */
  download(selector: string, timeoutMs?: number): Promise<DownloadedFile>;
  close(): Promise<void>;
}

export interface DownloadedFile {
  /** The name the page suggested (<a download>). */
  name: string;
  bytes: Buffer;
}

export interface ExtensionBrowser {
  name: BrowserName;
  /** The extension's base URL (chrome-extension://id/ or moz-extension://uuid/). */
  extensionOrigin: string;
  newPage(): Promise<TestPage>;
  /** Evaluates JavaScript (a string) in an extension page: settings, registration, tabs. */
  extensionEval: ExtensionEval;
  close(): Promise<void>;
}

const REPO = resolve(import.meta.dirname, '../../..');
export const BUILDS = {
  chromium: join(REPO, '.output/chrome-mv3'),
  firefox: join(REPO, '.output/firefox-mv3'),
};
const EXECUTABLES = { chromium: CHROMIUM_PATH, firefox: FIREFOX_PATH };
const INSTALL = {
  chromium: 'apt-get install -y chromium',
  firefox: 'apt-get install -y firefox-esr',
};

function requireFile(path: string, hint: string): void {
  if (!existsSync(path)) throw new Error(`${path} is missing: ${hint}`);
}

/** Debian ships each browser's other languages in a package of their own. */
function requireLanguage(name: BrowserName, locale: string): void {
  const lang = locale.split('-')[0] ?? locale;
  if (name === 'chromium')
    requireFile(
      `/usr/lib/chromium/locales/${lang}.pak`,
      'install `apt-get install -y chromium-l10n`',
    );
  else
    requireFile(
      `/usr/lib/firefox-esr/browser/extensions/langpack-${lang}@firefox-esr.mozilla.org.xpi`,
      `install \`apt-get install -y firefox-esr-l10n-${lang}\``,
    );
}

export function requireBrowser(name: BrowserName): void {
  requireFile(EXECUTABLES[name], `install it with \`${INSTALL[name]}\` (as root)`);
  requireFile(
    join(BUILDS[name], 'manifest.json'),
    'build the extension first: `npm run build:all`',
  );
}

/**
 * A private copy of the build for one browser run. Both browsers read
 * extension files lazily (the panel and preview chunks are imported on first
 * use), so a rebuild of .output during a run would otherwise hand a running
 * browser chunks of another build. A copy taken while a build was writing
 * (the manifest changed or vanished meanwhile) is taken again.
 */
async function snapshotBuild(name: BrowserName): Promise<string> {
  const manifest = join(BUILDS[name], 'manifest.json');
  const stamp = () => (existsSync(manifest) ? statSync(manifest).mtimeMs : -1);
  for (let attempt = 0; attempt < 10; attempt++) {
    const before = stamp();
    const dir = join(mkdtempSync(join(tmpdir(), `clickmap-${name}-build-`)), 'extension');
    if (before > 0) {
      cpSync(BUILDS[name], dir, { recursive: true });
      if (stamp() === before && existsSync(join(dir, 'manifest.json'))) return dir;
    }
    await new Promise((ok) => setTimeout(ok, 1_000));
  }
  throw new Error(`${BUILDS[name]} kept changing: is a build running in a loop?`);
}

export interface LaunchOptions {
  /** Hosts where the lens runs (enabled in the settings, granted by the e2e build). */
  sites?: readonly string[];
  /**
   * The browser's UI language (e.g. 'fr'): Chromium's --lang, Firefox's
   * intl.locale.requested (Debian's chromium-l10n / firefox-esr-l10n-<lang>
   * carry the languages). Default: the browser's own (English here).
   */
  locale?: string;
}

/** A browser with the built extension, the lens enabled on `sites` (default TEST_SITES). */
export async function launch(
  name: BrowserName,
  { sites = TEST_SITES, locale }: LaunchOptions = {},
): Promise<ExtensionBrowser> {
  requireBrowser(name);
  if (locale) requireLanguage(name, locale);
  const browser = await (name === 'chromium' ? launchChromium(locale) : launchFirefox(locale));
  await browser.extensionEval(enableSitesExpression(sites));
  return browser;
}

async function launchChromium(locale?: string): Promise<ExtensionBrowser> {
  const { chromium } = await import('playwright-core');
  const { CHROME_EXTENSION_ID } = await import('../../../utils/extension-id.ts');
  const profile = mkdtempSync(join(tmpdir(), 'clickmap-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: EXECUTABLES.chromium,
    headless: true,
    // Downloads are saved (to a temporary folder) so tests can read them.
    acceptDownloads: true,
    args: [
      ...chromiumArgs(await snapshotBuild('chromium')),
      ...(locale ? [`--lang=${locale}`] : []),
    ],
    ...(locale ? { locale } : {}),
  });
  const extensionOrigin = `chrome-extension://${CHROME_EXTENSION_ID}/`;
  const extensionEval = lazyExtensionPage(async () => {
    const page = await context.newPage();
    await page.goto(`${extensionOrigin}options.html`);
    return (expression) => page.evaluate(expression);
  });
  const browser: ExtensionBrowser = {
    name: 'chromium',
    extensionOrigin,
    extensionEval,
    newPage: async () => {
      const page = await context.newPage();
      const privileged = privilegedTab(extensionEval, (mark) =>
        page.evaluate((m) => void (window.name = m), mark),
      );
      /** Clicks in our closed UI at the element's centre; elsewhere Playwright's own locator. */
      const click = async (selector: string) => {
        const at = await privileged.locate(selector);
        if (at) await page.mouse.click(at.x, at.y);
        else await page.locator(selector).first().click();
      };
      const evaluateAsPage = <A, R>(fn: (arg: A) => R, arg: A) =>
        page.evaluate(fn as (a: unknown) => never, arg as unknown) as Promise<R>;
      return {
        goto: async (url) => void (await page.goto(url)),
        evaluate: (fn, arg) =>
          readsOverlay(fn) ? privileged.run(fn, arg) : evaluateAsPage(fn, arg),
        evaluateAsPage,
        waitFor: async (fn, arg, timeout = 15_000) => {
          if (readsOverlay(fn)) return privileged.waitFor(fn, arg, timeout);
          const handle = await page.waitForFunction(fn as (a: unknown) => unknown, arg as unknown, {
            timeout,
          });
          return (await handle.jsonValue()) as never;
        },
        screenshot: async (path) => void (await page.screenshot({ path, fullPage: true })),
        setViewport: (width, height) => page.setViewportSize({ width, height }),
        click,
        press: (key) => page.keyboard.press(key),
        download: async (selector, timeout = 15_000) => {
          const [download] = await Promise.all([
            page.waitForEvent('download', { timeout }),
            click(selector),
          ]);
          const path = await download.path();
          return { name: download.suggestedFilename(), bytes: readFileSync(path) };
        },
        close: () => page.close(),
      };
    },
    close: () => context.close(),
  };
  return browser;
}

/** One extension page per browser, opened on first use, to run privileged test code from. */
function lazyExtensionPage(open: () => Promise<ExtensionEval>): ExtensionEval {
  let page: Promise<ExtensionEval> | null = null;
  return async (expression) => (await (page ??= open()))(expression);
}

async function launchFirefox(locale?: string): Promise<ExtensionBrowser> {
  const puppeteer = (await import('puppeteer-core')).default;
  const downloads = mkdtempSync(join(tmpdir(), 'clickmap-firefox-downloads-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: EXECUTABLES.firefox,
    headless: true,
    // Firefox 153+ lets WebDriver navigate to moz-extension:// pages only with this flag.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      // Pin the moz-extension:// UUID so tests can name extension pages.
      'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_ADDON_ID]: FIREFOX_TEST_UUID }),
      // Closed network: no update pings, telemetry or remote settings.
      'app.update.enabled': false,
      'extensions.update.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      // Save every download to one folder without asking (tests read the files).
      'browser.download.folderList': 2,
      'browser.download.dir': downloads,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.start_downloads_in_tmp_dir': false,
      'browser.download.alwaysOpenPanel': false,
      'browser.helperApps.neverAsk.saveToDisk':
        'text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/octet-stream',
      // The UI language: its language pack is an application-scope add-on, enabled here.
      ...(locale
        ? {
            'intl.locale.requested': locale,
            'extensions.autoDisableScopes': 0,
            'extensions.enabledScopes': 15,
          }
        : {}),
    },
  });
  await browser.installExtension(await snapshotBuild('firefox'));
  const extensionOrigin = `moz-extension://${FIREFOX_TEST_UUID}/`;
  type Page = Awaited<ReturnType<typeof browser.newPage>>;
  const gotoPage = async (page: Page, url: string) => {
    if (!url.startsWith('moz-extension:')) return void (await page.goto(url));
    // BiDi never reports the load of a moz-extension:// page: start the
    // navigation and let the caller's waitFor observe the page itself.
    void page.goto(url, { timeout: 60_000 }).catch(() => {});
    // Polled from here rather than with waitForFunction: while the tab moves from
    // about:blank to the extension page, Firefox's BiDi can fail a pending
    // evaluation ("right-hand side of 'in' should be an object, got null"),
    // which failed whole suites on a busy machine. A failed read is just "not yet".
    for (const deadline = Date.now() + 15_000; ;) {
      const href = await page.evaluate(() => location.href).catch(() => null);
      if (href === url) return;
      if (Date.now() > deadline) throw new Error(`Firefox did not open ${url} (at ${href})`);
      await new Promise((done) => setTimeout(done, 100));
    }
  };
  const extensionEval = lazyExtensionPage(async () => {
    const page = await browser.newPage();
    await gotoPage(page, `${extensionOrigin}options.html`);
    return (expression) => page.evaluate(expression);
  });
  return {
    name: 'firefox',
    extensionOrigin,
    extensionEval,
    newPage: async () => {
      const page = await browser.newPage();
      const privileged = privilegedTab(extensionEval, (mark) =>
        page.evaluate((m: string) => void (window.name = m), mark),
      );
      /** Clicks in our closed UI at the element's centre; elsewhere pierce/ (open roots). */
      const click = async (selector: string) => {
        const at = await privileged.locate(selector);
        if (at) await page.mouse.click(at.x, at.y);
        else await page.click(`pierce/${selector}`);
      };
      const evaluateAsPage = <A, R>(fn: (arg: A) => R, arg: A) =>
        page.evaluate(fn as never, arg) as Promise<R>;
      return {
        goto: (url) => gotoPage(page, url),
        evaluate: (fn, arg) =>
          readsOverlay(fn) ? privileged.run(fn, arg) : evaluateAsPage(fn, arg),
        evaluateAsPage,
        waitFor: async (fn, arg, timeout = 15_000) => {
          if (readsOverlay(fn)) return privileged.waitFor(fn, arg, timeout);
          const handle = await page.waitForFunction(
            fn as (a: unknown) => unknown,
            { timeout },
            arg,
          );
          return (await handle.jsonValue()) as never;
        },
        screenshot: async (path) => void (await page.screenshot({ path, fullPage: true })),
        setViewport: (width, height) => page.setViewport({ width, height }),
        click,
        press: (key) => page.keyboard.press(key as Parameters<typeof page.keyboard.press>[0]),
        download: async (selector, timeout = 15_000) => {
          const before = new Set(readdirSync(downloads));
          await click(selector);
          return awaitNewFile(downloads, before, timeout);
        },
        close: () => page.close(),
      };
    },
    close: () => browser.close(),
  };
}

/**
 * Waits for a finished new file in `dir` (Firefox writes `name.part` first,
 * then renames it) whose size has stopped changing.
 */
async function awaitNewFile(
  dir: string,
  before: ReadonlySet<string>,
  timeoutMs: number,
): Promise<DownloadedFile> {
  const deadline = Date.now() + timeoutMs;
  // The size seen on the previous poll: a file is complete once it stops growing.
  let [lastName, lastSize] = ['', -1];
  while (Date.now() < deadline) {
    const fresh = readdirSync(dir).filter((f) => !before.has(f) && !f.endsWith('.part'));
    const name = fresh[0];
    if (name && readdirSync(dir).every((f) => !f.endsWith('.part'))) {
      const bytes = readFileSync(join(dir, name));
      if (lastName === name && lastSize === bytes.length && bytes.length > 0) {
        return { name, bytes };
      }
      [lastName, lastSize] = [name, bytes.length];
    }
    await new Promise((ok) => setTimeout(ok, 100));
  }
  throw new Error(`no download arrived in ${dir} within ${timeoutMs} ms`);
}
