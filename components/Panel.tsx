/**
 * The side panel root, rendered by the content script into its own shadow
 * root (with PANEL_CSS). Shows the store's state: loading, no data, not
 * configured, API error, a click map or a sequence report. Escape anywhere
 * in the panel closes it; state changes are announced through a live region.
 */
import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import type { ClickMapReport } from '../utils/report/report-types.ts';
import type { ChartLoader } from '../utils/panel/chart-registry.ts';
import type { ColorScheme, ExportFormat, PeriodSelection } from '../utils/panel/view-types.ts';
import { ClickMapView } from './ClickMapView.tsx';
import type { PanelStore } from './panel-store.ts';
import { PanelHeader } from './PanelHeader.tsx';
import { SequenceView } from './SequenceView.tsx';
import { read, type MaybeSignal } from './signal-prop.ts';
import { StatusMessage } from './StatusMessage.tsx';

export interface PanelProps {
  store: PanelStore;
  /** Follow the page: 'auto' uses prefers-color-scheme. */
  scheme?: MaybeSignal<ColorScheme>;
  title?: string;
  /** Imports the chart.js chunk; keep it one stable function per page. */
  loadChart: ChartLoader;
  onClose(): void;
  onOpenSettings(): void;
  onRetry(): void;
  onLocate(ordinal: number): void;
  onHighlight(ordinal: number | null): void;
  onPeriodChange(selection: PeriodSelection): void;
  onMachineClicksChange(include: boolean): void;
  /** Extra sections at the end of the panel (e.g. the content script's diagnostics). */
  children?: ComponentChildren;
  /** Optional: replaces the built-in export (utils/export writers + download). */
  onExport?: (format: ExportFormat, report: ClickMapReport) => void;
}

function PanelBody(props: PanelProps) {
  const status = props.store.status.value;
  switch (status.kind) {
    case 'ready':
      return <ClickMapView {...props} report={status.report} match={status.match} />;
    case 'sequence':
      return (
        <SequenceView report={status.report} notes={status.notes} locale={props.store.locale} />
      );
    default:
      return (
        <StatusMessage
          status={status}
          onOpenSettings={props.onOpenSettings}
          onRetry={props.onRetry}
        />
      );
  }
}

export function Panel(props: PanelProps) {
  const titleId = useId();
  const { store } = props;
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || e.defaultPrevented) return;
    // The page must not also react to this Escape (e.g. close the open email).
    e.stopPropagation();
    props.onClose();
  };
  return (
    <aside
      class="cml-panel"
      data-scheme={read(props.scheme ?? 'auto')}
      data-state={store.status.value.kind}
      aria-labelledby={titleId}
      onKeyDown={onKeyDown}
    >
      <PanelHeader
        titleId={titleId}
        title={props.title ?? 'Click map'}
        templateName={store.templateName.value}
        onClose={props.onClose}
      />
      <p class="cml-visually-hidden" role="status" aria-live="polite">
        {store.announcement.value}
      </p>
      <PanelBody {...props} />
      {props.children}
    </aside>
  );
}
