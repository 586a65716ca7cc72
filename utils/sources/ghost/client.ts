/**
 * Ghost Admin API client: every request carries a fresh Admin API JWT
 * (admin-token.ts) in `Authorization: Ghost <jwt>`. Two ways to the per-link
 * counts, giving the same numbers: GET /links (staff access tokens; Ghost
 * answers 403 to integration keys there) and the member click events of
 * GET /members/events (integration keys can read them), counted as distinct
 * members per tracked link, which is what /links' `count.clicks` is.
 */
import type { GenericSchema, InferOutput } from 'valibot';
import { t } from '../../i18n/i18n.ts';
import { buildUrl, requestJson, SourceError, type SourceDeps } from '../http.ts';
import { adminToken, parseAdminKey } from './admin-token.ts';
import {
  EventsSchema,
  LinksSchema,
  PostSchema,
  PostsSchema,
  type GhostClickEvent,
  type GhostLink,
  type GhostPost,
} from './schemas.ts';

export interface GhostConfig {
  /** The site's URL, e.g. https://blog.example.com (no trailing slash). */
  siteUrl: string;
  /** "<id>:<secret>": a staff access token or a custom integration's Admin API key. */
  adminKey: string;
}

/** Events per page of /members/events: Ghost 6.65 caps `limit` at 100 (it answers limit: 100). */
export const EVENTS_PAGE = 100;
/** A newsletter's clicks are bounded here (100 pages) so a looping API cannot hold us. */
const MAX_EVENT_PAGES = 100;

type Query = Record<string, string | number>;

export const adminApiBase = (siteUrl: string) => `${siteUrl.replace(/\/+$/, '')}/ghost/api/admin`;

/** A NQL string literal ('…' with ' and \ escaped). */
export const nqlString = (value: string) => `'${value.replace(/[\\']/g, (c) => `\\${c}`)}'`;

/** Ghost's NQL compares created_at as "YYYY-MM-DD HH:mm:ss" (UTC). */
export function nqlDate(iso: string): string {
  return new Date(iso).toISOString().slice(0, 19).replace('T', ' ');
}

export function createGhostClient(config: GhostConfig, deps: SourceDeps) {
  const key = parseAdminKey(config.adminKey);
  const base = adminApiBase(config.siteUrl);
  async function get<S extends GenericSchema>(
    path: string,
    schema: S,
    query: Query = {},
  ): Promise<InferOutput<S>> {
    if (!key) throw new SourceError('unauthorized', t('ghostKeyFormat'));
    const token = await adminToken(key, (deps.now ?? Date.now)());
    const url = buildUrl(base, path, query);
    return requestJson(
      deps,
      {
        url,
        method: 'GET',
        headers: { Authorization: `Ghost ${token}`, 'Accept-Version': 'v6.0' },
      },
      schema,
    ) as Promise<InferOutput<S>>;
  }

  return {
    get,

    post: async (postId: string): Promise<GhostPost> => {
      const body = await get(`/posts/${encodeURIComponent(postId)}/`, PostsSchema, {
        include: 'email,count.clicks',
        formats: 'mobiledoc',
        fields: 'id,title,url,published_at',
      });
      const post = body.posts[0];
      if (!post) throw new SourceError('not-found', t('ghostNoPost', postId));
      return post;
    },

    /** Tracked links of a post, in the email's order (link ids grow as Ghost creates them). */
    links: async (postId: string): Promise<GhostLink[]> => {
      const body = await get('/links/', LinksSchema, { filter: `post_id:${nqlString(postId)}` });
      return [...body.links].sort((a, b) => a.link.link_id.localeCompare(b.link.link_id));
    },

    /** Every click event of a post, newest first (created_at cursors; ids de-duplicate the seams). */
    clickEvents: async (postId: string): Promise<GhostClickEvent[]> => {
      const seen = new Map<string, GhostClickEvent>();
      let before: string | null = null;
      for (let page = 0; page < MAX_EVENT_PAGES; page++) {
        const filter: string =
          `type:click_event+data.post_id:${nqlString(postId)}` +
          (before ? `+data.created_at:<=${nqlString(nqlDate(before))}` : '');
        const body = await get('/members/events/', EventsSchema, { filter, limit: EVENTS_PAGE });
        const fresh = body.events.filter((e) => !seen.has(e.data.id));
        for (const event of fresh) seen.set(event.data.id, event);
        const last = body.events.at(-1);
        if (fresh.length === 0 || body.events.length < EVENTS_PAGE || !last) break;
        before = last.data.created_at;
      }
      return [...seen.values()];
    },

    /** Posts sent as newsletters, newest first (for the subject lookup). */
    sentPosts: async (): Promise<GhostPost[]> => {
      const body = await get('/posts/', PostsSchema, {
        filter: 'status:[published,sent]+email_recipient_filter:-none',
        include: 'email',
        fields: 'id,title,url,published_at',
        order: 'published_at desc',
        limit: 100,
      });
      return body.posts.filter((post) => post.email);
    },
  };
}

export type GhostClient = ReturnType<typeof createGhostClient>;
export { PostSchema };
