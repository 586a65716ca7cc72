/** Thin browser writer: report → .xlsx Blob for the extension's download. */
import writeXlsxFile from 'write-excel-file/browser';
import { reportTable, type ExportableReport } from './report-table.ts';
import type { SequenceReport } from '../report/report-types.ts';
import { sequenceTables } from './sequence-table.ts';
import {
  SEQUENCE_SHEET_OPTIONS,
  SHEET_OPTIONS,
  tablesToSheet,
  tableToSheet,
} from './xlsx-sheet.ts';

export async function reportToXlsxBlob(report: ExportableReport): Promise<Blob> {
  return writeXlsxFile(tableToSheet(reportTable(report)), SHEET_OPTIONS).toBlob();
}

export async function sequenceToXlsxBlob(report: SequenceReport): Promise<Blob> {
  return writeXlsxFile(tablesToSheet(sequenceTables(report)), SEQUENCE_SHEET_OPTIONS).toBlob();
}
