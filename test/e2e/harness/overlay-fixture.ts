/**
 * Shared setup of the overlay e2e tests: the reference API with the demo
 * data, the static page server, one browser with the extension configured
 * for that API, and helpers to open the generic ESP preview page
 * (pages/esp-preview.html) and wait for the panel to settle.
 */
import { mkdirSync } from 'node:fs';
import { startServer, type RunningServer } from '../../../server/start.ts';
import { launch, type BrowserName, type ExtensionBrowser, type TestPage } from './browsers.ts';
import {
  apiSettings,
  openSettingsPage,
  writeSettings,
  type ExtensionSettings,
} from './configure.ts';
import { describePanel, panelStateIn } from './overlay-dom.ts';
import { startStaticServer, type StaticServer } from './static-server.ts';

/** Both browsers; E2E_BROWSER=chromium|firefox narrows a local run to one. */
export const BROWSERS: readonly BrowserName[] = (['chromium', 'firefox'] as const).filter(
  (b) => (process.env.E2E_BROWSER ?? b) === b,
);
export const TOKEN = 'e2e-overlay-token';
/** Every state the panel ends in (it passes through "loading"). */
export const SETTLED = ['ready', 'no-data', 'not-configured', 'error'];
const ARTIFACTS = 'test-results/overlay';

export interface PreviewOptions {
  /** Path of the email HTML on the static server. */
  src: string;
  /** Preview iframe height in px. */
  height?: number;
  sandbox?: string;
  /** <base href> of the email: where its relative images load from (e.g. /slow/2000/pages/). */
  base?: string;
  /** HTML put right after the email's <body> tag (what an ESP adds to a preview). */
  prepend?: string;
}

export interface OverlayFixture {
  api: RunningServer;
  pages: StaticServer;
  browser: ExtensionBrowser;
  /** Stores settings (null: not configured); the default is the demo API with TOKEN. */
  configure(settings?: ExtensionSettings | null): Promise<void>;
  /** A new tab showing the ESP preview page, once the preview iframe has loaded. */
  openPreview(options: PreviewOptions): Promise<TestPage>;
  /** A new tab at any static page path, once it set data-preview-loaded. */
  open(path: string): Promise<TestPage>;
  /** Waits until the panel settles; returns its state. */
  settle(page: TestPage): Promise<string>;
  screenshot(page: TestPage, name: string): Promise<void>;
  close(): Promise<void>;
}

export async function startOverlayFixture(
  name: BrowserName,
  options: { locale?: string } = {},
): Promise<OverlayFixture> {
  const [api, pages, browser] = await Promise.all([
    startServer({ seed: 'demo', token: TOKEN }),
    startStaticServer(),
    launch(name, options),
  ]);
  const settingsPage = await openSettingsPage(browser);
  const configure = (settings: ExtensionSettings | null = apiSettings(api.url, TOKEN)) =>
    writeSettings(settingsPage, settings);
  await configure();
  mkdirSync(ARTIFACTS, { recursive: true });

  const open = async (path: string) => {
    const page = await browser.newPage();
    await page.setViewport(1400, 900);
    await page.goto(`${pages.origin}${path}`);
    await page.waitFor(() => document.documentElement.dataset.previewLoaded === 'true', undefined);
    return page;
  };

  return {
    api,
    pages,
    browser,
    configure,
    open,
    openPreview: (options) => {
      const query = new URLSearchParams({ src: options.src });
      if (options.height !== undefined) query.set('height', String(options.height));
      if (options.sandbox !== undefined) query.set('sandbox', options.sandbox);
      if (options.prepend !== undefined) query.set('prepend', options.prepend);
      if (options.base !== undefined) query.set('base', options.base);
      return open(`/pages/esp-preview.html?${query}`);
    },
    settle: async (page) => {
      try {
        return (await page.waitFor(panelStateIn, SETTLED, 20_000)) ?? 'none';
      } catch (error) {
        // Say what the page showed instead: no panel, stuck loading, which frames announced.
        await page.screenshot(`${ARTIFACTS}/${name}-unsettled-${Date.now()}.png`).catch(() => {});
        const shown = await page.evaluate(describePanel, undefined).catch(String);
        throw new Error(`the panel did not settle: ${shown}`, { cause: error });
      }
    },
    screenshot: (page, shot) => page.screenshot(`${ARTIFACTS}/${name}-${shot}.png`),
    close: async () => {
      await browser.close();
      await Promise.all([pages.close(), api.close()]);
    },
  };
}
