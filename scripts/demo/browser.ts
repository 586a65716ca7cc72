/** The demo's Chromium: extension loaded, settings written into its storage, pages visited. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM_PATH } from '../browser-flags.ts';

export interface DemoBrowserOptions {
  extensionDir: string;
  args: string[];
  headless: boolean;
  settings: { apiUrl: string; token: string };
}

/**
 * Writes what the options page would save into the extension's storage, from
 * its service worker (`chrome` is the extension API there). The reference
 * server answers CORS for extension origins, so no host permission is needed.
 */
export async function writeExtensionSettings(
  context: BrowserContext,
  settings: { apiUrl: string; token: string },
): Promise<void> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  type WorkerGlobal = { chrome: { storage: { local: { set(items: object): Promise<void> } } } };
  await worker.evaluate(
    (s) =>
      (globalThis as unknown as WorkerGlobal).chrome.storage.local.set({
        settings: { ...s, includeMachineClicks: false, disabledSites: [] },
      }),
    settings,
  );
}

export async function openDemoBrowser(options: DemoBrowserOptions): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(
    mkdtempSync(join(tmpdir(), 'clickmap-demo-profile-')),
    {
      executablePath: CHROMIUM_PATH,
      headless: options.headless,
      args: options.args,
      viewport: { width: 1440, height: 960 },
    },
  );
  await writeExtensionSettings(context, options.settings);
  return context;
}

export interface PageResult {
  state: string;
  badges: number;
  screenshot: string;
}

/** Opens a page, waits for the panel to settle, counts badges in every frame, saves a screenshot. */
export async function showPage(
  context: BrowserContext,
  url: string,
  screenshot: string,
): Promise<PageResult> {
  const page = await context.newPage();
  await page.goto(url);
  const state = await page
    .waitForFunction(
      () => {
        const panel = document
          .querySelector('clickmap-lens-ui')
          ?.shadowRoot?.querySelector('.cml-panel');
        const s = panel?.getAttribute('data-state');
        return s && s !== 'loading' ? s : null;
      },
      undefined,
      { timeout: 20_000 },
    )
    .then((handle) => handle.jsonValue() as Promise<string>)
    .catch(() => 'not shown');
  // Badges are drawn right after the report arrives; give the frame a moment to paint.
  await page.waitForTimeout(500);
  let badges = 0;
  for (const frame of page.frames()) {
    badges += await frame
      .evaluate(
        () =>
          document
            .querySelector('clickmap-lens-layer')
            ?.shadowRoot?.querySelectorAll('[data-ordinal]').length ?? 0,
      )
      .catch(() => 0);
  }
  await page.screenshot({ path: screenshot });
  return { state, badges, screenshot };
}
