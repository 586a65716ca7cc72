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

/** Stores `settings` (null: removes them, i.e. not configured) and reads them back. */
export async function writeSettings(
  page: TestPage,
  settings: ExtensionSettings | null,
): Promise<void> {
  const stored = await page.evaluate(async (value: ExtensionSettings | null) => {
    const g = globalThis as unknown as ExtensionGlobal;
    const local = (g.browser ?? g.chrome)!.storage.local;
    if (value === null) await local.remove('settings');
    else await local.set({ settings: value });
    return (await local.get('settings')).settings ?? null;
  }, settings);
  if (canonical(stored) !== canonical(settings)) {
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
