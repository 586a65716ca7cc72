/**
 * How the user likes the overlay to look, remembered across pages: the badge
 * metric (utils/overlay/badge-metric.ts) and the link table's extra columns.
 * Pure: parsing tolerates whatever storage or a message holds and always
 * yields complete prefs; unknown values fall back to the defaults.
 */
import { DEFAULT_BADGE_METRIC, isBadgeMetric, type BadgeMetric } from '../overlay/badge-metric.ts';

export interface ViewPrefs {
  badgeMetric: BadgeMetric;
  /** Optional table columns the user switched on (ids from utils/panel/columns.ts), in their order. */
  tableColumns: string[];
}

export const DEFAULT_VIEW_PREFS: ViewPrefs = {
  badgeMetric: DEFAULT_BADGE_METRIC,
  tableColumns: [],
};

const COLUMN_ID = /^[a-z][a-zA-Z-]{0,31}$/;

function columns(value: unknown): string[] | null {
  if (!Array.isArray(value)) return null;
  const ids = value.filter((v): v is string => typeof v === 'string' && COLUMN_ID.test(v));
  return [...new Set(ids)].slice(0, 16);
}

/** Complete prefs from anything: `base` fills what `value` does not validly give. */
export function parseViewPrefs(value: unknown, base: ViewPrefs = DEFAULT_VIEW_PREFS): ViewPrefs {
  const v = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  return {
    badgeMetric: isBadgeMetric(v.badgeMetric) ? v.badgeMetric : base.badgeMetric,
    tableColumns: columns(v.tableColumns) ?? base.tableColumns,
  };
}
