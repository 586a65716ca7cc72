/**
 * What the background does when the panel asks for a preview's report:
 * settings → the active source (utils/sources' createSource) → which
 * campaign or template the preview is → its report, and for the Click Map
 * API the sequence when the matched campaign is a step of one. Every failure
 * becomes an outcome the panel can show; nothing throws past this function.
 * Pure orchestration: HTTP and the cache are injected, so it runs (and is
 * tested) in node against fake or real servers.
 */
import type { RequestCache } from '../cache/request-cache.ts';
import type { PreviewInfo, ReportOutcome, ReportSelection } from '../messaging/protocol.ts';
import { activeSourceSettings, type Settings } from '../settings/settings.ts';
import { checkSource } from '../settings/sources.ts';
import { createClickMapApiSource } from '../sources/clickmap-api.ts';
import { SourceError, type SourceDeps } from '../sources/http.ts';
import { loadFromClickMapApi } from './load-clickmap-api.ts';
import { loadFromEsp } from './load-esp.ts';
import type { Cached } from './load-types.ts';

export { matchRequestOf } from './load-clickmap-api.ts';

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

export async function loadReport(
  deps: LoadReportDeps,
  preview: PreviewInfo,
  selection: ReportSelection,
): Promise<ReportOutcome> {
  const saved = activeSourceSettings(deps.settings);
  const check = saved ? checkSource(saved) : null;
  if (!check?.ok) return { state: 'not-configured' };
  // One cache for every source: credentials are part of the key, so a changed token refetches.
  const cached: Cached = (key, load) =>
    deps.cache.get(JSON.stringify([check.config, ...key]), load) as Promise<never>;
  try {
    const config = check.config;
    if (config.kind === 'clickmap-api') {
      const source = createClickMapApiSource(config, deps.sourceDeps);
      const includeMachineClicks =
        selection.includeMachineClicks ?? deps.settings.includeMachineClicks;
      return await loadFromClickMapApi(source, cached, preview, selection, includeMachineClicks);
    }
    return await loadFromEsp(config, deps.sourceDeps, cached, preview, selection);
  } catch (error) {
    return describeFailure(error);
  }
}
