/**
 * Valibot schemas of the listmonk API responses we read (field names from
 * listmonk's docs/docs/content/apis/campaigns.md and models/*.go; see
 * test/fixtures/api/PROVENANCE.md). listmonk wraps every payload in `data`.
 */
import * as v from 'valibot';

const count = v.pipe(v.number(), v.integer(), v.minValue(0));

export const ListmonkCampaignSchema = v.object({
  id: v.number(),
  uuid: v.string(),
  name: v.string(),
  subject: v.string(),
  from_email: v.string(),
  body: v.optional(v.string()),
  status: v.string(),
  sent: count,
  to_send: count,
  views: count,
  clicks: count,
  bounces: v.optional(count),
  template_id: v.nullish(v.number()),
  created_at: v.string(),
  started_at: v.nullish(v.string()),
});
export type ListmonkCampaign = v.InferOutput<typeof ListmonkCampaignSchema>;

export const ListmonkCampaignResponseSchema = v.object({ data: ListmonkCampaignSchema });

export const ListmonkCampaignsPageSchema = v.object({
  data: v.object({
    results: v.array(ListmonkCampaignSchema),
    total: count,
    page: count,
    per_page: count,
  }),
});

/** views / clicks / bounces: counts per campaign per day. */
export const ListmonkAnalyticsCountsSchema = v.object({
  data: v.array(v.object({ campaign_id: v.number(), count, timestamp: v.string() })),
});

/** links: the top 50 URLs by clicks. */
export const ListmonkAnalyticsLinksSchema = v.object({
  data: v.array(v.object({ url: v.string(), count })),
});
export type ListmonkLinkCount = v.InferOutput<typeof ListmonkAnalyticsLinksSchema>['data'][number];
