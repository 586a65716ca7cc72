/**
 * Valibot schemas of the Mailchimp Marketing API v3 report responses we read.
 * Only the fields we map are required; the rest of each object passes through
 * unchecked (v.object strips unknown keys). Field names: Mailchimp's
 * TypeScript SDK types (see test/fixtures/api/PROVENANCE.md).
 */
import * as v from 'valibot';

const count = v.pipe(v.number(), v.integer(), v.minValue(0));

export const CampaignReportSchema = v.object({
  id: v.string(),
  campaign_title: v.optional(v.string()),
  subject_line: v.optional(v.string()),
  list_id: v.optional(v.string()),
  emails_sent: count,
  abuse_reports: count,
  unsubscribed: count,
  send_time: v.optional(v.string()),
  bounces: v.object({ hard_bounces: count, soft_bounces: count, syntax_errors: count }),
  opens: v.object({ opens_total: count, unique_opens: count }),
  clicks: v.object({ clicks_total: count, unique_clicks: count, unique_subscriber_clicks: count }),
});
export type MailchimpCampaignReport = v.InferOutput<typeof CampaignReportSchema>;

export const ClickDetailSchema = v.object({
  id: v.string(),
  url: v.string(),
  total_clicks: count,
  unique_clicks: count,
});
export type MailchimpClickDetail = v.InferOutput<typeof ClickDetailSchema>;

export const ClickDetailsPageSchema = v.object({
  urls_clicked: v.array(ClickDetailSchema),
  total_items: count,
});

export const OpenDetailMemberSchema = v.object({
  email_id: v.string(),
  email_address: v.string(),
  opens_count: count,
  proxy_excluded_opens_count: v.optional(count),
  opens: v.optional(
    v.array(v.object({ timestamp: v.string(), is_proxy_open: v.optional(v.boolean()) })),
  ),
});
export type MailchimpOpenMember = v.InferOutput<typeof OpenDetailMemberSchema>;

export const OpenDetailsPageSchema = v.object({
  members: v.array(OpenDetailMemberSchema),
  total_items: count,
});

export const UnsubscribeSchema = v.object({
  email_id: v.string(),
  email_address: v.string(),
  timestamp: v.string(),
  reason: v.optional(v.string()),
});
export type MailchimpUnsubscribe = v.InferOutput<typeof UnsubscribeSchema>;

export const UnsubscribedPageSchema = v.object({
  unsubscribes: v.array(UnsubscribeSchema),
  total_items: count,
});

/** GET /campaigns: only what finding a template's campaigns needs. */
export const CampaignsPageSchema = v.object({
  campaigns: v.array(
    v.object({
      id: v.string(),
      send_time: v.optional(v.string()),
      settings: v.optional(v.object({ template_id: v.optional(v.number()) })),
    }),
  ),
  total_items: count,
});
