/**
 * Bar chart of unique clicks per report row (all clicks for a source without
 * unique ones; rows without any count are left out, never drawn as 0). chart.js is loaded lazily through
 * the `loadChart` prop (a web-accessible chunk imported by the content script)
 * and registered once per module (utils/panel/chart-registry.ts); until it is
 * ready, or if it fails, a text list of the same numbers stands in.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { heatCount, maxHeatCount } from '../utils/panel/columns.ts';
import type { SourceLinkRow } from '../utils/sources/source-report.ts';
import { loadBarChart, type ChartLoader, type ChartModule } from '../utils/panel/chart-registry.ts';
import { formatCount, shortenUrl } from '../utils/panel/format.ts';
import { heatColor, shareOfMax } from '../utils/panel/heat.ts';
import { t } from '../utils/i18n/i18n.ts';

export interface ClicksChartProps {
  rows: readonly SourceLinkRow[];
  loadChart: ChartLoader;
  locale?: string;
}

type LoadState =
  { kind: 'loading' } | { kind: 'ready'; mod: ChartModule } | { kind: 'failed'; reason: string };

const BAR_HEIGHT = 22;
const AXIS_HEIGHT = 40;

function rowLabel(row: SourceLinkRow): string {
  const text = row.name || shortenUrl(row.url, 28);
  return text.length > 28 ? `${text.slice(0, 27)}…` : text;
}

function chartConfig(rows: readonly SourceLinkRow[], ink: string, locale: string | undefined) {
  const max = maxHeatCount(rows);
  const unique = rows.every((r) => r.uniqueClicks !== null);
  return {
    type: 'bar' as const,
    data: {
      labels: rows.map(rowLabel),
      datasets: [
        {
          label: unique ? t('metricUniqueClicks') : t('metricAllClicks'),
          data: rows.map((r) => heatCount(r) ?? 0),
          backgroundColor: rows.map((r) => heatColor(shareOfMax(heatCount(r) ?? 0, max))),
        },
      ],
    },
    options: {
      indexAxis: 'y' as const,
      animation: false as const,
      responsive: true,
      maintainAspectRatio: false,
      locale,
      scales: {
        x: { beginAtZero: true, ticks: { color: ink, precision: 0 } },
        y: { ticks: { color: ink } },
      },
    },
  };
}

function useChartModule(loadChart: ChartLoader): LoadState {
  const [state, setState] = useState<LoadState>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    loadBarChart(loadChart).then(
      (mod) => live && setState({ kind: 'ready', mod }),
      (err: unknown) =>
        live && setState({ kind: 'failed', reason: String((err as Error)?.message ?? err) }),
    );
    return () => {
      live = false;
    };
  }, [loadChart]);
  return state;
}

export function ClicksChart({ rows: allRows, loadChart, locale }: ClicksChartProps) {
  const rows = useMemo(() => allRows.filter((r) => heatCount(r) !== null), [allRows]);
  const unique = rows.every((r) => r.uniqueClicks !== null);
  const state = useChartModule(loadChart);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const mod = state.kind === 'ready' ? state.mod : null;

  useEffect(() => {
    const canvas = canvasRef.current;
    if (mod === null || canvas === null) return;
    // Canvas text cannot use CSS variables: take the panel's resolved colour.
    const ink = canvas.ownerDocument.defaultView?.getComputedStyle(canvas).color || '#5b5b66';
    const chart = new mod.Chart(canvas, chartConfig(rows, ink, locale));
    return () => chart.destroy();
  }, [mod, rows, locale]);

  const summary = rows
    .map((r) => `${rowLabel(r)}: ${formatCount(heatCount(r), locale)}`)
    .join('; ');
  return (
    <section
      class="cml-section cml-chart"
      aria-label={t(unique ? 'chartUniquePerLink' : 'chartAllPerLink')}
    >
      <h3>{t(unique ? 'chartUniquePerLink' : 'chartAllPerLink')}</h3>
      {state.kind !== 'ready' && (
        <div class="cml-chart-text" data-state={state.kind}>
          <p>
            {state.kind === 'loading' ? t('chartLoading') : t('chartUnavailable', state.reason)}
          </p>
          <ol class="cml-chart-fallback">
            {rows.map((r) => (
              <li key={r.rowKey}>
                {rowLabel(r)}: {formatCount(heatCount(r), locale)}
              </li>
            ))}
          </ol>
        </div>
      )}
      <div
        style={{ height: `${rows.length * BAR_HEIGHT + AXIS_HEIGHT}px` }}
        hidden={state.kind !== 'ready'}
      >
        <canvas
          ref={canvasRef}
          role="img"
          aria-label={t(unique ? 'chartUniqueSummary' : 'chartAllSummary', summary)}
        />
      </div>
    </section>
  );
}
