/**
 * Valibot schemas of the report payloads of Click Map API v1 (ClickMapReport,
 * SequenceReport). The extension validates every response at the boundary
 * with them; the reference server's tests check its real responses pass.
 * They mirror utils/report/report-types.ts; the type-level checks in
 * ./types.ts fail the typecheck if the two drift apart.
 */
import * as v from 'valibot';
import { ALL_CAPABILITIES } from '../report/report-types.ts';
import { count, millis, ratio } from './scalars.ts';

/** A rate is a fraction in [0, 1] or null when its denominator is 0. */
const rate = v.nullable(v.pipe(v.number(), v.minValue(0), v.maxValue(1)));

export const CapabilitySchema = v.picklist(ALL_CAPABILITIES);

export const PeriodSchema = v.object({
  from: v.optional(millis),
  to: v.optional(millis),
});

export const ClickMapTotalsSchema = v.object({
  sent: count,
  delivered: v.nullable(count),
  bounces: v.object({ hard: count, soft: count }),
  uniqueOpens: count,
  clickImpliedOpens: count,
  bouncePixelOpens: count,
  uniqueClicks: count,
  totalClicks: count,
  unsubscribed: count,
  unsubscribedBy: v.object({ link: count, listUnsubscribe: count, other: count }),
  complaints: count,
  machineClicks: count,
  ctr: ratio,
  ctor: ratio,
});

export const ClickMapLinkRowSchema = v.object({
  rowKey: v.pipe(v.string(), v.minLength(1)),
  linkId: v.nullable(v.string()),
  ordinal: v.nullable(count),
  url: v.string(),
  key: v.string(),
  name: v.string(),
  dynamic: v.boolean(),
  finalDomain: v.nullable(v.string()),
  isUnsubscribe: v.boolean(),
  uniqueClicks: count,
  totalClicks: count,
  machineClicks: count,
  shareOfClicks: rate,
  ctr: ratio,
  ctor: ratio,
});

export const VersionPeriodSchema = v.object({
  versionId: v.string(),
  contentHash: v.string(),
  from: millis,
  to: v.nullable(millis),
});

export const ClickMapReportSchema = v.object({
  templateId: v.string(),
  versionId: v.nullable(v.string()),
  period: PeriodSchema,
  campaignIds: v.array(v.string()),
  machineClicksIncluded: v.boolean(),
  totals: ClickMapTotalsSchema,
  links: v.array(ClickMapLinkRowSchema),
  versions: v.array(VersionPeriodSchema),
  capabilities: v.array(CapabilitySchema),
  generatedAt: millis,
});

export const SequenceStepRowSchema = v.object({
  step: v.pipe(count, v.minValue(1)),
  name: v.string(),
  campaignId: v.string(),
  sent: count,
  singleOpens: count,
  bouncePixelOpens: v.optional(count),
  singleClicks: count,
  openRate: rate,
  clickRate: rate,
});

export const ClickPerformanceRowSchema = v.object({
  address: v.string(),
  name: v.string(),
  step: v.pipe(count, v.minValue(1)),
  clicks: count,
  clickRate: ratio,
});

export const SequenceReportSchema = v.object({
  sequenceId: v.string(),
  name: v.string(),
  steps: v.array(SequenceStepRowSchema),
  summary: v.object({
    sent: count,
    singleOpens: count,
    singleClicks: count,
    openRate: rate,
    clickRate: rate,
  }),
  clickPerformance: v.array(ClickPerformanceRowSchema),
});
