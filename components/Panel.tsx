/**
 * The side panel root, rendered by the content script into its own shadow
 * root (with PANEL_CSS). Shows the store's state: loading, no data, not
 * configured, API error, a click map or a sequence report. Escape anywhere
 * in the panel closes it; state changes are announced through a live region.
 */
import type { BadgeMetric } from '../utils/overlay/badge-metric.ts';
import type { ComponentChildren } from 'preact';
import { useId, useLayoutEffect, useRef } from 'preact/hooks';
import type { ChartLoader } from '../utils/panel/chart-registry.ts';
import type { ColorScheme, ExportFormat, PeriodSelection } from '../utils/panel/view-types.ts';
import type { SourceReport } from '../utils/sources/source-report.ts';
import { sequenceNotes } from '../utils/panel/sequence-notes.ts';
import { CampaignPicker } from './CampaignPicker.tsx';
import { ClickMapView } from './ClickMapView.tsx';
import type { PanelStore, PanelView } from './panel-store.ts';
import { PanelHeader } from './PanelHeader.tsx';
import { PanelLayoutControls } from './PanelLayoutControls.tsx';
import { ResizeHandle } from './ResizeHandle.tsx';
import { usePanelFocus } from './use-panel-focus.ts';
import type { PanelLayout } from '../utils/settings/panel-layout.ts';
import { PanelTabs } from './PanelTabs.tsx';
import { QaView } from './QaView.tsx';
import { SequenceView } from './SequenceView.tsx';
import { read, type MaybeSignal } from './signal-prop.ts';
import { StatusMessage } from './StatusMessage.tsx';
import { t } from '../utils/i18n/i18n.ts';

export interface PanelProps {
  store: PanelStore;
  /** Follow the page: 'auto' uses prefers-color-scheme. */
  scheme?: MaybeSignal<ColorScheme>;
  title?: string;
  /** Imports the chart.js chunk; keep it one stable function per page. */
  loadChart: ChartLoader;
  onClose(): void;
  /**
   * Opened at the user's request (launcher, toolbar button, shortcut): focus
   * moves into the panel, and back to where it was when the panel closes.
   */
  takeFocus?: boolean;
  /** Focus came from our own UI (the launcher): the caller puts it back there. */
  onReturnFocus?: () => void;
  /** Grows each time the user asks for the open panel (the shortcut): focus moves in. */
  focusRequest?: number;
  /** Dock side, width, collapsed; no layout controls without onLayoutChange. */
  layout?: MaybeSignal<PanelLayout>;
  /** A layout change; `save: false` while a drag is in progress. */
  onLayoutChange?: (change: Partial<PanelLayout>, save: boolean) => void;
  /** How to reach and use the panel from the keyboard (shown at the panel's end). */
  keyboardHelp?: ComponentChildren;
  onOpenSettings(): void;
  onRetry(): void;
  onLocate(ordinal: number): void;
  onHighlight(ordinal: number | null): void;
  onPeriodChange(selection: PeriodSelection): void;
  onMachineClicksChange(include: boolean): void;
  /** The user picked what the page badges say (the legend's choice); no choice without it. */
  onBadgeMetricChange?: (metric: BadgeMetric) => void;
  /** The column chooser's change (optional columns switched on); no chooser without it. */
  onTableColumnsChange?: (columns: string[]) => void;
  /** Extra sections at the end of the panel (e.g. the content script's diagnostics). */
  children?: ComponentChildren;
  /** Optional: replaces the built-in export (utils/export writers + download). */
  onExport?: (format: ExportFormat, report: SourceReport) => void;
  /**
   * Switches the view (report, sequence, "Check links"); the controller also
   * redraws the preview's badges. Default: only the store's view changes.
   */
  onShowView?: (view: PanelView) => void;
  /** Narrows the report to one campaign of the template (null: all); no picker without it. */
  onCampaignChange?: (campaignId: string | null) => void;
}

/**
 * The campaign picker, over the report and sequence views: for a report with
 * several campaigns, and when no campaign matched (pick the right one by hand).
 */
function CampaignBar(props: PanelProps) {
  const status = props.store.status.value;
  const onChange = props.onCampaignChange;
  if (!onChange || props.store.view.value === 'qa') return null;
  if (status.kind === 'no-data' && status.campaigns?.length) {
    return (
      <CampaignPicker
        campaigns={status.campaigns}
        selected={null}
        onChange={onChange}
        emptyChoice={t('campaignChoose')}
      />
    );
  }
  if (status.kind !== 'ready') return null;
  const campaigns = status.campaigns ?? [];
  if (campaigns.length < 2) return null;
  return (
    <CampaignPicker
      campaigns={campaigns}
      selected={status.campaignId ?? null}
      onChange={onChange}
    />
  );
}

