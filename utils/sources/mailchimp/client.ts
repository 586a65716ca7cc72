/**
 * Mailchimp Marketing API v3 source: campaign report, click-details
 * (count/offset pagination), open-details, unsubscribed, and the campaigns of
 * one template summed. Auth: the API key as Basic password (any user name);
 * the data centre is the key's suffix ("…-us11" → us11.api.mailchimp.com).
 */
import type { Period } from '../../report/model.ts';
import { basicAuth, buildUrl, requestJson } from '../http.ts';
import type { HttpRequest, SourceDeps } from '../http.ts';
import type { GenericSchema, InferOutput } from 'valibot';
import { collectPages } from '../paginate.ts';
import {
  CampaignReportSchema,
  CampaignsPageSchema,
  ClickDetailsPageSchema,
  OpenDetailsPageSchema,
  UnsubscribedPageSchema,
} from './schemas.ts';
import type { MailchimpClickDetail, MailchimpOpenMember, MailchimpUnsubscribe } from './schemas.ts';
import { MAILCHIMP_CAPABILITIES, mapMailchimpReport } from './map.ts';
import type { ReportSource } from '../source.ts';
import type { SourceReport } from '../source-report.ts';
import { perCampaignSource } from '../sum-reports.ts';

export interface MailchimpConfig {
  apiKey: string;
  /** Overrides https://<dc>.api.mailchimp.com/3.0 (tests, proxies). */
  baseUrl?: string;
}

/** Mailchimp's maximum `count` per page. */
export const MAILCHIMP_PAGE_SIZE = 1000;

export function mailchimpBaseUrl(config: MailchimpConfig): string {
  if (config.baseUrl) return config.baseUrl;
  const dc = /-([a-z]+\d+)$/.exec(config.apiKey.trim())?.[1];
  if (!dc) throw new Error('Mailchimp API key has no data-centre suffix (e.g. "-us11")'); // i18n-exempt: check() refuses such keys first
  return `https://${dc}.api.mailchimp.com/3.0`;
}

export function mailchimpRequest(
  config: MailchimpConfig,
  path: string,
  query: Record<string, string | number> = {},
): HttpRequest {
  return {
    url: buildUrl(mailchimpBaseUrl(config), path, query),
    method: 'GET',
    headers: {
      Authorization: basicAuth('clickmap-lens', config.apiKey),
      Accept: 'application/json',
    },
  };
}

const id = (campaignId: string) => encodeURIComponent(campaignId);

export function createMailchimpClient(config: MailchimpConfig, deps: SourceDeps) {
  const get = <S extends GenericSchema>(
    path: string,
    schema: S,
    query: Record<string, string | number> = {},
  ): Promise<InferOutput<S>> => requestJson(deps, mailchimpRequest(config, path, query), schema);

  return {
    campaignReport: (campaignId: string) => get(`/reports/${id(campaignId)}`, CampaignReportSchema),

    clickDetails: (campaignId: string): Promise<MailchimpClickDetail[]> =>
      collectPages(async (offset, count) => {
        const page = await get(`/reports/${id(campaignId)}/click-details`, ClickDetailsPageSchema, {
          count,
          offset,
        });
        return { items: page.urls_clicked, total: page.total_items };
      }, MAILCHIMP_PAGE_SIZE),

    openDetails: (campaignId: string): Promise<MailchimpOpenMember[]> =>
      collectPages(async (offset, count) => {
        const page = await get(`/reports/${id(campaignId)}/open-details`, OpenDetailsPageSchema, {
          count,
          offset,
        });
        return { items: page.members, total: page.total_items };
      }, MAILCHIMP_PAGE_SIZE),

    unsubscribed: (campaignId: string): Promise<MailchimpUnsubscribe[]> =>
      collectPages(async (offset, count) => {
        const page = await get(`/reports/${id(campaignId)}/unsubscribed`, UnsubscribedPageSchema, {
          count,
          offset,
        });
        return { items: page.unsubscribes, total: page.total_items };
      }, MAILCHIMP_PAGE_SIZE),

    /** Sent campaigns built from `templateId` (GET /campaigns has no template filter: we filter). */
    campaignIdsOfTemplate: async (templateId: number): Promise<string[]> => {
      const campaigns = await collectPages(async (offset, count) => {
        const page = await get('/campaigns', CampaignsPageSchema, {
          count,
          offset,
          status: 'sent',
          fields: 'campaigns.id,campaigns.send_time,campaigns.settings.template_id,total_items',
        });
        return { items: page.campaigns, total: page.total_items };
      }, MAILCHIMP_PAGE_SIZE);
      return campaigns.filter((c) => c.settings?.template_id === templateId).map((c) => c.id);
    },
  };
}

export type MailchimpClient = ReturnType<typeof createMailchimpClient>;

async function campaignSourceReport(
  client: MailchimpClient,
  campaignId: string,
  period: Period | undefined,
  generatedAt: number,
): Promise<SourceReport> {
  const [report, clicks] = await Promise.all([
    client.campaignReport(campaignId),
    client.clickDetails(campaignId),
  ]);
  return mapMailchimpReport(report, clicks, period ? { period, generatedAt } : { generatedAt });
}

export function createMailchimpSource(config: MailchimpConfig, deps: SourceDeps): ReportSource {
  const client = createMailchimpClient(config, deps);
  // One campaign at a time: Mailchimp allows 10 simultaneous connections per key; stay well under.
  return perCampaignSource('mailchimp', MAILCHIMP_CAPABILITIES, deps, (campaignId, query, at) =>
    campaignSourceReport(client, campaignId, query.period, at),
  );
}
