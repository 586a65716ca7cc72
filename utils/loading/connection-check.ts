/**
 * The options page's "can the active source be reached with these
 * credentials?" check: the source's own probe, one cheap authenticated
 * request (utils/sources/<kind>/index.ts). Failures come back as the source
 * adapters word them (401 → "Credentials refused …").
 */
import { activeSourceSettings, type Settings } from '../settings/settings.ts';
import type { SourceDeps } from '../sources/http.ts';
import { checkSource, sourceOf } from '../sources/registry.ts';
import { t } from '../i18n/i18n.ts';

export interface ConnectionResult {
  ok: boolean;
  detail: string;
}

export async function checkConnection(
  settings: Settings,
  deps: SourceDeps,
): Promise<ConnectionResult> {
  const saved = activeSourceSettings(settings);
  if (!saved) return { ok: false, detail: t('connectionNoSource') };
  const check = checkSource(saved);
  if (!check.ok) return { ok: false, detail: t('connectionNotConfigured', check.reason) };
  try {
    return { ok: true, detail: await sourceOf(check.config.kind).probe(check.config, deps) };
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
}
