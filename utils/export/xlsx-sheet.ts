/**
 * Pure table → write-excel-file sheet data mapping (no I/O), shared by the
 * node writer (Buffer) and the browser writer (Blob). Rates become numbers
 * with a percentage format; headers are bold.
 */
import type { CellObject, SheetData } from 'write-excel-file/universal';
import type { CellValue, ExportTable } from './report-table.ts';
import { RATE_COLUMNS, RATE_TOTALS } from './report-table.ts';

const PERCENT = '0.00%';

function cell(value: CellValue, percent: boolean): CellObject | null {
  if (value === null) return null;
  if (typeof value === 'number')
    return { type: Number, value, ...(percent ? { format: PERCENT } : {}) };
  return { type: String, value };
}

export function tableToSheet(table: ExportTable): SheetData {
  const header = table.columns.map((title): CellObject => ({
    type: String,
    value: title,
    fontWeight: 'bold',
  }));
  const rates = table.rateColumns ?? RATE_COLUMNS;
  const body = table.rows.map((row) => row.map((value, i) => cell(value, rates.has(i))));
  const totals = table.totals.map(([label, value]) => [
    { type: String, value: label, fontWeight: 'bold' } as CellObject,
    cell(value, RATE_TOTALS.has(label)),
  ]);
  return [header, ...body, [], ...totals];
}

/** Several tables on one sheet, a blank row between them. */
export function tablesToSheet(tables: readonly ExportTable[]): SheetData {
  return tables.flatMap((table, i) => [...(i > 0 ? [[]] : []), ...tableToSheet(table)]);
}

export const SHEET_OPTIONS = {
  sheet: 'Click map',
  columns: [{ width: 60 }, { width: 30 }, ...Array(5).fill({ width: 14 })],
};

export const SEQUENCE_SHEET_OPTIONS = {
  sheet: 'Sequence',
  columns: [{ width: 40 }, { width: 30 }, ...Array(5).fill({ width: 14 })],
};
