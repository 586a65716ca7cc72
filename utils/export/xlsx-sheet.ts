/**
 * Pure table → write-excel-file sheet data mapping (no I/O), shared by the
 * node writer (Buffer) and the browser writer (Blob). Rates become numbers
 * with a percentage format; labels and headers are bold. The header block
 * (what the file holds) comes first, as in the CSV.
 */
import type { CellObject, SheetData } from 'write-excel-file/universal';
import type { CellValue, ExportTable } from './report-table.ts';

const PERCENT = '0.00%';

function cell(value: CellValue): CellObject | null {
  if (value === null) return null;
  if (typeof value === 'number') return { type: Number, value };
  if (typeof value === 'object') return { type: Number, value: value.percent, format: PERCENT };
  return { type: String, value };
}

const labelled = ([label, value]: [string, CellValue]) => [
  { type: String, value: label, fontWeight: 'bold' } as CellObject,
  cell(value),
];

export function tableToSheet(table: ExportTable): SheetData {
  const header = (table.header ?? []).map(labelled);
  const columns = table.columns.map((title): CellObject => ({
    type: String,
    value: title,
    fontWeight: 'bold',
  }));
  const body = table.rows.map((row) => row.map(cell));
  const totals = table.totals.map(labelled);
  return [...header, ...(header.length > 0 ? [[]] : []), columns, ...body, [], ...totals];
}

/** Several tables on one sheet, a blank row between them. */
export function tablesToSheet(tables: readonly ExportTable[]): SheetData {
  return tables.flatMap((table, i) => [...(i > 0 ? [[]] : []), ...tableToSheet(table)]);
}

export const SHEET_OPTIONS = {
  sheet: 'Click map',
  columns: [
    { width: 14 },
    { width: 14 },
    { width: 60 },
    { width: 30 },
    ...Array(5).fill({ width: 14 }),
  ],
};

export const SEQUENCE_SHEET_OPTIONS = {
  sheet: 'Sequence',
  columns: [{ width: 40 }, { width: 30 }, ...Array(5).fill({ width: 14 })],
};
