/**
 * What the number on a link badge says, chosen by the user in the panel's
 * legend (remembered): the seeds' reading by default — unique clicks and the
 * link's share of all link clicks — or one figure: unique clicks, total
 * clicks, CTR, share, or rank by unique clicks. Every badge starts with the
 * link's "#n", the number of its row in the panel's table. Pure.
 */
import { t, type MessageKey } from '../i18n/i18n.ts';
import type { BadgeView } from './badge-model.ts';

export const BADGE_METRICS = ['unique-share', 'unique', 'total', 'ctr', 'share', 'rank'] as const;
export type BadgeMetric = (typeof BADGE_METRICS)[number];
export const DEFAULT_BADGE_METRIC: BadgeMetric = 'unique-share';

export function isBadgeMetric(value: unknown): value is BadgeMetric {
  return (BADGE_METRICS as readonly unknown[]).includes(value);
}

const METRIC_NAME_KEYS = {
  'unique-share': 'badgeMetricUniqueShare',
  unique: 'badgeMetricUnique',
  total: 'badgeMetricTotal',
  ctr: 'badgeMetricCtr',
  share: 'badgeMetricShare',
  rank: 'badgeMetricRank',
} as const satisfies Record<BadgeMetric, MessageKey>;

/** The legend's words for each choice: what the number on a badge is. */
export function badgeMetricName(metric: BadgeMetric): string {
  return t(METRIC_NAME_KEYS[metric]);
}

/** "#3 1,502 · 43.35%": the link's number, then the chosen figure (its default label without one). */
export function labelFor(view: BadgeView, metric: BadgeMetric): string {
  const value = view.values?.[metric] ?? view.label;
  return `#${view.ordinal + 1} ${value}`;
}

/** Badges labelled for `metric`, ready to draw. */
export function withMetric(badges: readonly BadgeView[], metric: BadgeMetric): BadgeView[] {
  return badges.map((badge) => ({ ...badge, label: labelFor(badge, metric) }));
}
