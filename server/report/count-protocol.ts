/** Messages between ReportThreads and its count workers (structured-cloned). */
import type { EventColumns } from '../../utils/report/event-columns.ts';
import type { Period } from '../../utils/report/model.ts';
import type { ReportOptions } from '../../utils/report/options.ts';
import type { RecipientPart } from '../../utils/report/partition.ts';
import type { ReportCounts } from '../../utils/report/row-tally.ts';

/** Options that cross a thread boundary: no `identify` (a function); the default normaliser is used. */
export type ThreadReportOptions = Omit<Partial<ReportOptions>, 'identify'>;

export interface CountRequest {
  id: number;
  columns: EventColumns;
  campaignIds: readonly string[];
  period: Period;
  options: ThreadReportOptions;
  assumeSorted: boolean;
  part: RecipientPart;
}

export type CountReply =
  { id: number; counts: ReportCounts } | { id: number; error: string } | { id: -1; ready: true };
