/** Background wiring of report loading: settings from storage, ky for HTTP, one cache. */
import { kyHttp } from '../../utils/browser/ky-http.ts';
import { loadSettings } from '../../utils/browser/settings-store.ts';
import { RequestCache } from '../../utils/cache/request-cache.ts';
import type { AuditResult } from '../../utils/audit/types.ts';
import type { FrameRecord, PreviewInfo, ReportSelection } from '../../utils/messaging/protocol.ts';
import { auditPreview } from '../../utils/audit/preview-audit.ts';
import {
  checkConnection as checkSourceConnection,
  type ConnectionResult,
} from '../../utils/loading/connection-check.ts';
import { loadReport } from '../../utils/loading/load-report.ts';
import type { SourceDeps } from '../../utils/sources/http.ts';
import { t } from '../../utils/i18n/i18n.ts';

const sourceDeps: SourceDeps = {
  http: kyHttp,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export function createReportService() {
  const cache = new RequestCache<unknown>({ ttlMs: 60_000, maxEntries: 100, now: Date.now });
  return {
    async load(preview: PreviewInfo, selection: ReportSelection) {
      const settings = await loadSettings();
      return loadReport({ settings, sourceDeps, cache }, preview, selection);
    },
    clearCache: () => cache.clear(),
  };
}

/** The options page's check of the active source with the saved credentials. */
export async function checkConnection(): Promise<ConnectionResult> {
  return checkSourceConnection(await loadSettings(), sourceDeps);
}

/** "Check links" for one announced frame (the registry holds its links and measured boxes). */
export function auditFrame(frame: FrameRecord | undefined): AuditResult {
  if (!frame?.preview) throw new Error(t('frameNoPreviewAnyMore'));
  return auditPreview(frame.preview);
}
