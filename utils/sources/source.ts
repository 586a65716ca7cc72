/**
 * The source interface: one implementation per provider module
 * (clickmap-api.ts, mailchimp.ts, listmonk.ts, mautic.ts). A source turns
 * the provider's API into SourceReports and declares its capabilities so the
 * panel can say which numbers it cannot give.
 */
import type { Period } from '../report/model.ts';
import type { Capability } from '../report/report-types.ts';
import type { SourceKind, SourceReport } from './source-report.ts';

export interface ReportQuery {
  /** Provider campaign ids; several ids are summed into one report (campaigns of one template). */
  campaignIds: string[];
  /** Template the campaigns share; defaults to the single campaign's own template or id. */
  templateId?: string;
  period?: Period;
  /** One template version (sources with versions); unset: all versions. */
  versionId?: string;
  /** Count suspected machine clicks (sources that detect them); unset: the source's default. */
  includeMachineClicks?: boolean;
}

export interface ReportSource {
  readonly kind: SourceKind;
  readonly capabilities: readonly Capability[];
  report(query: ReportQuery): Promise<SourceReport>;
}
