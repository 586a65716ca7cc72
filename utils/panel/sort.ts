/**
 * Sorting of the link table. Rows without a value (no report row, or a rate
 * the source cannot give) always sort last, in either direction, so flipping
 * the order never buries the real numbers under blanks. Ties keep document order.
 */
import { bareUrl } from './format.ts';
import type { PlacementView, SortColumn, SortDirection, SortState } from './view-types.ts';

const TEXT_COLUMNS: ReadonlySet<SortColumn> = new Set(['url', 'name']);

/** Name shown for a placement: its text on the page, else the report's name. */
export function placementName(p: PlacementView): string {
  return p.name || p.row?.name || '';
}

/** The value a column sorts by; null when the placement has none. */
export function sortValue(p: PlacementView, column: SortColumn): string | number | null {
  switch (column) {
    case 'ordinal':
      return p.ordinal;
    case 'url':
      return bareUrl(p.url);
    case 'name':
      return placementName(p) || null;
    case 'uniqueClicks':
      return p.row?.uniqueClicks ?? null;
    case 'share':
      return p.row?.shareOfClicks ?? null;
    case 'ctr':
      return p.row?.ctr ?? null;
    case 'totalClicks':
      return p.row?.totalClicks ?? null;
    case 'ctor':
      return p.row?.ctor ?? null;
  }
}

function compareValues(a: string | number, b: string | number, collator: Intl.Collator): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/** Comparator for Array.prototype.sort over placements. */
export function comparePlacements(
  sort: SortState,
  locale?: string,
): (a: PlacementView, b: PlacementView) => number {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return (a, b) => {
    const va = sortValue(a, sort.column);
    const vb = sortValue(b, sort.column);
    if (va === null || vb === null) {
      if (va !== vb) return va === null ? 1 : -1;
      return a.ordinal - b.ordinal;
    }
    return sign * compareValues(va, vb, collator) || a.ordinal - b.ordinal;
  };
}

/** A sorted copy; the input is left as is. */
export function sortPlacements(
  placements: readonly PlacementView[],
  sort: SortState,
  locale?: string,
): PlacementView[] {
  return [...placements].sort(comparePlacements(sort, locale));
}

/** First direction when a column is picked: text A→Z, position 1→n, numbers high→low. */
export function initialDirection(column: SortColumn): SortDirection {
  return TEXT_COLUMNS.has(column) || column === 'ordinal' ? 'ascending' : 'descending';
}

/** The sort after activating a column header: same column flips, another starts fresh. */
export function nextSort(current: SortState, column: SortColumn): SortState {
  if (current.column !== column) return { column, direction: initialDirection(column) };
  return {
    column,
    direction: current.direction === 'ascending' ? 'descending' : 'ascending',
  };
}
