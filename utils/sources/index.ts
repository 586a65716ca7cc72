/**
 * Public surface of the report sources: the registry (one descriptor per
 * provider, registry.ts) and the one report shape they all give.
 */
export {
  checkSource,
  createSource,
  sourceLabel,
  sourceOf,
  SOURCE_KINDS,
  SOURCES,
} from './registry.ts';
export type { SourceConfig, SourceKind, SourceSettings } from './registry.ts';
export type { ReportQuery, ReportSource } from './source.ts';
export type { SourceLinkRow, SourceNote, SourceReport, SourceTotals } from './source-report.ts';
export { missingCapabilities } from './source-report.ts';
export type {
  HttpFn,
  HttpRequest,
  HttpResponse,
  Sleep,
  SourceDeps,
  SourceErrorKind,
} from './http.ts';
export { SourceError } from './http.ts';
export { matchCampaign, decodeCampaignRef } from './campaign-match.ts';
export type { CampaignMatch, CampaignRef, ReceivedEmail } from './campaign-match.ts';
