/**
 * The storage interface the HTTP layer talks to; the SQLite implementation is
 * ./sqlite-storage.ts. Another backend (Postgres, ClickHouse) implements this.
 */
import type {
  Campaign,
  EmailEvent,
  Sequence,
  Template,
  TemplateVersion,
} from '../../utils/report/model.ts';
import type { ClickMapReport, SequenceReport } from '../../utils/report/report-types.ts';
import type { TemplateSummary } from '../../utils/api/types.ts';
import type { ClaimResult, TokenClaim } from './webhook-tokens.ts';

/** A campaign as registered: the model plus the From header used for matching previews. */
export interface StoredCampaign extends Campaign {
  sender?: string;
}

export interface ClickMapQuery {
  templateId: string;
  versionId?: string;
  campaignIds?: string[];
  from?: number;
  to?: number;
  includeMachineClicks: boolean;
}

export interface IngestOutcome {
  stored: number;
  duplicates: number;
}

export interface Storage {
  putTemplate(template: Template): void;
  putVersion(version: TemplateVersion): void;
  putCampaign(campaign: StoredCampaign): void;
  putSequence(sequence: Sequence): void;
  listTemplates(): TemplateSummary[];
  getTemplate(id: string): Template | null;
  versionsOf(templateId: string): TemplateVersion[];
  getVersion(id: string): TemplateVersion | null;
  listCampaigns(templateId?: string): StoredCampaign[];
  getCampaign(id: string): StoredCampaign | null;
  listSequences(): Sequence[];
  getSequence(id: string): Sequence | null;
  /** Stores new events (by id; redelivered ids are counted as duplicates) in one transaction. */
  ingest(events: readonly EmailEvent[]): IngestOutcome;
  /** Remembers a signed webhook's token (one transaction); see ./webhook-tokens.ts. */
  claimToken(claim: TokenClaim): ClaimResult;
  eventCount(): number;
  /** Raw events of campaigns, for the exact slow path and the cross-check. */
  /** Raw events of the campaigns in the engine's processing order, streamed. */
  eventsOf(campaignIds: readonly string[]): Iterable<EmailEvent>;
  clickMap(query: ClickMapQuery): ClickMapReport;
  sequenceReport(sequenceId: string): SequenceReport;
  close(): void;
}
