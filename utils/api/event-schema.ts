/**
 * Valibot schema of the generic ingestion format (POST /v1/events): the
 * EmailEvent model of utils/report/model.ts, one object per event. Used by
 * the reference server and by anyone producing events for it.
 */
import * as v from 'valibot';
import { MAX_DATE_MS, wellFormed } from './scalars.ts';

const text = wellFormed(2048, 1);
/** Event time, epoch ms from 1970 to the end of the Date range (servers also refuse the future). */
export const EventTimeSchema = v.pipe(
  v.number(),
  v.safeInteger(),
  v.minValue(0),
  v.maxValue(MAX_DATE_MS),
);
const base = {
  id: text,
  campaignId: text,
  recipient: text,
  at: EventTimeSchema,
  userAgent: v.optional(wellFormed(4096)),
  ip: v.optional(wellFormed(64)),
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
    url: wellFormed(8192),
    finalUrl: v.optional(wellFormed(8192)),
  }),
  v.strictObject({
    ...base,
    type: v.literal('unsubscribe'),
    method: v.picklist(['link', 'list-unsubscribe', 'other']),
    linkId: v.optional(text),
  }),
  v.strictObject({ ...base, type: v.literal('complaint') }),
]);
