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
  /** Hosts where the lens runs (the demo build is granted them at install). */
  sites: string[];
}

type Chrome = {
  storage: { local: { set(items: object): Promise<void> } };
  scripting: {
    getRegisteredContentScripts(): Promise<{ matches?: string[] }[]>;
    executeScript(o: object): Promise<{ result?: unknown }[]>;
  };
  tabs: { query(o: object): Promise<{ id?: number; url?: string }[]> };
  dom: { openOrClosedShadowRoot(e: Element): ShadowRoot | null };
};

async function extensionWorker(context: BrowserContext) {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}

/**
 * Writes what the options page would save into the extension's storage, from
 * its service worker (`chrome` is the extension API there), and waits until
 * the content script is registered for the enabled sites. The reference
 * server answers CORS for extension origins, so no host permission is needed.
 */
export async function writeExtensionSettings(
  context: BrowserContext,
  settings: { apiUrl: string; token: string },
  sites: string[],
): Promise<void> {
  const worker = await extensionWorker(context);
  await worker.evaluate(
    async ({ s, sites }) => {
      const chrome = (globalThis as unknown as { chrome: Chrome }).chrome;
      await chrome.storage.local.set({
        settings: { ...s, enabledSites: sites, disabledSites: [] },
      });
      for (let i = 0; i < 100; i++) {
        const scripts = await chrome.scripting.getRegisteredContentScripts();
        if (scripts.some((x) => (x.matches ?? []).length === sites.length)) return;
        await new Promise((ok) => setTimeout(ok, 50));
      }
      throw new Error(`the content script was not registered for ${sites.join(', ')}`);
    },
    { s: settings, sites },
  );
}

export interface LensView {
  /** The panel's state (top frame), null while no panel is shown. */
  state: string | null;
  /** Badges drawn in all frames. */
  badges: number;
  /** Badge labels of each frame that has badges, in placement order. */
  labels: string[][];
}

/**
 * What the lens shows in the tab at `url`, read with the extension's
 * privileges: it draws in closed shadow roots no page script can read.
 */
export async function readLens(context: BrowserContext, url: string): Promise<LensView> {
  const worker = await extensionWorker(context);
  return worker.evaluate(async (u) => {
    const chrome = (globalThis as unknown as { chrome: Chrome }).chrome;
    const tab = (await chrome.tabs.query({})).find((t) => t.url === u);
    if (tab?.id === undefined) return { state: null, badges: 0, labels: [] };
    const results = await chrome.scripting.executeScript({
      target: { tabId: tab.id, allFrames: true },
      func: () => {
        const root = (tag: string) => {
          const host = document.querySelector(tag);
          const api = (globalThis as unknown as { chrome: Chrome }).chrome;
          return host ? api.dom.openOrClosedShadowRoot(host) : null;
        };
        const badges = [
          ...(root('clickmap-lens-layer')?.querySelectorAll('.badge[data-ordinal]') ?? []),
        ];
        return {
          state: root('clickmap-lens-ui')?.querySelector('.cml-panel')?.getAttribute('data-state'),
          labels: badges
            .sort(
              (a, b) =>
                Number(a.getAttribute('data-ordinal')) - Number(b.getAttribute('data-ordinal')),
            )
            .map((badge) => badge.textContent ?? ''),
        };
      },
    });
    const read = results.map((r) => r.result as { state?: string | null; labels: string[] });
    const labels = read.map((r) => r.labels).filter((l) => l.length > 0);
    return {
      state: read.find((r) => r.state)?.state ?? null,
      badges: labels.reduce((sum, l) => sum + l.length, 0),
      labels,
    };
  }, url);
}

export async function openDemoBrowser(options: DemoBrowserOptions): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(
    mkdtempSync(join(tmpdir(), 'clickmap-demo-profile-')),
    {
      executablePath: CHROMIUM_PATH,
      headless: options.headless,
      args: options.args,
      // README screenshots come from here: small PNGs that still show email and panel.
      viewport: { width: 1280, height: 800 },
    },
  );
  await writeExtensionSettings(context, options.settings, options.sites);
  return context;
}

export interface PageResult {
  state: string;
  badges: number;
  screenshot: string;
}

/** Clicks the panel's tab for `view` (its closed shadow root is reachable from the extension only). */
async function showView(context: BrowserContext, url: string, view: string): Promise<void> {
  const worker = await extensionWorker(context);
  await worker.evaluate(
    async ({ u, v }) => {
      const chrome = (globalThis as unknown as { chrome: Chrome }).chrome;
      const tab = (await chrome.tabs.query({})).find((t) => t.url === u);
      if (tab?.id === undefined) throw new Error(`no tab at ${u}`);
      await chrome.scripting.executeScript({
        target: { tabId: tab.id },
        func: (name: string) => {
          const api = (globalThis as unknown as { chrome: Chrome }).chrome;
          const host = document.querySelector('clickmap-lens-ui');
          const root = host ? api.dom.openOrClosedShadowRoot(host) : null;
          const tabButton = root?.querySelector<HTMLElement>(`.cml-tab[data-view="${name}"]`);
          if (!tabButton) throw new Error(`the panel has no ${name} view here`);
          tabButton.click();
        },
        args: [v],
      });
    },
    { u: url, v: view },
  );
}

/**
 * Opens a page, waits for the panel to settle, optionally switches the panel
 * to another view (sequence, Check links), counts badges in every frame and
 * saves a screenshot.
 */
export async function showPage(
  context: BrowserContext,
  url: string,
  screenshot: string,
  view?: string,
): Promise<PageResult> {
  const page = await context.newPage();
  await page.goto(url);
  const deadline = Date.now() + 20_000;
  let lens = await readLens(context, page.url());
  while ((!lens.state || lens.state === 'loading') && Date.now() < deadline) {
    await page.waitForTimeout(200);
    lens = await readLens(context, page.url());
  }
  if (view !== undefined) await showView(context, page.url(), view);
  // Badges are drawn right after the report arrives; give the frame a moment to paint.
  await page.waitForTimeout(view === undefined ? 500 : 1_000);
  const { badges } = await readLens(context, page.url());
  const state = lens.state ?? 'not shown';
  await page.screenshot({ path: screenshot });
  await page.close();
  return { state, badges, screenshot };
}
