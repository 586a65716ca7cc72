/**
 * Mautic source: GET /api/emails/{id} for sent/read counts and the body,
 * GET /api/stats/channel_url_trackables (channel=email, channel_id=id) for
 * per-URL hits, GET /api/stats/page_redirects (id in …) for their URLs.
 * Stats pages use start/limit. Auth: Basic (API user) or an OAuth2 token.
 */
import { basicAuth, buildUrl, requestJson } from '../http.ts';
import type { HttpRequest, SourceDeps } from '../http.ts';
import type { GenericSchema, InferOutput } from 'valibot';
import { collectPages } from '../paginate.ts';
import {
  MauticEmailResponseSchema,
  RedirectRowSchema,
  TrackableRowSchema,
  statsPageSchema,
} from './schemas.ts';
import type { MauticRedirect, MauticTrackable } from './schemas.ts';
import { MAUTIC_CAPABILITIES, linkCounts, mapMauticReport } from './map.ts';
import type { ReportQuery, ReportSource } from '../source.ts';
import type { SourceReport } from '../source-report.ts';
import { sumReports } from '../sum-reports.ts';

export type MauticConfig =
  | { baseUrl: string; username: string; password: string }
  | { baseUrl: string; accessToken: string };

type Query = Record<string, string | number | string[]>;

export const MAUTIC_PAGE_SIZE = 200;

export function mauticRequest(config: MauticConfig, path: string, query: Query = {}): HttpRequest {
  const authorization =
    'accessToken' in config
      ? `Bearer ${config.accessToken}`
      : basicAuth(config.username, config.password);
  return {
    url: buildUrl(config.baseUrl, `/api${path}`, query),
    method: 'GET',
    headers: { Authorization: authorization, Accept: 'application/json' },
  };
}

/** Mautic's `where[i][col|expr|val]` filter parameters. */
export function whereQuery(
  conditions: { col: string; expr: string; val: string | string[] }[],
): Query {
  const query: Query = {};
  conditions.forEach((condition, i) => {
    query[`where[${i}][col]`] = condition.col;
    query[`where[${i}][expr]`] = condition.expr;
    if (Array.isArray(condition.val)) query[`where[${i}][val][]`] = condition.val;
    else query[`where[${i}][val]`] = condition.val;
  });
  return query;
}

export function createMauticClient(config: MauticConfig, deps: SourceDeps) {
  const get = <S extends GenericSchema>(
    path: string,
    schema: S,
    query: Query = {},
  ): Promise<InferOutput<S>> => requestJson(deps, mauticRequest(config, path, query), schema);

  const statsRows = <S extends GenericSchema>(
    table: string,
    row: S,
    where: Query,
  ): Promise<InferOutput<S>[]> =>
    collectPages(async (start, limit) => {
      const page = await get(`/stats/${table}`, statsPageSchema(row), { start, limit, ...where });
      const rows = page.stats as InferOutput<S>[];
      // Without a total, a short page is the last one.
      const total =
        page.total ?? (rows.length < limit ? start + rows.length : Number.MAX_SAFE_INTEGER);
      return { items: rows, total };
    }, MAUTIC_PAGE_SIZE);

  return {
    email: async (emailId: string) =>
      (await get(`/emails/${encodeURIComponent(emailId)}`, MauticEmailResponseSchema)).email,

    trackables: (emailId: string): Promise<MauticTrackable[]> =>
      statsRows(
        'channel_url_trackables',
        TrackableRowSchema,
        whereQuery([
          { col: 'channel', expr: 'eq', val: 'email' },
          { col: 'channel_id', expr: 'eq', val: emailId },
        ]),
      ),

    redirects: async (ids: readonly number[]): Promise<MauticRedirect[]> => {
      if (ids.length === 0) return [];
      const val = ids.map(String);
      return statsRows(
        'page_redirects',
        RedirectRowSchema,
        whereQuery([{ col: 'id', expr: 'in', val }]),
      );
    },
  };
}

export function createMauticSource(config: MauticConfig, deps: SourceDeps): ReportSource {
  const client = createMauticClient(config, deps);
  const now = deps.now ?? Date.now;
  return {
    kind: 'mautic',
    capabilities: MAUTIC_CAPABILITIES,
    async report(query: ReportQuery): Promise<SourceReport> {
      const generatedAt = now();
      const periodRequested =
        query.period !== undefined &&
        (query.period.from !== undefined || query.period.to !== undefined);
      const reports: SourceReport[] = [];
      for (const emailId of query.campaignIds) {
        const [email, trackables] = await Promise.all([
          client.email(emailId),
          client.trackables(emailId),
        ]);
        const redirects = await client.redirects(trackables.map((t) => t.redirect_id));
        const options = { periodRequested, generatedAt };
        const counts = linkCounts(trackables, redirects);
        reports.push(
          mapMauticReport(
            email,
            counts,
            query.templateId ? { ...options, templateId: query.templateId } : options,
          ),
        );
      }
      return sumReports(reports, query.templateId ?? reports[0]?.templateId ?? '', generatedAt);
    },
  };
}
