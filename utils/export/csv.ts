/**
 * RFC 4180 CSV for Excel: CRLF line ends, fields quoted when they hold a quote,
 * comma, CR or LF (quotes doubled), UTF-8 with a BOM so Excel reads accents,
 * and formula-injection safe: a text cell starting with = + - @ TAB or CR is
 * prefixed with ' (OWASP CSV injection guidance). Numbers are written as is;
 * rates as percentages ("12.5%", which spreadsheets read as 0.125 shown as a
 * percentage), to 4 decimals of a percent.
 */
import type { CellValue, ExportTable } from './report-table.ts';

const BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** A fraction as a percentage: 0.125 → "12.5%", 1/3 → "33.3333%". */
export function percentText(fraction: number): string {
  return Number.isFinite(fraction) ? `${Number((fraction * 100).toFixed(4))}%` : '';
}

export function csvCell(value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'object') return percentText(value.percent);
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(cells: CellValue[]): string {
  return cells.map(csvCell).join(',');
}

/** Several tables in one file (one BOM), a blank line between them. */
export function tablesToCsv(tables: readonly ExportTable[]): string {
  return BOM + tables.map((table) => tableToCsv(table).slice(BOM.length)).join('\r\n');
}

/** The header block and a blank line (when any), the table, a blank line, then the totals as two-column rows. */
export function tableToCsv(table: ExportTable): string {
  const header = table.header ?? [];
  const lines = [
    ...header.map(([k, v]) => csvLine([k, v])),
    ...(header.length > 0 ? [''] : []),
    csvLine(table.columns),
    ...table.rows.map(csvLine),
    '',
    ...table.totals.map(([k, v]) => csvLine([k, v])),
  ];
  return BOM + lines.join('\r\n') + '\r\n';
}
