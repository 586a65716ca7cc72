/** Report or sequence → CSV text (UTF-8 with BOM; wrap in a Blob with type text/csv in the extension). */
import type { SequenceReport } from '../report/report-types.ts';
import { tablesToCsv, tableToCsv } from './csv.ts';
import { reportTable, type ExportableReport } from './report-table.ts';
import { sequenceTables } from './sequence-table.ts';

export function reportToCsv(report: ExportableReport): string {
  return tableToCsv(reportTable(report));
}

export function sequenceToCsv(report: SequenceReport): string {
  return tablesToCsv(sequenceTables(report));
}
