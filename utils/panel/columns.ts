/**
 * The link table's columns and the per-row display values, kept out of the
 * components so formatting and "why is this missing" are testable in node.
 * Rows are the one report shape (SourceLinkRow): a count a source cannot give
 * is null and shows as "—" with the reason, never 0.
 */
import type { Capability } from '../report/report-types.ts';
import type { SourceLinkRow } from '../sources/source-report.ts';
import { t, type MessageKey } from '../i18n/i18n.ts';
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
function column(
  id: SortColumn,
  label: MessageKey | '#',
  numeric: boolean,
  optional: boolean,
  spoken?: MessageKey,
): ColumnSpec {
  // Words are looked up when read: the spec is module data, the language is the browser's.
  return {
    id,
    numeric,
    optional,
    get label() {
      return label === '#' ? label : t(label);
    },
    get spokenLabel() {
      return spoken === undefined ? undefined : t(spoken);
    },
  };
}

export const LINK_COLUMNS: readonly ColumnSpec[] = [
  column('ordinal', '#', true, false, 'colPosition'),
  column('url', 'colLink', false, false),
  column('name', 'colName', false, true),
  column('uniqueClicks', 'colUniqueClicks', true, false),
  column('share', 'colShare', true, false),
  column('ctr', 'colCtr', true, true),
  column('totalClicks', 'colTotalClicks', true, true),
  column('ctor', 'colCtor', true, true),
];

/**
 * The columns a report's table offers, in table order. A source without
 * unique clicks (listmonk, Brevo: shares of all clicks) shows total clicks
 * by default in the unique clicks' place, and unique clicks (all "—") only
 * when chosen.
 */
export function tableColumns(basis: 'unique' | 'total' = 'unique'): readonly ColumnSpec[] {
  if (basis === 'unique') return LINK_COLUMNS;
  const swap = (c: ColumnSpec): ColumnSpec =>
    c.id === 'uniqueClicks' || c.id === 'totalClicks'
      ? { ...c, optional: c.id === 'uniqueClicks' }
      : c;
  const total = LINK_COLUMNS.find((c) => c.id === 'totalClicks');
  const rest = LINK_COLUMNS.filter((c) => c.id !== 'totalClicks').map(swap);
  const at = rest.findIndex((c) => c.id === 'uniqueClicks');
  return total ? [...rest.slice(0, at), swap(total), ...rest.slice(at)] : rest;
}

/** The columns to show: every default one, plus the optional ones `chosen` names, in table order. */
export function shownColumns(
  chosen: readonly string[],
  basis: 'unique' | 'total' = 'unique',
): ColumnSpec[] {
  return tableColumns(basis).filter((c) => !c.optional || chosen.includes(c.id));
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
  return capabilities.includes('all-links') ? t('linkNotInReport') : t('linkNotInTopLinks');
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
  sourceName = t('theDataSource'),
): Record<'uniqueClicks' | 'share' | 'ctr' | 'totalClicks' | 'ctor', CellText> {
  if (row === null) {
    const m = missing(noRowReason(capabilities));
    return { uniqueClicks: m, share: m, ctr: m, totalClicks: m, ctor: m };
  }
  const share = shares.get(row.rowKey) ?? row.shareOfClicks;
  const noOpens = !capabilities.includes('opens');
  const noUnique = row.uniqueClicks === null;
  const needsUnique = t('needsUniquePerLink', sourceName);
  return {
    uniqueClicks: count(row.uniqueClicks, t('sourceOnlyAllClicksPerLink', sourceName), locale),
    share:
      share === null
        ? missing(t('noClicksInPeriod'))
        : noUnique
          ? { text: formatPercent(share, locale), title: t('shareOfAllClicksNote') }
          : { text: formatPercent(share, locale) },
    ctr:
      row.ctr === null
        ? missing(noUnique ? needsUnique : t('noDeliveriesInPeriod'))
        : { text: formatPercent(row.ctr, locale) },
    totalClicks: count(row.totalClicks, t('sourceOnlyUniqueClicksPerLink', sourceName), locale),
    ctor:
      row.ctor === null || noOpens
        ? missing(
            noOpens
              ? t('sourceNoOpens', sourceName)
              : noUnique
                ? needsUnique
                : t('noOpensInPeriod'),
          )
        : { text: formatPercent(row.ctor, locale) },
  };
}
