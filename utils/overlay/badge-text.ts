/**
 * The words on and behind a link badge. The label is short (it sits on the
 * email); the title (tooltip) repeats the panel's numbers in full, in the
 * panel's formats (badge-format.ts) and with its "not in the report" reason
 * (utils/panel/columns.ts), so both always agree.
 */
import type { DuplicateInfo } from '../links/match.ts';
import { noRowReason } from '../panel/columns.ts';
import { MISSING } from '../panel/format.ts';
import type { Capability } from '../report/report-types.ts';
import { heatCount } from '../panel/columns.ts';
import type { SourceLinkRow } from '../sources/source-report.ts';
import { formatCount as countText, formatPercent as percentText } from '../panel/format.ts';
import { badgeCount } from './badge-format.ts';
import type { BadgeMetric } from './badge-metric.ts';
import { t } from '../i18n/i18n.ts';

/**
 * "128 · 12.40%": the panel's displayed share, same two decimals (one decimal
 * would round the panel's rounded value again, and 43.35% could read 43.4%
 * next to an exact 43.348%). Without a share (no clicks at all in the period) just the
 * count. When several placements share one row, "(all 3)" says the numbers
 * are those of all of them together, so nobody adds the badges up. The count
 * is unique clicks, else all clicks (heatCount); a row with neither is "—".
 */
export function badgeLabel(
  row: SourceLinkRow,
  displayShare: number | null,
  duplicate: DuplicateInfo | null,
  locale?: string,
): string {
  const clicks = heatCount(row);
  if (clicks === null) return MISSING;
  const count = badgeCount(clicks, locale);
  const base = displayShare === null ? count : `${count} · ${percentText(displayShare, locale)}`;
  return duplicate?.sharedRow ? `${base} (all ${duplicate.of})` : base;
}

/** Each single figure a badge can show for `row` (badge-metric.ts); "(all N)" on shared rows. */
export function badgeValues(
  row: SourceLinkRow,
  displayShare: number | null,
  rank: number,
  duplicate: DuplicateInfo | null,
  locale?: string,
): Record<Exclude<BadgeMetric, 'unique-share'>, string> {
  const all = duplicate?.sharedRow ? ` (all ${duplicate.of})` : '';
  return {
    unique: (row.uniqueClicks === null ? MISSING : badgeCount(row.uniqueClicks, locale)) + all,
    total: (row.totalClicks === null ? MISSING : badgeCount(row.totalClicks, locale)) + all,
    ctr: percentText(row.ctr, locale) + all,
    share: percentText(displayShare, locale) + all,
    rank: `rank ${countText(rank, locale)}`,
  };
}

/** A placement as the title names it. */
export interface TitledPlacement {
  ordinal: number;
  href: string;
}

function duplicateLine(duplicate: DuplicateInfo): string {
  const [index, of] = [String(duplicate.index), String(duplicate.of)];
  return duplicate.sharedRow
    ? t('badgeDuplicateShared', index, of)
    : t('badgeDuplicateSeparate', index, of);
}

/**
 * Tooltip text, one fact per line: position and URL, unique clicks, % of
 * total, CTR, duplicates, or why there are no numbers.
 */
export function badgeTitle(
  placement: TitledPlacement,
  row: SourceLinkRow | null,
  shares: ReadonlyMap<string, number | null>,
  capabilities: readonly Capability[],
  duplicate: DuplicateInfo | null,
  locale?: string,
  sourceName = t('theDataSource'),
): string {
  const lines = [`#${countText(placement.ordinal + 1, locale)} ${placement.href}`];
  if (row === null) {
    lines.push(t('badgeNoNumbers', MISSING, noRowReason(capabilities)));
  } else if (heatCount(row) === null) {
    lines.push(t('badgeNoNumbersFrom', MISSING, sourceName));
  } else {
    const share = shares.get(row.rowKey) ?? row.shareOfClicks;
    if (row.uniqueClicks !== null) {
      lines.push(t('badgeUniqueClicks', countText(row.uniqueClicks, locale)));
      lines.push(t('badgeShareOfTotal', percentText(share, locale)));
    } else {
      lines.push(t('badgeAllClicks', countText(row.totalClicks, locale), sourceName));
      lines.push(t('badgeShareOfAll', percentText(share, locale)));
    }
    lines.push(t('badgeCtr', percentText(row.ctr, locale)));
  }
  if (duplicate) lines.push(duplicateLine(duplicate));
  return lines.join('\n');
}
