/**
 * listmonk source: GET /api/campaigns/{id} plus the campaign analytics
 * (views, clicks, bounces, links) over the period, and a campaign lookup by
 * UUID for matching (listmonk tracking links carry the campaign UUID).
 * Auth: listmonk ≥ v4 API users, `Authorization: token <user>:<token>`.
 */
import type { Period } from '../../report/model.ts';
import { buildUrl, requestJson } from '../http.ts';
import type { HttpRequest, SourceDeps } from '../http.ts';
import type { GenericSchema, InferOutput } from 'valibot';
import {
  ListmonkAnalyticsCountsSchema,
  ListmonkAnalyticsLinksSchema,
  ListmonkCampaignResponseSchema,
  ListmonkCampaignsPageSchema,
} from './schemas.ts';
import type { ListmonkCampaign } from './schemas.ts';
import {
  LISTMONK_CAPABILITIES,
  listmonkCampaignInfo,
  mapListmonkReport,
  sumAnalytics,
} from './map.ts';
import type { ListmonkAnalytics, ListmonkCampaignInfo } from './map.ts';
import type { ReportQuery, ReportSource } from '../source.ts';
import type { SourceReport } from '../source-report.ts';
import { sumReports } from '../sum-reports.ts';

export interface ListmonkConfig {
  /** Root of the listmonk install, e.g. https://lists.example.org */
  baseUrl: string;
  username: string;
  token: string;
}

type Query = Record<string, string | number | string[]>;

export function listmonkRequest(
  config: ListmonkConfig,
  path: string,
  query: Query = {},
): HttpRequest {
  return {
    url: buildUrl(config.baseUrl, `/api${path}`, query),
    method: 'GET',
    headers: {
      Authorization: `token ${config.username}:${config.token}`,
      Accept: 'application/json',
    },
  };
}

const LIST_PAGE_SIZE = 100;
const MAX_LIST_PAGES = 50;

/** The campaign's whole life unless a period narrows it. */
export function analyticsWindow(
  campaign: ListmonkCampaign,
  period: Period | undefined,
  now: number,
) {
  const start = Date.parse(campaign.started_at ?? campaign.created_at);
  return { from: period?.from ?? start, to: period?.to ?? now };
}

export function createListmonkClient(config: ListmonkConfig, deps: SourceDeps) {
  const get = <S extends GenericSchema>(
    path: string,
    schema: S,
    query: Query = {},
  ): Promise<InferOutput<S>> => requestJson(deps, listmonkRequest(config, path, query), schema);

  const analytics = async (
    campaignId: string,
    window: { from: number; to: number },
  ): Promise<ListmonkAnalytics> => {
    const query = {
      id: campaignId,
      from: new Date(window.from).toISOString(),
      to: new Date(window.to).toISOString(),
    };
    const [views, clicks, bounces, links] = await Promise.all([
      get('/campaigns/analytics/views', ListmonkAnalyticsCountsSchema, query),
      get('/campaigns/analytics/clicks', ListmonkAnalyticsCountsSchema, query),
      get('/campaigns/analytics/bounces', ListmonkAnalyticsCountsSchema, query),
      get('/campaigns/analytics/links', ListmonkAnalyticsLinksSchema, query),
    ]);
    return sumAnalytics(views.data, clicks.data, bounces.data, links.data);
  };

  return {
    campaign: async (campaignId: string) =>
      (await get(`/campaigns/${encodeURIComponent(campaignId)}`, ListmonkCampaignResponseSchema))
        .data,

    analytics,

    /** listmonk has no GET-by-UUID: page through the campaigns (bodies left out) until it shows up. */
    campaignByUuid: async (uuid: string): Promise<ListmonkCampaignInfo | null> => {
      for (let page = 1; page <= MAX_LIST_PAGES; page++) {
        const { data } = await get('/campaigns', ListmonkCampaignsPageSchema, {
          page,
          per_page: LIST_PAGE_SIZE,
          no_body: 'true',
        });
        const found = data.results.find((campaign) => campaign.uuid === uuid);
        if (found) return listmonkCampaignInfo(found);
        if (data.results.length === 0 || page * data.per_page >= data.total) return null;
      }
      return null;
    },
  };
}

export type ListmonkClient = ReturnType<typeof createListmonkClient>;

export function createListmonkSource(config: ListmonkConfig, deps: SourceDeps): ReportSource {
  const client = createListmonkClient(config, deps);
  const now = deps.now ?? Date.now;
  return {
    kind: 'listmonk',
    capabilities: LISTMONK_CAPABILITIES,
    async report(query: ReportQuery): Promise<SourceReport> {
      const generatedAt = now();
      const reports: SourceReport[] = [];
      for (const campaignId of query.campaignIds) {
        const campaign = await client.campaign(campaignId);
        const window = analyticsWindow(campaign, query.period, generatedAt);
        const analytics = await client.analytics(campaignId, window);
        const options = { period: window, generatedAt };
        reports.push(
          mapListmonkReport(
            campaign,
            analytics,
            query.templateId ? { ...options, templateId: query.templateId } : options,
          ),
        );
      }
      const templateId = query.templateId ?? reports[0]?.templateId ?? '';
      return sumReports(reports, templateId, generatedAt);
    },
  };
}
