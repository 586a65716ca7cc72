/** Thin node writer: report → .xlsx Buffer (reference server, CLI, tests). */
import writeXlsxFile from 'write-excel-file/node';
import type { ClickMapReport } from '../report/report-types.ts';
import { reportTable } from './report-table.ts';
import { SHEET_OPTIONS, tableToSheet } from './xlsx-sheet.ts';

export async function reportToXlsxBuffer(report: ClickMapReport): Promise<Buffer> {
  return writeXlsxFile(tableToSheet(reportTable(report)), SHEET_OPTIONS).toBuffer();
}
