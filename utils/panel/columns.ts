/**
 * The link table's columns and the per-row display values, kept out of the
 * components so formatting and "why is this missing" are testable in node.
 * Rows are the one report shape (SourceLinkRow): a count a source cannot give
 * is null and shows as "—" with the reason, never 0.
 */
import type { Capability } from '../report/report-types.ts';
import type { SourceLinkRow } from '../sources/source-report.ts';
import { formatCount, formatPercent, MISSING, roundSharesToTotal } from './format.ts';
import type { SortColumn } from './view-types.ts';

export interface ColumnSpec {
  id: SortColumn;
  label: string;
  /** Accessible name when the visible label is a symbol. */
  spokenLabel?: string;
  numeric: boolean;
  /** Optional columns are off until the user picks them in the column chooser (remembered). */
  optional: boolean;
}

/**
 * Every column in display order. The default set — #, link, unique clicks,
 * % of total (and the locate button) — fits the panel's default width; the
 * others come through the column chooser.
 */
export const LINK_COLUMNS: readonly ColumnSpec[] = [
  { id: 'ordinal', label: '#', spokenLabel: 'Position', numeric: true, optional: false },
  { id: 'url', label: 'Link', numeric: false, optional: false },
  { id: 'name', label: 'Name', numeric: false, optional: true },
  { id: 'uniqueClicks', label: 'Unique clicks', numeric: true, optional: false },
  { id: 'share', label: '% of total', numeric: true, optional: false },
  { id: 'ctr', label: 'CTR', numeric: true, optional: true },
  { id: 'totalClicks', label: 'Total clicks', numeric: true, optional: true },
  { id: 'ctor', label: 'CTOR', numeric: true, optional: true },
];

/** The columns to show: every default one, plus the optional ones `chosen` names, in table order. */
export function shownColumns(chosen: readonly string[]): ColumnSpec[] {
  return LINK_COLUMNS.filter((c) => !c.optional || chosen.includes(c.id));
}

/** The column's name in words (for announcements). */
export function columnLabel(column: SortColumn): string {
  const spec = LINK_COLUMNS.find((c) => c.id === column);
  return spec?.spokenLabel ?? spec?.label ?? column;
}

/** A cell's text and, when it is "—", the reason. */
export interface CellText {
  text: string;
  title?: string;
}

/** Displayed share per rowKey, rounded so the report's rows sum to 100.00% (see format.ts). */
export function displayShares(rows: readonly SourceLinkRow[]): Map<string, number | null> {
  const rounded = roundSharesToTotal(rows.map((r) => r.shareOfClicks));
  return new Map(rows.map((r, i) => [r.rowKey, rounded[i] ?? null]));
}

/** Why a placement has no report row. */
export function noRowReason(capabilities: readonly Capability[]): string {
  return capabilities.includes('all-links')
    ? 'This link is not in the report.'
    : 'The data source reports only its top links; this one is not among them.';
}

function missing(title: string): CellText {
  return { text: MISSING, title };
}

/**
 * The count a row's heat (badge colour, swatch, chart bar) is measured on:
 * unique clicks, else all clicks. A source gives unique clicks for every row
 * or for none (its shareBasis), so one report never mixes the two.
 */
export function heatCount(row: SourceLinkRow): number | null {
  return row.uniqueClicks ?? row.totalClicks;
}

/** The busiest row's heat count (0 without rows or counts). */
export function maxHeatCount(rows: readonly SourceLinkRow[]): number {
  return rows.reduce((max, row) => Math.max(max, heatCount(row) ?? 0), 0);
}

const count = (value: number | null, reason: string, locale?: string): CellText =>
  value === null ? missing(reason) : { text: formatCount(value, locale) };

/**
 * Display texts of a row's numeric columns; `row` null gives "—" with the
 * no-row reason. `sourceName` words the reasons ("listmonk gives only all
 * clicks per link."); default "The data source".
 */
export function rowCells(
  row: SourceLinkRow | null,
  shares: ReadonlyMap<string, number | null>,
  capabilities: readonly Capability[],
  locale?: string,
  sourceName = 'The data source',
): Record<'uniqueClicks' | 'share' | 'ctr' | 'totalClicks' | 'ctor', CellText> {
  if (row === null) {
    const m = missing(noRowReason(capabilities));
    return { uniqueClicks: m, share: m, ctr: m, totalClicks: m, ctor: m };
  }
  const share = shares.get(row.rowKey) ?? row.shareOfClicks;
  const noOpens = !capabilities.includes('opens');
  const noUnique = row.uniqueClicks === null;
  const needsUnique = `Needs unique clicks, which ${sourceName} does not give per link.`;
  return {
    uniqueClicks: count(row.uniqueClicks, `${sourceName} gives only all clicks per link.`, locale),
    share:
      share === null
        ? missing('No clicks in this period.')
        : noUnique
          ? {
              text: formatPercent(share, locale),
              title: 'Share of all clicks (unique clicks are not known).',
            }
          : { text: formatPercent(share, locale) },
    ctr:
      row.ctr === null
        ? missing(noUnique ? needsUnique : 'No messages were delivered in this period.')
        : { text: formatPercent(row.ctr, locale) },
    totalClicks: count(row.totalClicks, `${sourceName} gives only unique clicks per link.`, locale),
    ctor:
      row.ctor === null || noOpens
        ? missing(
            noOpens
              ? `${sourceName} does not report opens.`
              : noUnique
                ? needsUnique
                : 'No opens in this period.',
          )
        : { text: formatPercent(row.ctor, locale) },
  };
}
