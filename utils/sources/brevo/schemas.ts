/**
 * Valibot schemas of the Brevo (ex-Sendinblue) API v3 campaign responses we
 * read: GET /v3/emailCampaigns (the sent campaigns, to find the preview's by
 * subject) and GET /v3/emailCampaigns/{campaignId} (its statistics). Field
 * names: getbrevo/brevo-php docs/Model GetExtendedCampaignStats and
 * GetCampaignStats, developers.brevo.com reference (see
 * test/fixtures/api/PROVENANCE.md). Every count may be missing (older
 * campaigns, statistics not requested): missing is null, never 0.
 */
import * as v from 'valibot';

/** A documented count; absent or null is unknown (map.ts keeps it null, never 0). */
const count = v.nullish(v.pipe(v.number(), v.integer(), v.minValue(0)));

export const GlobalStatsSchema = v.object({
  uniqueClicks: count,
  /** Brevo: "Number of total clicks for the campaign". */
  clickers: count,
  complaints: count,
  delivered: count,
  sent: count,
  softBounces: count,
  hardBounces: count,
  uniqueViews: count,
  /** Recipients without privacy protection (their opens are trackable). */
  trackableViews: count,
  unsubscriptions: count,
  /** Brevo: "Number of openings for the campaign". */
  viewed: count,
});
export type BrevoGlobalStats = v.InferOutput<typeof GlobalStatsSchema>;

const SenderSchema = v.object({ email: v.optional(v.string()), name: v.optional(v.string()) });

export const CampaignSchema = v.object({
  id: v.pipe(v.number(), v.integer()),
  name: v.string(),
  subject: v.optional(v.string()),
  status: v.optional(v.string()),
  sentDate: v.optional(v.string()),
  scheduledAt: v.optional(v.string()),
  sender: v.optional(SenderSchema),
  statistics: v.optional(
    v.object({
      globalStats: v.optional(GlobalStatsSchema),
      /** URL → clicks ("Statistics about the number of clicks for the links"). */
      linksStats: v.optional(v.record(v.string(), v.pipe(v.number(), v.minValue(0)))),
    }),
  ),
});
export type BrevoCampaign = v.InferOutput<typeof CampaignSchema>;

export const CampaignListSchema = v.object({
  campaigns: v.optional(v.array(CampaignSchema), []),
  count: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
