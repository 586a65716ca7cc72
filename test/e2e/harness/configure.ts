/**
 * Writes the extension's settings the way the options page stores them
 * (storage.local, key "settings"), from inside an extension page, so no test
 * depends on the options form or on a host-permission prompt. Works in both
 * browsers: Firefox's extension pages have `browser`, Chromium's `chrome`.
 */
import type { ExtensionBrowser, TestPage } from './browsers.ts';

export interface ExtensionSettings {
  apiUrl: string;
  token: string;
  includeMachineClicks: boolean;
  disabledSites: string[];
  /** Where the lens runs; absent: the sites the browser was launched with stay (TEST_SITES). */
  enabledSites?: string[];
}

/** The hosts every e2e browser enables at launch (the e2e build is granted them at install). */
export const TEST_SITES = ['127.0.0.1'];

/**
 * Enables `sites` (merged into the stored settings) and waits until the
 * background registered the content script for exactly their patterns.
 * JavaScript for an extension page (harness/privileged.ts: ExtensionEval).
 */
export function enableSitesExpression(sites: readonly string[]): string {
  return `(async () => {
    const api = globalThis.browser ?? globalThis.chrome;
    const sites = ${JSON.stringify(sites)};
    const { settings } = await api.storage.local.get('settings');
    await api.storage.local.set({ settings: { ...(settings ?? {}), enabledSites: sites } });
    const want = JSON.stringify(sites.map((h) => '*://' + h + '/*').sort());
    let got = '[]';
    for (let i = 0; i < 200; i++) {
      const scripts = await api.scripting.getRegisteredContentScripts();
      got = JSON.stringify(scripts.flatMap((s) => s.matches ?? []).sort());
      if (got === want) return got;
      await new Promise((ok) => setTimeout(ok, 50));
    }
    throw new Error('content script registered for ' + got + ', expected ' + want);
  })()`;
}

export function apiSettings(apiUrl: string, token: string): ExtensionSettings {
  return { apiUrl, token, includeMachineClicks: false, disabledSites: [] };
}

type StorageArea = {
  set(items: object): Promise<void>;
  remove(key: string): Promise<void>;
  get(key: string): Promise<Record<string, unknown>>;
};
type ExtensionGlobal = {
  browser?: { storage: { local: StorageArea } };
  chrome?: { storage: { local: StorageArea } };
};

/** An extension page kept open to write settings from (one per browser is enough). */
export async function openSettingsPage(browser: ExtensionBrowser): Promise<TestPage> {
  const page = await browser.newPage();
  await page.goto(`${browser.extensionOrigin}options.html`);
  await page.waitFor(() => {
    const g = globalThis as unknown as ExtensionGlobal;
    return Boolean((g.browser ?? g.chrome)?.storage?.local);
  }, undefined);
  return page;
}

/**
 * Stores `settings` (null: no source, i.e. not configured) and reads them
 * back. The enabled sites stay as they are unless `settings` names them.
 */
export async function writeSettings(
  page: TestPage,
  settings: ExtensionSettings | null,
): Promise<void> {
  const { stored, written } = await page.evaluate(async (value: ExtensionSettings | null) => {
    const g = globalThis as unknown as ExtensionGlobal;
    const local = (g.browser ?? g.chrome)!.storage.local;
    const before = (await local.get('settings')).settings as
      { enabledSites?: string[] } | undefined;
    const written = { enabledSites: before?.enabledSites ?? [], ...value };
    await local.set({ settings: written });
    return { stored: (await local.get('settings')).settings ?? null, written };
  }, settings);
  if (canonical(stored) !== canonical(written)) {
    throw new Error(`settings not stored: read back ${JSON.stringify(stored)}`);
  }
}

/** JSON with sorted keys (storage does not keep key order). */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}
