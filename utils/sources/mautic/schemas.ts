/**
 * Valibot schemas of the Mautic REST API responses we read: GET
 * /api/emails/{id} (developer docs, _api_endpoint_emails.md) and GET
 * /api/stats/{table} rows, which come straight from the database and so
 * hold numbers as strings ("97"): they are coerced at this boundary.
 */
import * as v from 'valibot';

const count = v.pipe(v.number(), v.integer(), v.minValue(0));

/** A database integer that may arrive as a JSON number or a numeric string. */
export const dbInt = v.pipe(
  v.union([count, v.pipe(v.string(), v.regex(/^\d+$/, 'expected a non-negative integer string'))]),
  v.transform((value) => Number(value)),
);

export const MauticEmailResponseSchema = v.object({
  email: v.object({
    id: v.number(),
    name: v.string(),
    subject: v.nullish(v.string()),
    customHtml: v.nullish(v.string()),
    sentCount: count,
    readCount: count,
    dateAdded: v.nullish(v.string()),
    publishUp: v.nullish(v.string()),
    fromAddress: v.nullish(v.string()),
  }),
});
export type MauticEmail = v.InferOutput<typeof MauticEmailResponseSchema>['email'];

export const TrackableRowSchema = v.object({
  redirect_id: dbInt,
  channel_id: dbInt,
  channel: v.string(),
  hits: dbInt,
  unique_hits: dbInt,
});
export type MauticTrackable = v.InferOutput<typeof TrackableRowSchema>;

export const RedirectRowSchema = v.object({
  id: dbInt,
  redirect_id: v.string(),
  url: v.string(),
});
export type MauticRedirect = v.InferOutput<typeof RedirectRowSchema>;

/** `total` is optional: without it, a short page ends the listing. */
export function statsPageSchema<TRow extends v.GenericSchema>(row: TRow) {
  return v.object({ total: v.optional(dbInt), stats: v.array(row) });
}