function PanelBody(props: PanelProps) {
  const { store } = props;
  const view = store.view.value;
  const sequence = store.sequence.value;
  if (view === 'qa') {
    return (
      <QaView
        qa={store.qa.value}
        onLocate={props.onLocate}
        onHighlight={props.onHighlight}
        onExported={(name) => store.announce(t('exportedFile', 'CSV', name))}
      />
    );
  }
  if (view === 'sequence' && sequence) {
    return (
      <SequenceView
        report={sequence}
        notes={sequenceNotes(sequence)}
        locale={store.locale}
        onAnnounce={store.announce}
      />
    );
  }
  const status = store.status.value;
  switch (status.kind) {
    case 'ready':
      return <ClickMapView {...props} report={status.report} match={status.match} />;
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

/** The host element carries the dock side and width: it is the fixed box the panel fills. */
function useHostLayout(asideRef: { current: HTMLElement | null }, layout: PanelLayout | null) {
  useLayoutEffect(() => {
    const root = asideRef.current?.getRootNode();
    const host = root instanceof ShadowRoot ? (root.host as HTMLElement) : null;
    if (!host || !layout) return;
    host.dataset.dock = layout.side;
    host.toggleAttribute('data-collapsed', layout.collapsed);
    if (layout.width === null) host.style.removeProperty('--cml-panel-width');
    else host.style.setProperty('--cml-panel-width', `min(${layout.width}px, 100vw - 48px)`);
  }, [layout?.side, layout?.width, layout?.collapsed]);
}

export function Panel(props: PanelProps) {
  const titleId = useId();
  const panelId = useId();
  const { store } = props;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const asideRef = useRef<HTMLElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const layout = props.layout ? read(props.layout) : null;
  const onLayout = props.onLayoutChange;
  const collapsed = layout?.collapsed ?? false;
  usePanelFocus(asideRef, headingRef, props);
  useHostLayout(asideRef, layout);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || e.defaultPrevented) return;
    // The page must not also react to this Escape (e.g. close the open email).
    e.stopPropagation();
    props.onClose();
  };
  const changeLayout = (change: Partial<PanelLayout>) => {
    // Focus stays on the collapse / expand button across the switch (it re-renders elsewhere).
    const keep = 'collapsed' in change && asideRef.current?.contains(activeIn(asideRef.current));
    onLayout?.(change, true);
    if (keep) requestAnimationFrame(() => toggleRef.current?.focus());
  };
  const controls = layout && onLayout && (
    <PanelLayoutControls
      layout={layout}
      controls={panelId}
      onChange={changeLayout}
      toggleRef={toggleRef}
    />
  );
  return (
    <>
      {layout && onLayout && !collapsed && (
        <ResizeHandle
          side={layout.side}
          controls={panelId}
          measure={() => asideRef.current?.getBoundingClientRect().width ?? 440}
          onResize={(width, save) => onLayout({ width }, save)}
        />
      )}
      <aside
        ref={asideRef}
        id={panelId}
        class="cml-panel"
        data-scheme={read(props.scheme ?? 'auto')}
        data-state={store.status.value.kind}
        data-view={store.view.value}
        data-dock={layout?.side ?? 'right'}
        data-collapsed={collapsed ? 'true' : undefined}
        aria-labelledby={titleId}
        onKeyDown={onKeyDown}
      >
        <PanelHeader
          titleId={titleId}
          title={props.title ?? t('tabReport')}
          templateName={collapsed ? null : store.templateName.value}
          onClose={props.onClose}
          headingRef={headingRef}
          actions={controls}
        />
        <p class="cml-visually-hidden" role="status" aria-live="polite">
          {store.announcement.value}
        </p>
        {!collapsed && (
          <>
            <PanelTabs
              view={store.view.value}
              hasSequence={store.sequence.value !== null}
              onShow={(view) => (props.onShowView ? props.onShowView(view) : store.setView(view))}
            />
            <CampaignBar {...props} />
            <PanelBody {...props} />
            {props.keyboardHelp}
            {props.children}
          </>
        )}
      </aside>
    </>
  );
}

/** The focused element inside `el`'s shadow root (or document). */
function activeIn(el: HTMLElement): Element | null {
  const root = el.getRootNode();
  return root instanceof ShadowRoot ? root.activeElement : document.activeElement;
}
