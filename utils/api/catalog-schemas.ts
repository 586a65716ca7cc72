/**
 * Valibot schemas of the non-report responses of Click Map API v1: template
 * and campaign listings, sequences, link-to-template matching, health,
 * ingestion results and the RFC 9457 problem body of every error.
 */
import * as v from 'valibot';
import { VersionPeriodSchema } from './report-schemas.ts';
import { count, millis, wellFormed } from './scalars.ts';

/** Strings the server stores (ids, names, URLs): well-formed and bounded. */
const id = wellFormed(2048);
const text = wellFormed(8192);

export const PlacementSchema = v.object({
  linkId: id,
  ordinal: count,
  url: text,
  text: text,
  kind: v.optional(v.picklist(['link', 'unsubscribe', 'view-in-browser', 'mailto', 'tel'])),
});

export const TemplateVersionSummarySchema = v.object({
  ...VersionPeriodSchema.entries,
  subject: v.nullable(v.string()),
  linkCount: count,
});

export const TemplateSummarySchema = v.object({
  id: v.string(),
  name: v.string(),
  versions: v.array(TemplateVersionSummarySchema),
  campaignCount: count,
});

export const TemplateListSchema = v.object({ templates: v.array(TemplateSummarySchema) });

export const TemplateVersionSchema = v.object({
  id: v.string(),
  templateId: v.string(),
  contentHash: v.string(),
  createdAt: millis,
  subject: v.optional(v.string()),
  placements: v.array(PlacementSchema),
});

export const TemplateDetailSchema = v.object({
  id: v.string(),
  name: v.string(),
  versions: v.array(TemplateVersionSchema),
});

export const CampaignSchema = v.object({
  id: id,
  templateId: id,
  versionId: id,
  name: text,
  sentAt: millis,
  sequence: v.optional(v.object({ sequenceId: id, step: v.pipe(count, v.minValue(1)) })),
});

export const CampaignListSchema = v.object({ campaigns: v.array(CampaignSchema) });

export const SequenceSchema = v.object({
  id: id,
  name: text,
  steps: v.array(
    v.object({
      step: v.pipe(count, v.minValue(1)),
      campaignId: id,
      name: text,
    }),
  ),
});

export const SequenceListSchema = v.object({ sequences: v.array(SequenceSchema) });

export const MatchCandidateSchema = v.object({
  templateId: v.string(),
  versionId: v.string(),
  campaignId: v.nullable(v.string()),
  confidence: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
  reasons: v.array(v.string()),
});

export const MatchResultSchema = v.object({
  best: v.nullable(MatchCandidateSchema),
  candidates: v.array(MatchCandidateSchema),
  /** What the server left out of matching (too many or too long links), if anything. */
  notes: v.optional(v.array(v.string())),
});

export const HealthSchema = v.object({
  status: v.literal('ok'),
  version: v.string(),
  events: count,
});

export const IngestResultSchema = v.object({
  received: count,
  stored: count,
  duplicates: count,
  skipped: count,
  skippedReasons: v.array(v.string()),
});

export const ProblemSchema = v.object({
  type: v.string(),
  title: v.string(),
  status: v.pipe(v.number(), v.integer(), v.minValue(400), v.maxValue(599)),
  detail: v.string(),
});
