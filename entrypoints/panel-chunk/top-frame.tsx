/**
 * The top frame: hears the tab's frame list from the background and, once a
 * frame holds an email preview, mounts the side panel in our own shadow root
 * on the page's <html> element (outside <body>: an email-as-page keeps its
 * body untouched).
 */
import { render } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { FramesStatus } from '../../components/FramesStatus.tsx';
import { Panel } from '../../components/Panel.tsx';
import { PANEL_CSS } from '../../components/panel.css.ts';
import { TOP_FRAME_CSS } from '../../components/top-frame.css.ts';
import { createPanelStore, type PanelStore } from '../../components/panel-store.ts';
import { sendToBackground } from '../../utils/browser/messaging.ts';
import { OWN_UI_TAG } from '../../utils/detection/own-ui.ts';
import { loadChunk } from '../../utils/browser/chunk-loader.ts';
import type { ChartModule } from '../../utils/panel/chart-registry.ts';
import { createPanelController, type PanelController } from '../../components/panel-controller.ts';
import { t } from '../../utils/i18n/i18n.ts';

/** chart.js arrives from its own chunk, only when a chart is first shown. */
const loadChart = () => loadChunk<ChartModule>('chart');

function TopUi({ store, controller }: { store: PanelStore; controller: PanelController }) {
  // Shown on its own when an email is found; after the user closed it, opening is theirs.
  const closedOnce = useRef(false);
  const focusLauncher = useRef(false);
  const launcher = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!focusLauncher.current) return;
    focusLauncher.current = false;
    launcher.current?.focus();
  });
  if (!controller.visible.value) {
    closedOnce.current = true;
    return (
      <button
        type="button"
        class="cml-launcher"
        ref={launcher}
        onClick={() => controller.setVisible(true)}
      >
        {t('tabReport')}
      </button>
    );
  }
  return (
    <Panel
      store={store}
      title={t('extName')}
      loadChart={loadChart}
      takeFocus={closedOnce.current}
      onReturnFocus={() => (focusLauncher.current = true)}
      onClose={() => controller.setVisible(false)}
      onOpenSettings={() => void sendToBackground('openOptions', {}).catch(() => {})}
      onRetry={() => void controller.load()}
      onLocate={controller.locate}
      onHighlight={controller.highlight}
      onPeriodChange={controller.changePeriod}
      onBadgeMetricChange={controller.changeBadgeMetric}
      onTableColumnsChange={controller.changeTableColumns}
      onMachineClicksChange={controller.changeMachineClicks}
      onShowView={controller.showView}
      onCampaignChange={controller.changeCampaign}
    >
      <details class="cml-diagnostics">
        <summary>{t('framesSummary')}</summary>
        <FramesStatus frames={controller.frames} />
      </details>
    </Panel>
  );
}

export function startTopFrame(ctx: ContentScriptContext): TopFrame {
  const store = createPanelStore();
  const controller = createPanelController(store);
  let mounted = false;

  const mount = async () => {
    if (mounted || ctx.signal.aborted) return;
    mounted = true;
    const ui = await createShadowRootUi(ctx, {
      name: OWN_UI_TAG,
      position: 'inline',
      anchor: 'html',
      append: 'last',
      css: PANEL_CSS + TOP_FRAME_CSS,
      // Closed: the page cannot reach the panel (report data) through host.shadowRoot.
      mode: 'closed',
      isolateEvents: true,
      // WXT's reset (:host { all: initial !important }) would undo the panel's own
      // :host positioning; PANEL_CSS resets inheritance itself with all: initial.
      inheritStyles: true,
      onMount: (container) => render(<TopUi store={store} controller={controller} />, container),
      onRemove: (container) => container && render(null, container),
    });
    ui.mount();
  };

  const onFrames = (list: typeof controller.frames.value) => {
    controller.setFrames(list);
    if (controller.previewFrame.value) void mount();
  };
  // Frames that announced before this frame listened.
  sendToBackground('listFrames', {})
    .then(({ frames }) => {
      if (frames.length > controller.frames.value.length) onFrames(frames);
    })
    .catch(() => {});
  return { ...controller, onFrames, mount };
}

export interface TopFrame extends PanelController {
  /** The background's push of the tab's frames. */
  onFrames(list: PanelController['frames']['value']): void;
  /** Shows the UI (toolbar button / shortcut) even before a preview was found. */
  mount(): Promise<void>;
}
