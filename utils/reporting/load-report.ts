/**
 * What the background does when the panel asks for a preview's click map:
 * settings → which template is this preview (the API's match endpoint, by the
 * preview's links, subject and sender) → that template's click map for the
 * chosen version and period → the sequence, when the matched campaign is a
 * step of one. Every failure becomes an outcome the panel can show; nothing
 * throws past this function. Pure orchestration: the source and cache are
 * injected, so it runs (and is tested) in node against a real server.
 */
import type { MatchRequest } from '../api/index.ts';
import type { RequestCache } from '../cache/request-cache.ts';
import type {
  PreviewInfo,
  ReportMatch,
  ReportOutcome,
  ReportSelection,
} from '../messaging/protocol.ts';
import type { ClickMapApiSource } from '../sources/clickmap-api.ts';
import { SourceError } from '../sources/http.ts';
import { isConfigured, type Settings } from '../settings/settings.ts';

export interface LoadReportDeps {
  settings: Settings;
  source: ClickMapApiSource;
  /** Shared across calls; keyed by request, so the panel and re-renders share fetches. */
  cache: RequestCache<unknown>;
}

/** Links worth matching on: real destinations, not anchors or unsafe schemes. */
export function matchRequestOf(preview: PreviewInfo): MatchRequest {
  const hrefs = preview.links.filter((l) => !l.unsafe && l.kind !== 'anchor').map((l) => l.href);
  return {
    hrefs,
    base: preview.base,
    ...(preview.subject ? { subject: preview.subject } : {}),
    ...(preview.sender ? { sender: preview.sender } : {}),
  };
}

function cached<T>(deps: LoadReportDeps, key: unknown[], load: () => Promise<T>): Promise<T> {
  const id = JSON.stringify([deps.settings.apiUrl, deps.settings.token, ...key]);
  return deps.cache.get(id, load) as Promise<T>;
}

export function describeFailure(error: unknown): ReportOutcome {
  if (error instanceof SourceError) {
    const detail = error.reason ? ` (${error.reason})` : '';
    return { state: 'error', kind: error.kind, message: `${error.message}${detail}` };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { state: 'error', kind: 'unknown', message };
}

async function findTemplate(
  deps: LoadReportDeps,
  preview: PreviewInfo,
): Promise<ReportMatch | null> {
  const request = matchRequestOf(preview);
  if (request.hrefs.length === 0) return null;
  const result = await cached(deps, ['match', request], () => deps.source.match(request));
  return result.best;
}

async function sequenceOf(deps: LoadReportDeps, match: ReportMatch) {
  if (match.campaignId === null) return null;
  const campaigns = await cached(deps, ['campaigns', match.templateId], () =>
    deps.source.campaigns(match.templateId),
  );
  const step = campaigns.find((c) => c.id === match.campaignId)?.sequence;
  if (!step) return null;
  return cached(deps, ['sequence', step.sequenceId], () =>
    deps.source.sequenceReport(step.sequenceId),
  );
}

export async function loadReport(
  deps: LoadReportDeps,
  preview: PreviewInfo,
  selection: ReportSelection,
): Promise<ReportOutcome> {
  if (!isConfigured(deps.settings)) return { state: 'not-configured' };
  try {
    const match = await findTemplate(deps, preview);
    if (!match) {
      return {
        state: 'no-match',
        reason: `None of the ${preview.links.length} links of this preview belongs to a template the API knows.`,
      };
    }
    const includeMachineClicks =
      selection.includeMachineClicks ?? deps.settings.includeMachineClicks;
    const query = {
      templateId: match.templateId,
      campaignIds: [],
      period: selection.period,
      includeMachineClicks,
      ...(selection.versionId ? { versionId: selection.versionId } : {}),
    };
    const [report, sequence] = await Promise.all([
      cached(deps, ['report', query], () => deps.source.report(query)),
      sequenceOf(deps, match),
    ]);
    return { state: 'ready', match, report, sequence };
  } catch (error) {
    return describeFailure(error);
  }
}
