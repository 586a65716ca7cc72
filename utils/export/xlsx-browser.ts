/** Thin browser writer: report → .xlsx Blob for the extension's download. */
import writeXlsxFile from 'write-excel-file/browser';
import type { ClickMapReport } from '../report/report-types.ts';
import { reportTable } from './report-table.ts';
import { SHEET_OPTIONS, tableToSheet } from './xlsx-sheet.ts';

export async function reportToXlsxBlob(report: ClickMapReport): Promise<Blob> {
  return writeXlsxFile(tableToSheet(reportTable(report)), SHEET_OPTIONS).toBlob();
}
