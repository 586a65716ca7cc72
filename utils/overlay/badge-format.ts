/**
 * Badge counts: the panel's exact count format (utils/panel/format.ts), compact
 * from 10 000 on so the badge stays small (the title keeps the exact number).
 */
import { formatCount, numberFormat } from '../panel/format.ts';

/** Counts from this size on are shown compact on a badge ("12.3K"); the title keeps them exact. */
const COMPACT_FROM = 10_000;

/** A count short enough for a badge: "987", "1,234", "12.3K", "4.6M". */
export function badgeCount(value: number, locale?: string): string {
  return value < COMPACT_FROM
    ? formatCount(value, locale)
    : numberFormat('compact', locale).format(value);
}
