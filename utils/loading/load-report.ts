/**
 * The background's report loading for one preview: the active source's
 * settings checked by its descriptor (utils/sources/registry.ts), then either
 * the source's own loading (the Click Map API's match endpoint) or the ESP
 * path (load-esp.ts: campaign from the preview, then its report). Every
 * failure becomes a ReportOutcome the panel can show.
 */
import type { RequestCache } from '../cache/request-cache.ts';
import type { PreviewInfo, ReportOutcome, ReportSelection } from '../messaging/protocol.ts';
import { activeSourceSettings, type Settings } from '../settings/settings.ts';
import type { Cached } from '../sources/descriptor.ts';
import { SourceError, type SourceDeps } from '../sources/http.ts';
import { checkSource, sourceOf } from '../sources/registry.ts';
import { loadFromEsp } from './load-esp.ts';

export { matchRequestOf } from '../sources/clickmap-api/load.ts';

export interface LoadReportDeps {
  settings: Settings;
  /** The network (ky in the background, fake or fetch in tests) and sleep for 429 retries. */
  sourceDeps: SourceDeps;
  /** Shared across calls; keyed by source and request, so the panel and re-renders share fetches. */
  cache: RequestCache<unknown>;
}

export function describeFailure(error: unknown): ReportOutcome {
  if (error instanceof SourceError) {
    const detail = error.reason ? ` (${error.reason})` : '';
    return { state: 'error', kind: error.kind, message: `${error.message}${detail}` };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { state: 'error', kind: 'unknown', message };
}

/** What may leave the browser of a preview: the subject and sender only when the user allows it. */
export function sendablePreview(preview: PreviewInfo, settings: Settings): PreviewInfo {
  return settings.sendSubjectAndSender ? preview : { ...preview, subject: null, sender: null };
}

export async function loadReport(
  deps: LoadReportDeps,
  shown: PreviewInfo,
  selection: ReportSelection,
): Promise<ReportOutcome> {
  const preview = sendablePreview(shown, deps.settings);
  const saved = activeSourceSettings(deps.settings);
  const check = saved ? checkSource(saved) : null;
  if (!check?.ok) return { state: 'not-configured' };
  // One cache for every source: credentials are part of the key, so a changed token refetches.
  const cached: Cached = (key, load) =>
    deps.cache.get(JSON.stringify([check.config, ...key]), load) as Promise<never>;
  try {
    const config = check.config;
    const source = sourceOf(config.kind);
    if (source.load) {
      const includeMachineClicks =
        selection.includeMachineClicks ?? deps.settings.includeMachineClicks;
      return await source.load(config, deps.sourceDeps, cached, preview, {
        ...selection,
        includeMachineClicks,
      });
    }
    return await loadFromEsp(source, config, deps.sourceDeps, cached, preview, selection);
  } catch (error) {
    return describeFailure(error);
  }
}
