/**
 * The badges' legend: what the number on a page badge says (the user's
 * choice, remembered) and what its colour says (unique clicks as a share of
 * the busiest link: the darker, the more clicked).
 */
import {
  BADGE_METRICS,
  BADGE_METRIC_NAMES,
  type BadgeMetric,
} from '../utils/overlay/badge-metric.ts';
import { formatWholePercent } from '../utils/panel/format.ts';
import { heatLegendStops } from '../utils/panel/heat.ts';

export interface HeatLegendProps {
  locale?: string;
  metric: BadgeMetric;
  onMetricChange?: (metric: BadgeMetric) => void;
}

export function HeatLegend({ locale, metric, onMetricChange }: HeatLegendProps) {
  const stops = heatLegendStops(5);
  return (
    <figure class="cml-legend cml-section" aria-label="Badge legend">
      <figcaption>
        <strong>Badges on the email</strong>: the link’s # in the table, then{' '}
        {onMetricChange ? (
          <select
            class="cml-badge-metric"
            aria-label="Number on the badges"
            value={metric}
            onChange={(e) =>
              onMetricChange((e.currentTarget as HTMLSelectElement).value as BadgeMetric)
            }
          >
            {BADGE_METRICS.map((m) => (
              <option key={m} value={m}>
                {BADGE_METRIC_NAMES[m]}
              </option>
            ))}
          </select>
        ) : (
          <span class="cml-badge-metric-name">{BADGE_METRIC_NAMES[metric]}</span>
        )}
        . Colour: unique clicks as a share of the busiest link (darker = more clicked).
      </figcaption>
      <div class="cml-legend-bar" aria-hidden="true" />
      <div class="cml-legend-labels">
        {stops.map((s) => (
          <span key={s.share}>{formatWholePercent(s.share, locale)}</span>
        ))}
      </div>
    </figure>
  );
}
