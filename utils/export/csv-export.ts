/** Report → CSV text (UTF-8 with BOM; wrap in a Blob with type text/csv in the extension). */
import type { ClickMapReport } from '../report/report-types.ts';
import { tableToCsv } from './csv.ts';
import { reportTable } from './report-table.ts';

export function reportToCsv(report: ClickMapReport): string {
  return tableToCsv(reportTable(report));
}
