/** Background wiring of report loading: settings from storage, ky for HTTP, one cache. */
import { HealthSchema, TemplateListSchema } from '../../utils/api/index.ts';
import { kyHttp } from '../../utils/browser/ky-http.ts';
import { loadSettings } from '../../utils/browser/settings-store.ts';
import { RequestCache } from '../../utils/cache/request-cache.ts';
import type { PreviewInfo, ReportSelection } from '../../utils/messaging/protocol.ts';
import { loadReport } from '../../utils/reporting/load-report.ts';
import { isConfigured, type Settings } from '../../utils/settings/settings.ts';
import { createClickMapApiSource } from '../../utils/sources/clickmap-api.ts';
import { requestJson, type SourceDeps } from '../../utils/sources/http.ts';

const deps: SourceDeps = {
  http: kyHttp,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

const sourceFor = (settings: Settings) =>
  createClickMapApiSource({ apiUrl: settings.apiUrl, token: settings.token }, deps);

export function createReportService() {
  const cache = new RequestCache<unknown>({ ttlMs: 60_000, maxEntries: 100, now: Date.now });
  return {
    async load(preview: PreviewInfo, selection: ReportSelection) {
      const settings = await loadSettings();
      return loadReport({ settings, source: sourceFor(settings), cache }, preview, selection);
    },
    clearCache: () => cache.clear(),
  };
}

export async function checkConnection(): Promise<{ ok: boolean; detail: string }> {
  const settings = await loadSettings();
  if (!isConfigured(settings)) {
    return { ok: false, detail: 'Not configured: enter the API address and token.' };
  }
  const get = <S extends Parameters<typeof requestJson>[2]>(path: string, schema: S) =>
    requestJson(
      deps,
      {
        url: `${settings.apiUrl}${path}`,
        method: 'GET',
        headers: { Authorization: `Bearer ${settings.token}` },
      },
      schema,
    );
  try {
    // health answers without a token; the template list proves the token works.
    const health = await get('/v1/health', HealthSchema);
    const { templates } = await get('/v1/templates', TemplateListSchema);
    return {
      ok: true,
      detail: `Connected to ${settings.apiUrl}: ${templates.length} templates, ${health.events} events.`,
    };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, detail: reason };
  }
}
