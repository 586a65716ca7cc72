/**
 * TypeScript types of Click Map API v1 responses, inferred from the valibot
 * schemas, plus compile-time checks that the report schemas produce exactly
 * the shared report types of utils/report (a drift fails `tsc`).
 */
import type * as v from 'valibot';
import type { ClickMapReport, SequenceReport } from '../report/report-types.ts';
import type { Campaign, EmailEvent, Placement, Sequence } from '../report/model.ts';
import type { EmailEventSchema } from './event-schema.ts';
import type { ClickMapReportSchema, SequenceReportSchema } from './report-schemas.ts';
import type {
  CampaignListSchema,
  CampaignSchema,
  HealthSchema,
  IngestResultSchema,
  MatchCandidateSchema,
  MatchResultSchema,
  PlacementSchema,
  ProblemSchema,
  SequenceListSchema,
  SequenceSchema,
  TemplateDetailSchema,
  TemplateListSchema,
  TemplateSummarySchema,
  TemplateVersionSummarySchema,
} from './catalog-schemas.ts';

export type ApiClickMapReport = v.InferOutput<typeof ClickMapReportSchema>;
export type ApiSequenceReport = v.InferOutput<typeof SequenceReportSchema>;
export type TemplateVersionSummary = v.InferOutput<typeof TemplateVersionSummarySchema>;
export type TemplateSummary = v.InferOutput<typeof TemplateSummarySchema>;
export type TemplateList = v.InferOutput<typeof TemplateListSchema>;
export type TemplateDetail = v.InferOutput<typeof TemplateDetailSchema>;
export type CampaignList = v.InferOutput<typeof CampaignListSchema>;
export type SequenceList = v.InferOutput<typeof SequenceListSchema>;
export type MatchCandidate = v.InferOutput<typeof MatchCandidateSchema>;
export type MatchResult = v.InferOutput<typeof MatchResultSchema>;
export type Health = v.InferOutput<typeof HealthSchema>;
export type IngestResult = v.InferOutput<typeof IngestResultSchema>;
export type Problem = v.InferOutput<typeof ProblemSchema>;

/** What the extension sends to POST /v1/match: what the preview shows. */
export interface MatchRequest {
  hrefs: string[];
  /**
   * Link text (else image alt) of each href, same order: placement evidence
   * for tracking links whose token differs per reader.
   */
  texts?: string[];
  subject?: string;
  sender?: string;
  /** Base URL of the preview page, to resolve relative hrefs. */
  base?: string;
}

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;

// Compile-time drift checks between schemas and the shared model.
export type _ReportMatches = Assert<Same<ApiClickMapReport, ClickMapReport>>;
export type _SequenceMatches = Assert<Same<ApiSequenceReport, SequenceReport>>;
export type _CampaignMatches = Assert<Same<v.InferOutput<typeof CampaignSchema>, Campaign>>;
export type _PlacementMatches = Assert<Same<v.InferOutput<typeof PlacementSchema>, Placement>>;
export type _SequenceDefMatches = Assert<Same<v.InferOutput<typeof SequenceSchema>, Sequence>>;

export type _EventMatches = Assert<Same<v.InferOutput<typeof EmailEventSchema>, EmailEvent>>;
