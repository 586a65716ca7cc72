/**
 * Keeps the content script registered for exactly the hosts the user enabled
 * and granted (options page), nothing else: no static content script, so a
 * page on any other host never sees the lens. Re-registered on install,
 * browser start, permission changes and settings changes rather than trusting
 * `persistAcrossSessions` (an unpacked extension is reinstalled on every
 * launch). `allFrames` + `matchOriginAsFallback` reach every preview frame
 * kind (srcdoc, sandboxed, about:blank, data:, blob:) of an enabled host;
 * `matchAboutBlank` is refused by registerContentScripts.
 */
import { browser } from 'wxt/browser';
import { loadSettings } from '../../utils/browser/settings-store.ts';
import { sitePatterns } from '../../utils/sites/sites.ts';

const SCRIPT_ID = 'clickmap-lens-content';
/** The content script's file in the build (WXT's output path). */
export const CONTENT_SCRIPT_FILE = '/content-scripts/content.js';

async function granted(patterns: readonly string[]): Promise<string[]> {
  const checks = await Promise.all(
    patterns.map((origin) => browser.permissions.contains({ origins: [origin] })),
  );
  return patterns.filter((_, i) => checks[i]);
}

async function syncNow(): Promise<string[]> {
  const settings = await loadSettings();
  const wanted = await granted(sitePatterns(settings.enabledSites, settings.disabledSites));
  const [current] = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  const same =
    current && JSON.stringify([...(current.matches ?? [])].sort()) === JSON.stringify(wanted);
  // An unchanged set stays as it is: no window in which a navigation misses the script.
  if (same) return wanted;
  if (current) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (wanted.length === 0) return wanted;
  await browser.scripting.registerContentScripts([
    {
      id: SCRIPT_ID,
      js: [CONTENT_SCRIPT_FILE],
      matches: wanted,
      allFrames: true,
      matchOriginAsFallback: true,
      runAt: 'document_idle',
      persistAcrossSessions: false,
    },
  ]);
  return wanted;
}

/** One sync at a time, in order: the last call always sees the last settings. */
export function createContentRegistration() {
  let queue: Promise<unknown> = Promise.resolve();
  const sync = () => {
    const next = queue.then(syncNow);
    queue = next.catch((error: unknown) => {
      console.error('[clickmap-lens] content script registration failed:', error); // i18n-exempt: log line
    });
    return next;
  };
  return { sync };
}
