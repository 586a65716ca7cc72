/**
 * Brevo (ex-Sendinblue) API v3 source: a campaign's statistics
 * (GET /emailCampaigns/{id}), the sent campaigns (GET /emailCampaigns,
 * limit/offset pages up to the response's `count`), and the campaigns of one
 * template summed. Auth: the `api-key` header. Brevo's tracking links are
 * opaque tokens, so the preview's campaign is found by its subject among the
 * sent campaigns (campaignBySubject).
 */
import type { GenericSchema, InferOutput } from 'valibot';
import { buildUrl, requestJson, type HttpRequest, type SourceDeps } from '../http.ts';
import { collectPages } from '../paginate.ts';
import type { ReportQuery, ReportSource } from '../source.ts';
import type { SourceReport } from '../source-report.ts';
import { sumReports } from '../sum-reports.ts';
import { BREVO_CAPABILITIES, mapBrevoCampaign } from './map.ts';
import { CampaignListSchema, CampaignSchema, type BrevoCampaign } from './schemas.ts';

export interface BrevoConfig {
  apiKey: string;
  /** Overrides https://api.brevo.com/v3 (tests, proxies). */
  baseUrl?: string;
}

export const BREVO_API = 'https://api.brevo.com/v3';
/** Campaigns per page of GET /emailCampaigns (its documented maximum is 100). */
export const BREVO_PAGE_SIZE = 100;

type Query = Record<string, string | number>;

export function brevoRequest(config: BrevoConfig, path: string, query: Query = {}): HttpRequest {
  return {
    url: buildUrl(config.baseUrl ?? BREVO_API, path, query),
    method: 'GET',
    headers: { 'api-key': config.apiKey, Accept: 'application/json' },
  };
}

export function createBrevoClient(config: BrevoConfig, deps: SourceDeps) {
  const get = <S extends GenericSchema>(path: string, schema: S, query: Query = {}) =>
    requestJson(deps, brevoRequest(config, path, query), schema) as Promise<InferOutput<S>>;
  return {
    campaign: (campaignId: string): Promise<BrevoCampaign> =>
      get(`/emailCampaigns/${encodeURIComponent(campaignId)}`, CampaignSchema, {
        excludeHtmlContent: 'true',
      }),

    /** Sent classic campaigns, newest first, without their HTML. */
    sentCampaigns: (): Promise<BrevoCampaign[]> =>
      collectPages(async (offset, limit) => {
        const page = await get('/emailCampaigns', CampaignListSchema, {
          type: 'classic',
          status: 'sent',
          limit,
          offset,
          sort: 'desc',
          excludeHtmlContent: 'true',
        });
        return { items: page.campaigns, total: page.count };
      }, BREVO_PAGE_SIZE),
  };
}

export type BrevoClient = ReturnType<typeof createBrevoClient>;

/** Whitespace-insensitive, case-insensitive; personalisation tags ({{ contact.X }}, {FNAME}) match anything. */
export function subjectPattern(subject: string): RegExp {
  const parts = subject
    .trim()
    .split(/\{\{[^}]*\}\}|\{[A-Z_]+\}/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'));
  return new RegExp(`^${parts.join('.+')}$`, 'i');
}

export interface SubjectMatch {
  campaign: BrevoCampaign;
  /** Other sent campaigns with the same subject (and sender, when known). */
  alike: number;
}

/** The most recent sent campaign whose subject (and sender, when both are known) is the preview's. */
export function campaignBySubject(
  campaigns: readonly BrevoCampaign[],
  subject: string,
  sender?: string,
): SubjectMatch | null {
  const wanted = subject.replace(/\s+/g, ' ').trim();
  const bySubject = campaigns.filter((c) => c.subject && subjectPattern(c.subject).test(wanted));
  const from = sender?.trim().toLowerCase();
  const bySender = from
    ? bySubject.filter((c) => c.sender?.email?.toLowerCase() === from)
    : bySubject;
  const found = bySender.length > 0 ? bySender : bySubject;
  const when = (c: BrevoCampaign) => Date.parse(c.sentDate ?? c.scheduledAt ?? '') || 0;
  const [newest] = [...found].sort((a, b) => when(b) - when(a));
  return newest ? { campaign: newest, alike: found.length - 1 } : null;
}

export function createBrevoSource(config: BrevoConfig, deps: SourceDeps): ReportSource {
  const client = createBrevoClient(config, deps);
  const now = deps.now ?? Date.now;
  return {
    kind: 'brevo',
    capabilities: BREVO_CAPABILITIES,
    async report(query: ReportQuery): Promise<SourceReport> {
      const generatedAt = now();
      const reports: SourceReport[] = [];
      // Sequential: Brevo rate-limits per key; one campaign's statistics at a time.
      for (const campaignId of query.campaignIds) {
        const campaign = await client.campaign(campaignId);
        reports.push(
          mapBrevoCampaign(
            campaign,
            query.period ? { period: query.period, generatedAt } : { generatedAt },
          ),
        );
      }
      const templateId = query.templateId ?? query.campaignIds[0] ?? '';
      return sumReports(reports, templateId, generatedAt);
    },
  };
}
