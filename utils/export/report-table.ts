/**
 * Pure mapping of a ClickMapReport to the exported table: a header block
 * saying what the file holds (template, campaigns, version, period, whether
 * machine clicks are counted), the link rows (position and link id, so rows
 * sharing a URL are told apart, then the panel table's columns plus total
 * clicks and CTOR), then a totals section. CSV and XLSX writers only serialise this.
 */
import type { ClickMapReport } from '../report/report-types.ts';

/** A rate (a fraction of exact counts), written as a percentage. */
export interface PercentCell {
  percent: number;
}

export type CellValue = string | number | null | PercentCell;

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
  Pick<
    ClickMapReport,
    'templateId' | 'versionId' | 'period' | 'campaignIds' | 'machineClicksIncluded' | 'generatedAt'
  >;

export interface ExportTable {
  /** Label / value pairs above the table (what the file is about). */
  header?: [string, CellValue][];
  columns: string[];
  rows: CellValue[][];
  /** Label / value pairs shown under the table. */
  totals: [string, CellValue][];
}

export const LINK_COLUMNS = [
  'Position',
  'Link id',
  'Link',
  'Name',
  'Unique clicks',
  '% of total',
  'CTR',
  'Total clicks',
  'CTOR',
];

/** A rate cell: the fraction as a percentage, or empty when unknown. */
export const pct = (rate: number | null): CellValue => (rate === null ? null : { percent: rate });

function isoDay(millis: number): string {
  return new Date(millis).toISOString().slice(0, 10);
}

const DAY_MS = 86_400_000;

/**
 * The period: whole UTC days as "2025-01-06 – 2025-01-31 (UTC)" (both days included),
 * else exact instants with the end excluded; open ends named.
 */
export function periodLabel(report: ExportableReport): string {
  const { from, to } = report.period;
  if (from === undefined && to === undefined) return 'all time';
  const days = (from ?? 0) % DAY_MS === 0 && (to ?? 0) % DAY_MS === 0;
  const start = from === undefined ? 'the first event' : days ? isoDay(from) : iso(from);
  if (days) return `${start} – ${to === undefined ? 'now' : isoDay(to - 1)} (UTC)`;
  return `${start} – ${to === undefined ? 'now' : `${iso(to)} (excluded)`}`;
}

const iso = (millis: number): string => new Date(millis).toISOString();

export function machineClicksLabel(report: ExportableReport): string {
  return report.machineClicksIncluded
    ? 'counted (every click, as the seeds count them)'
    : 'excluded (human clicks only)';
}

/** What the file holds: the header block of the CSV and of the sheet. */
export function reportHeader(report: ExportableReport): [string, CellValue][] {
  return [
    ['Template', report.templateId],
    ['Campaigns', report.campaignIds.join(', ')],
    ['Version', report.versionId ?? 'all versions'],
    ['Period', periodLabel(report)],
    ['Machine clicks', machineClicksLabel(report)],
    ['Generated', iso(report.generatedAt)],
  ];
}

export function reportTable(report: ExportableReport): ExportTable {
  const t = report.totals;
  return {
    header: reportHeader(report),
    columns: LINK_COLUMNS,
    rows: report.links.map((row) => [
      row.ordinal === null ? null : row.ordinal + 1,
      row.linkId,
      row.dynamic && row.finalDomain ? `${row.url} (${row.finalDomain})` : row.url,
      row.name,
      row.uniqueClicks,
      pct(row.shareOfClicks),
      pct(row.ctr),
      row.totalClicks,
      pct(row.ctor),
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
      ['CTR', pct(t.ctr)],
      ['CTOR', pct(t.ctor)],
    ],
  };
}
