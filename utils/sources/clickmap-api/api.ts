/**
 * The project's own Click Map API v1 as a source: a thin adapter over the
 * shared valibot schemas of utils/api. The engine behind it computes every
 * number itself, so its capabilities are whatever the report lists.
 * Paths are collected in CLICKMAP_API_PATHS so they can follow the server.
 */
import type { Period } from '../../report/model.ts';
import { ALL_CAPABILITIES } from '../../report/report-types.ts';
import type { Capability, SequenceReport } from '../../report/report-types.ts';
import {
  CampaignListSchema,
  ClickMapReportSchema,
  MatchResultSchema,
  SequenceReportSchema,
  TemplateListSchema,
} from '../../api/index.ts';
import type { Campaign } from '../../report/model.ts';
import type { MatchRequest, MatchResult } from '../../api/index.ts';
import { buildUrl, requestJson } from '../http.ts';
import type { HttpRequest, SourceDeps } from '../http.ts';
import type { ReportQuery, ReportSource } from '../source.ts';
import { fromClickMapReport } from '../source-report.ts';
import type { SourceReport } from '../source-report.ts';

export interface ClickMapApiConfig {
  /** Server root without /v1, e.g. http://127.0.0.1:8787 */
  apiUrl: string;
  token: string;
}

export const CLICKMAP_API_PATHS = {
  templateReport: (templateId: string) =>
    `/v1/templates/${encodeURIComponent(templateId)}/clickmap`,
  sequenceReport: (sequenceId: string) => `/v1/sequences/${encodeURIComponent(sequenceId)}/report`,
  match: '/v1/match',
  campaigns: '/v1/campaigns',
  templates: '/v1/templates',
};

/** The engine computes every number. */
export const ENGINE_CAPABILITIES: readonly Capability[] = ALL_CAPABILITIES;

function headers(config: ClickMapApiConfig): Record<string, string> {
  return { Authorization: `Bearer ${config.token}`, Accept: 'application/json' };
}

export interface ReportRequestOptions {
  period?: Period;
  campaignIds?: string[];
  versionId?: string;
  /** Unset: the server's default (machine clicks excluded). */
  includeMachineClicks?: boolean;
}

/** GET /v1/templates/{id}/clickmap with the query names of docs/openapi.yaml. */
export function reportRequest(
  config: ClickMapApiConfig,
  templateId: string,
  options: ReportRequestOptions = {},
): HttpRequest {
  const query: Record<string, string | number> = {};
  if (options.period?.from !== undefined) query.from = options.period.from;
  if (options.period?.to !== undefined) query.to = options.period.to;
  if (options.versionId) query.version = options.versionId;
  if (options.campaignIds && options.campaignIds.length > 0)
    query.campaigns = options.campaignIds.join(',');
  if (options.includeMachineClicks !== undefined) {
    query.machineClicks = options.includeMachineClicks ? 'include' : 'exclude';
  }
  return {
    url: buildUrl(config.apiUrl, CLICKMAP_API_PATHS.templateReport(templateId), query),
    method: 'GET',
    headers: headers(config),
  };
}

export function createClickMapApiSource(config: ClickMapApiConfig, deps: SourceDeps) {
  const source: ReportSource & {
    sequenceReport(sequenceId: string): Promise<SequenceReport>;
    match(request: MatchRequest): Promise<MatchResult>;
    /** One template's campaigns; without a template, every campaign (the no-match picker). */
    campaigns(templateId?: string): Promise<Campaign[]>;
    templateNames(): Promise<Map<string, string>>;
  } = {
    kind: 'clickmap-api',
    capabilities: ENGINE_CAPABILITIES,
    async report(query: ReportQuery): Promise<SourceReport> {
      const templateId = query.templateId ?? query.campaignIds[0];
      if (templateId === undefined)
        throw new Error('Click Map API report needs a templateId or a campaign id'); // i18n-exempt: a caller's bug
      const options: ReportRequestOptions = {
        campaignIds: query.templateId ? query.campaignIds : [],
        ...(query.period ? { period: query.period } : {}),
        ...(query.versionId ? { versionId: query.versionId } : {}),
        ...(query.includeMachineClicks !== undefined
          ? { includeMachineClicks: query.includeMachineClicks }
          : {}),
      };
      const report = await requestJson(
        deps,
        reportRequest(config, templateId, options),
        ClickMapReportSchema,
      );
      return fromClickMapReport(report);
    },
    sequenceReport: (sequenceId) =>
      requestJson(
        deps,
        {
          url: buildUrl(config.apiUrl, CLICKMAP_API_PATHS.sequenceReport(sequenceId)),
          method: 'GET',
          headers: headers(config),
        },
        SequenceReportSchema,
      ),
    templateNames: async () => {
      const url = buildUrl(config.apiUrl, CLICKMAP_API_PATHS.templates);
      const list = await requestJson(
        deps,
        { url, method: 'GET', headers: headers(config) },
        TemplateListSchema,
      );
      return new Map(list.templates.map((t) => [t.id, t.name]));
    },
    campaigns: async (templateId) => {
      const url = buildUrl(
        config.apiUrl,
        CLICKMAP_API_PATHS.campaigns,
        templateId ? { templateId } : {},
      );
      const list = await requestJson(
        deps,
        { url, method: 'GET', headers: headers(config) },
        CampaignListSchema,
      );
      return list.campaigns;
    },
    match: (request) =>
      requestJson(
        deps,
        {
          url: buildUrl(config.apiUrl, CLICKMAP_API_PATHS.match),
          method: 'POST',
          headers: { ...headers(config), 'Content-Type': 'application/json' },
          body: JSON.stringify(request),
        },
        MatchResultSchema,
      ),
  };
  return source;
}

export type ClickMapApiSource = ReturnType<typeof createClickMapApiSource>;
