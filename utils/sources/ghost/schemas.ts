/**
 * Valibot schemas of the Ghost Admin API responses the source reads, checked
 * against live responses of Ghost 6.65 (test/fixtures/api/ghost/, captured
 * from the rig in test/e2e/ghost/; PROVENANCE.md there):
 * - GET /posts/{id}/?include=email,count.clicks — the newsletter's totals;
 * - GET /links/?filter=post_id:'{id}' — every tracked link (one per
 *   placement) with `count.clicks` = distinct members who clicked it;
 * - GET /members/events/?filter=type:click_event+data.post_id:'{id}' — one
 *   event per click (the integration-key path: integrations get 403 on /links);
 * - GET /posts/?filter=… — sent posts, to find a preview's post by subject.
 */
import * as v from 'valibot';

const count = v.pipe(v.number(), v.integer(), v.minValue(0));
/** Ghost object ids: 24 hex (BSON ObjectId). */
const objectId = v.pipe(v.string(), v.regex(/^[0-9a-f]{24}$/));

export const EmailSchema = v.object({
  id: objectId,
  status: v.string(),
  subject: v.nullish(v.string()),
  /** Recipients the email was sent to. */
  email_count: count,
  /** From Mailgun's `delivered` events (Ghost polls them every 5 minutes). */
  delivered_count: count,
  /** Members with at least one tracked open (Mailgun `opened` events). */
  opened_count: count,
  /** Permanent failures (Mailgun `failed`, severity permanent). */
  failed_count: count,
  track_opens: v.optional(v.boolean()),
  track_clicks: v.optional(v.boolean()),
  submitted_at: v.nullish(v.string()),
});
export type GhostEmail = v.InferOutput<typeof EmailSchema>;

export const PostSchema = v.object({
  id: objectId,
  title: v.string(),
  url: v.optional(v.string()),
  published_at: v.nullish(v.string()),
  email: v.nullish(EmailSchema),
  /** With include=count.clicks: members who clicked any link of the email. */
  count: v.optional(v.object({ clicks: v.optional(count) })),
});
export type GhostPost = v.InferOutput<typeof PostSchema>;

export const PostsSchema = v.object({ posts: v.array(PostSchema) });

export const LinkSchema = v.object({
  post_id: objectId,
  link: v.object({
    link_id: objectId,
    /** The tracked URL in the email: <site>/r/<8 hex>. */
    from: v.string(),
    /** The destination. */
    to: v.string(),
  }),
  count: v.object({ clicks: count }),
});
export type GhostLink = v.InferOutput<typeof LinkSchema>;

export const LinksSchema = v.object({ links: v.array(LinkSchema) });

/** A click as /members/events gives it: the link by its redirect path only (/r/<hash>), no link id. */
export const ClickEventSchema = v.object({
  type: v.literal('click_event'),
  data: v.object({
    id: objectId,
    created_at: v.string(),
    member: v.object({ id: objectId }),
    post: v.nullish(v.object({ id: objectId })),
    link: v.object({ from: v.string(), to: v.string() }),
  }),
});
export type GhostClickEvent = v.InferOutput<typeof ClickEventSchema>;

export const EventsSchema = v.object({
  events: v.array(ClickEventSchema),
  meta: v.object({
    /**
     * Ghost caps `limit` at 100 (then answers the number 100) and otherwise
     * echoes the asked limit as a string ("100"); no next page is given:
     * pages are created_at cursors.
     */
    pagination: v.object({
      total: v.nullish(count),
      limit: v.union([count, v.pipe(v.string(), v.regex(/^\d+$/))]),
    }),
  }),
});
