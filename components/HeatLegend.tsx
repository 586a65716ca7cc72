/**
 * The badges' legend: what the number on a page badge says (the user's
 * choice, remembered) and what its colour says (unique clicks as a share of
 * the busiest link: the darker, the more clicked).
 */
import { BADGE_METRICS, badgeMetricName, type BadgeMetric } from '../utils/overlay/badge-metric.ts';
import { formatWholePercent } from '../utils/panel/format.ts';
import { heatLegendStops } from '../utils/panel/heat.ts';
import { t } from '../utils/i18n/i18n.ts';

export interface HeatLegendProps {
  locale?: string;
  metric: BadgeMetric;
  onMetricChange?: (metric: BadgeMetric) => void;
}

export function HeatLegend({ locale, metric, onMetricChange }: HeatLegendProps) {
  const stops = heatLegendStops(5);
  return (
    <figure class="cml-legend cml-section" aria-label={t('legendLabel')}>
      <figcaption>
        <strong>{t('legendTitle')}</strong>
        {t('legendNumberLead')}{' '}
        {onMetricChange ? (
          <select
            class="cml-badge-metric"
            aria-label={t('legendMetricLabel')}
            value={metric}
            onChange={(e) =>
              onMetricChange((e.currentTarget as HTMLSelectElement).value as BadgeMetric)
            }
          >
            {BADGE_METRICS.map((m) => (
              <option key={m} value={m}>
                {badgeMetricName(m)}
              </option>
            ))}
          </select>
        ) : (
          <span class="cml-badge-metric-name">{badgeMetricName(metric)}</span>
        )}
        {t('legendColour')}
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
