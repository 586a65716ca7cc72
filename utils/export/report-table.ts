/**
 * Pure mapping of a ClickMapReport to the exported table: the panel table's
 * columns (link, name, unique clicks, % of total, CTR) plus total clicks and
 * CTOR, then a totals section. CSV and XLSX writers only serialise this.
 */
import type { ClickMapReport } from '../report/report-types.ts';

export type CellValue = string | number | null;

/** `T` with every count widened to "may be unknown" (null). */
type MaybeCounts<T> = {
  [K in keyof T]: T[K] extends number | null
    ? number | null
    : T[K] extends object
      ? MaybeCounts<T[K]>
      : T[K];
};

/**
 * What an export reads of a report: the engine's ClickMapReport and every
 * source's report (utils/sources/source-report.ts, counts a source cannot give
 * are null and export as empty cells) both have it.
 */
export type ExportableReport = MaybeCounts<Pick<ClickMapReport, 'links' | 'totals'>> &
  Pick<ClickMapReport, 'templateId' | 'versionId' | 'generatedAt'>;

export interface ExportTable {
  columns: string[];
  rows: CellValue[][];
  /** Label / value pairs shown under the table. */
  totals: [string, CellValue][];
  /** Columns holding rates (percent format in XLSX); default RATE_COLUMNS (the link table's). */
  rateColumns?: ReadonlySet<number>;
}

export const LINK_COLUMNS = [
  'Link',
  'Name',
  'Unique clicks',
  '% of total',
  'CTR',
  'Total clicks',
  'CTOR',
];

/** Rates are exported as fractions (0.25 = 25%), rounded nowhere: the sheet formats them. */
export function reportTable(report: ExportableReport): ExportTable {
  const t = report.totals;
  return {
    columns: LINK_COLUMNS,
    rows: report.links.map((row) => [
      row.dynamic && row.finalDomain ? `${row.url} (${row.finalDomain})` : row.url,
      row.name,
      row.uniqueClicks,
      row.shareOfClicks,
      row.ctr,
      row.totalClicks,
      row.ctor,
    ]),
    totals: [
      ['Sent', t.sent],
      ['Delivered', t.delivered],
      ['Hard bounces', t.bounces.hard],
      ['Soft bounces', t.bounces.soft],
      ['Unique opens', t.uniqueOpens],
      ['Click-implied opens', t.clickImpliedOpens],
      ['Bounce pixel opens', t.bouncePixelOpens],
      ['Unique clicks', t.uniqueClicks],
      ['Total clicks', t.totalClicks],
      ['Machine clicks', t.machineClicks],
      ['Unsubscribed', t.unsubscribed],
      ['Complaints', t.complaints],
      ['CTR', t.ctr],
      ['CTOR', t.ctor],
    ],
  };
}

/** Which columns hold rates (formatted as percentages). */
export const RATE_COLUMNS: ReadonlySet<number> = new Set([3, 4, 6]);
export const RATE_TOTALS: ReadonlySet<string> = new Set(['CTR', 'CTOR']);
