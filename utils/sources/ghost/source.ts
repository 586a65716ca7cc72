/**
 * The Ghost report source: a post's email totals plus per-placement unique
 * clicks, from /links with a staff access token, or from member click events
 * when the key is a custom integration's (Ghost answers 403 to those on
 * /links). Ghost's 401 and 403 become messages that say what to change.
 */
import { t } from '../../i18n/i18n.ts';
import { SourceError, type SourceDeps } from '../http.ts';
import type { ReportSource } from '../source.ts';
import { perCampaignSource } from '../sum-reports.ts';
import { createGhostClient, type GhostClient, type GhostConfig } from './client.ts';
import {
  countsFromClickEvents,
  countsFromLinks,
  GHOST_CAPABILITIES,
  mapGhostNewsletter,
  type GhostLinkCount,
} from './map.ts';

/** Ghost's refusals, reworded: which key, which permission, what to do. */
export function explainRefusal(error: unknown, siteUrl: string): unknown {
  if (!(error instanceof SourceError) || error.kind !== 'unauthorized') return error;
  const status = error.status ?? 401;
  const detail = error.reason ? `${status}: ${error.reason}` : String(status);
  const extra = { status, ...(error.reason ? { reason: error.reason } : {}) };
  const message =
    status === 403 ? t('ghostRefused', siteUrl, detail) : t('ghostKeyRejected', siteUrl, detail);
  return new SourceError('unauthorized', message, extra);
}

const isForbidden = (error: unknown) =>
  error instanceof SourceError && error.kind === 'unauthorized' && error.status === 403;

/** Per-placement counts: /links, else (403: an integration key) the click events. */
export async function linkCounts(
  client: GhostClient,
  siteUrl: string,
  postId: string,
): Promise<{ via: 'links' | 'click-events'; counts: GhostLinkCount[] }> {
  try {
    return { via: 'links', counts: countsFromLinks(await client.links(postId)) };
  } catch (error) {
    if (!isForbidden(error)) throw error;
  }
  return {
    via: 'click-events',
    counts: countsFromClickEvents(await client.clickEvents(postId), siteUrl),
  };
}

export function createGhostSource(config: GhostConfig, deps: SourceDeps): ReportSource {
  const client = createGhostClient(config, deps);
  return perCampaignSource('ghost', GHOST_CAPABILITIES, deps, async (postId, query, at) => {
    try {
      const post = await client.post(postId);
      const { via, counts } = post.email
        ? await linkCounts(client, config.siteUrl, postId)
        : { via: 'links' as const, counts: [] };
      return mapGhostNewsletter(post, counts, {
        via,
        generatedAt: at,
        ...(query.period ? { period: query.period } : {}),
      });
    } catch (error) {
      throw explainRefusal(error, config.siteUrl);
    }
  });
}
