/**
 * The panel body for a ready report, whatever its source (Click Map API or an
 * ESP's API: one report shape, SourceReport): what the source cannot give,
 * period picker and export, totals, heat legend, chart, and the sortable link
 * table with locate buttons. Numbers a source cannot give are "—" with the
 * reason.
 */
import type { BadgeMetric } from '../utils/overlay/badge-metric.ts';
import type { ChartLoader } from '../utils/panel/chart-registry.ts';
import { maxHeatCount } from '../utils/panel/columns.ts';
import { SOURCE_LABELS } from '../utils/settings/sources.ts';
import type { SourceReport } from '../utils/sources/source-report.ts';
import type { ExportFormat, PanelMatch, PeriodSelection } from '../utils/panel/view-types.ts';
import { useRef } from 'preact/hooks';
import { ClicksChart } from './ClicksChart.tsx';
import { ExportButtons } from './ExportButtons.tsx';
import { HeatLegend } from './HeatLegend.tsx';
import { LinkTable } from './LinkTable.tsx';
import { SourceLimits } from './SourceLimits.tsx';
import type { PanelStore } from './panel-store.ts';
import { downloadReport } from './report-download.ts';
import { Totals } from './Totals.tsx';
import { VersionPicker } from './VersionPicker.tsx';
import { t } from '../utils/i18n/i18n.ts';

export interface ClickMapViewProps {
  store: PanelStore;
  report: SourceReport;
  match: PanelMatch;
  loadChart: ChartLoader;
  onLocate(ordinal: number): void;
  onHighlight(ordinal: number | null): void;
  onPeriodChange(selection: PeriodSelection): void;
  onMachineClicksChange(include: boolean): void;
  onBadgeMetricChange?: (metric: BadgeMetric) => void;
  onTableColumnsChange?: (columns: string[]) => void;
  /** Replaces the built-in download (utils/export + <a download>). */
  onExport?: (format: ExportFormat, report: SourceReport) => void;
}

const FORMAT_NAMES: Record<ExportFormat, string> = { csv: 'CSV', xlsx: 'Excel' };

interface StoreLinkTableProps {
  store: PanelStore;
  report: SourceReport;
  match: PanelMatch;
  maxClicks: number;
  sourceName: string;
  basis: 'unique' | 'total';
  onLocate(ordinal: number): void;
  onHighlight(ordinal: number | null): void;
  onColumnsChange?: (columns: string[]) => void;
}

/** Reads the store's sort and highlight here, so hovering re-renders the table only. */
function StoreLinkTable({ store, report, match, ...rest }: StoreLinkTableProps) {
  return (
    <LinkTable
      {...rest}
      placements={store.sortedPlacements.value}
      unmatchedRows={match.unmatchedRows}
      sort={store.sort.value}
      onSort={store.sortBy}
      shares={store.shares.value}
      capabilities={report.capabilities}
      highlighted={store.highlighted.value}
      locale={store.locale}
      columns={store.tableColumns.value}
    />
  );
}

export function ClickMapView(props: ClickMapViewProps) {
  const { store, report } = props;
  const rootRef = useRef<HTMLDivElement>(null);
  const maxClicks = maxHeatCount(report.links);
  const sourceName = SOURCE_LABELS[report.source];
  const highlight = (ordinal: number | null) => {
    store.setHighlighted(ordinal);
    props.onHighlight(ordinal);
  };
  const exportReport = (format: ExportFormat) => {
    if (props.onExport) return props.onExport(format, report);
    const container = rootRef.current;
    if (!container) return;
    downloadReport(report, format, container).then(
      (name) => store.announce(t('exportedFile', FORMAT_NAMES[format], name)),
      (err: unknown) =>
        store.announce(t('exportFailed', err instanceof Error ? err.message : String(err))),
    );
  };
  return (
    <div class="cml-clickmap" ref={rootRef} data-source={report.source}>
      <SourceLimits report={report} sourceName={sourceName} />
      <div class="cml-toolbar">
        <VersionPicker
          versions={report.versions}
          selection={{ versionId: report.versionId, period: report.period }}
          onPeriodChange={props.onPeriodChange}
        />
        <ExportButtons onExport={exportReport} />
      </div>
      <Totals
        totals={report.totals}
        capabilities={report.capabilities}
        machineClicksIncluded={report.machineClicksIncluded}
        onMachineClicksChange={props.onMachineClicksChange}
        locale={store.locale}
        sourceName={sourceName}
      />
      <HeatLegend
        locale={store.locale}
        metric={store.badgeMetric.value}
        onMetricChange={props.onBadgeMetricChange}
      />
      <ClicksChart rows={report.links} loadChart={props.loadChart} locale={store.locale} />
      <StoreLinkTable
        store={store}
        report={report}
        match={props.match}
        maxClicks={maxClicks}
        sourceName={sourceName}
        basis={report.shareBasis}
        onLocate={props.onLocate}
        onHighlight={highlight}
        onColumnsChange={props.onTableColumnsChange}
      />
    </div>
  );
}
