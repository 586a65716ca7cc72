/**
 * Public surface of the report sources: one factory the background calls with
 * the user's saved source settings and its ky-based `http`.
 */
import { createClickMapApiSource } from './clickmap-api.ts';
import type { ClickMapApiConfig } from './clickmap-api.ts';
import type { SourceDeps } from './http.ts';
import { createListmonkSource } from './listmonk.ts';
import type { ListmonkConfig } from './listmonk.ts';
import { createMailchimpSource } from './mailchimp.ts';
import type { MailchimpConfig } from './mailchimp.ts';
import { createMauticSource } from './mautic.ts';
import type { MauticConfig } from './mautic.ts';
import type { ReportSource } from './source.ts';

export type SourceConfig =
  | ({ kind: 'clickmap-api' } & ClickMapApiConfig)
  | ({ kind: 'mailchimp' } & MailchimpConfig)
  | ({ kind: 'listmonk' } & ListmonkConfig)
  | ({ kind: 'mautic' } & MauticConfig);

export function createSource(config: SourceConfig, deps: SourceDeps): ReportSource {
  switch (config.kind) {
    case 'clickmap-api':
      return createClickMapApiSource(config, deps);
    case 'mailchimp':
      return createMailchimpSource(config, deps);
    case 'listmonk':
      return createListmonkSource(config, deps);
    case 'mautic':
      return createMauticSource(config, deps);
  }
}

export type { ReportQuery, ReportSource } from './source.ts';
export type {
  SourceKind,
  SourceLinkRow,
  SourceNote,
  SourceReport,
  SourceTotals,
} from './source-report.ts';
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
