/** Legend of the heat scale used by the page badges: share of the busiest link's unique clicks. */
import { heatLegendStops } from '../utils/panel/heat.ts';
import { formatWholePercent } from '../utils/panel/format.ts';

export function HeatLegend({ locale }: { locale?: string }) {
  const stops = heatLegendStops(5);
  return (
    <figure class="cml-legend cml-section" aria-label="Badge colour scale">
      <figcaption>Badge colour: unique clicks as a share of the busiest link</figcaption>
      <div class="cml-legend-bar" aria-hidden="true" />
      <div class="cml-legend-labels">
        {stops.map((s) => (
          <span key={s.share}>{formatWholePercent(s.share, locale)}</span>
        ))}
      </div>
    </figure>
  );
}
