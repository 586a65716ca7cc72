/**
 * Valibot schema of the generic ingestion format (POST /v1/events): the
 * EmailEvent model of utils/report/model.ts, one object per event. Used by
 * the reference server and by anyone producing events for it.
 */
import * as v from 'valibot';

const text = v.pipe(v.string(), v.minLength(1), v.maxLength(2048));
const base = {
  id: text,
  campaignId: text,
  recipient: text,
  at: v.pipe(v.number(), v.integer(), v.minValue(0)),
  userAgent: v.optional(v.pipe(v.string(), v.maxLength(4096))),
  ip: v.optional(v.pipe(v.string(), v.maxLength(64))),
};

export const EmailEventSchema = v.variant('type', [
  v.strictObject({ ...base, type: v.literal('sent') }),
  v.strictObject({ ...base, type: v.literal('delivered') }),
  v.strictObject({ ...base, type: v.literal('bounce'), kind: v.picklist(['hard', 'soft']) }),
  v.strictObject({ ...base, type: v.literal('open') }),
  v.strictObject({
    ...base,
    type: v.literal('click'),
    linkId: v.optional(text),
    url: v.pipe(v.string(), v.maxLength(8192)),
    finalUrl: v.optional(v.pipe(v.string(), v.maxLength(8192))),
  }),
  v.strictObject({
    ...base,
    type: v.literal('unsubscribe'),
    method: v.picklist(['link', 'list-unsubscribe', 'other']),
    linkId: v.optional(text),
  }),
  v.strictObject({ ...base, type: v.literal('complaint') }),
]);
