/** Thin node writer: report → .xlsx Buffer (reference server, CLI, tests). */
import writeXlsxFile from 'write-excel-file/node';
import { reportTable, type ExportableReport } from './report-table.ts';
import type { SequenceReport } from '../report/report-types.ts';
import { sequenceTables } from './sequence-table.ts';
import {
  SEQUENCE_SHEET_OPTIONS,
  SHEET_OPTIONS,
  tablesToSheet,
  tableToSheet,
} from './xlsx-sheet.ts';

export async function reportToXlsxBuffer(report: ExportableReport): Promise<Buffer> {
  return writeXlsxFile(tableToSheet(reportTable(report)), SHEET_OPTIONS).toBuffer();
}

export async function sequenceToXlsxBuffer(report: SequenceReport): Promise<Buffer> {
  return writeXlsxFile(tablesToSheet(sequenceTables(report)), SEQUENCE_SHEET_OPTIONS).toBuffer();
}
