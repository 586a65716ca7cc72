/**
 * Real browsers with the built extension loaded, behind one small interface so
 * every e2e test runs in both: Debian chromium via playwright-core
 * (--load-extension, headless) and Debian firefox-esr via puppeteer-core
 * (WebDriver BiDi, browser.installExtension). No tool downloads a browser: a
 * missing one is an error that names the install command.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromiumArgs, CHROMIUM_PATH, FIREFOX_PATH } from '../../../scripts/browser-flags.ts';
import { FIREFOX_ADDON_ID, FIREFOX_TEST_UUID } from '../../../utils/extension-id.ts';

export type BrowserName = 'chromium' | 'firefox';

export interface TestPage {
  goto(url: string): Promise<void>;
  /** Runs `fn` in the page's main world with one JSON argument. */
  evaluate<A, R>(fn: (arg: A) => R, arg: A): Promise<R>;
  /** Waits until `fn` returns truthy; returns its value. */
  waitFor<A, R>(fn: (arg: A) => R, arg: A, timeoutMs?: number): Promise<R>;
  screenshot(path: string): Promise<void>;
}

export interface ExtensionBrowser {
  name: BrowserName;
  /** The extension's base URL (chrome-extension://id/ or moz-extension://uuid/). */
  extensionOrigin: string;
  newPage(): Promise<TestPage>;
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

export function requireBrowser(name: BrowserName): void {
  requireFile(EXECUTABLES[name], `install it with \`${INSTALL[name]}\` (as root)`);
  requireFile(
    join(BUILDS[name], 'manifest.json'),
    'build the extension first: `npm run build:all`',
  );
}

export async function launch(name: BrowserName): Promise<ExtensionBrowser> {
  requireBrowser(name);
  return name === 'chromium' ? launchChromium() : launchFirefox();
}

async function launchChromium(): Promise<ExtensionBrowser> {
  const { chromium } = await import('playwright-core');
  const { CHROME_EXTENSION_ID } = await import('../../../utils/extension-id.ts');
  const profile = mkdtempSync(join(tmpdir(), 'clickmap-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: EXECUTABLES.chromium,
    headless: true,
    args: chromiumArgs(BUILDS.chromium),
  });
  return {
    name: 'chromium',
    extensionOrigin: `chrome-extension://${CHROME_EXTENSION_ID}/`,
    newPage: async () => {
      const page = await context.newPage();
      return {
        goto: async (url) => void (await page.goto(url)),
        evaluate: (fn, arg) => page.evaluate(fn as (a: unknown) => never, arg as unknown),
        waitFor: async (fn, arg, timeout = 15_000) => {
          const handle = await page.waitForFunction(fn as (a: unknown) => unknown, arg as unknown, {
            timeout,
          });
          return (await handle.jsonValue()) as never;
        },
        screenshot: async (path) => void (await page.screenshot({ path, fullPage: true })),
      };
    },
    close: () => context.close(),
  };
}

async function launchFirefox(): Promise<ExtensionBrowser> {
  const puppeteer = (await import('puppeteer-core')).default;
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
    },
  });
  await browser.installExtension(BUILDS.firefox);
  return {
    name: 'firefox',
    extensionOrigin: `moz-extension://${FIREFOX_TEST_UUID}/`,
    newPage: async () => {
      const page = await browser.newPage();
      return {
        goto: async (url) => {
          if (!url.startsWith('moz-extension:')) return void (await page.goto(url));
          // BiDi never reports the load of a moz-extension:// page: start the
          // navigation and let the caller's waitFor observe the page itself.
          void page.goto(url, { timeout: 60_000 }).catch(() => {});
          await page.waitForFunction((u: string) => location.href === u, { timeout: 15_000 }, url);
        },
        evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
        waitFor: async (fn, arg, timeout = 15_000) => {
          const handle = await page.waitForFunction(
            fn as (a: unknown) => unknown,
            { timeout },
            arg,
          );
          return (await handle.jsonValue()) as never;
        },
        screenshot: async (path) => void (await page.screenshot({ path, fullPage: true })),
      };
    },
    close: () => browser.close(),
  };
}
