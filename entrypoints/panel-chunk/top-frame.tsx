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
import { createPanelLayout, type PanelLayoutState } from '../../components/panel-layout.ts';
import { KeyboardHelp } from '../../components/KeyboardHelp.tsx';
import { signal, type ReadonlySignal } from '@preact/signals';

/** chart.js arrives from its own chunk, only when a chart is first shown. */
const loadChart = () => loadChunk<ChartModule>('chart');

interface TopUiProps {
  store: PanelStore;
  controller: PanelController;
  layout: PanelLayoutState;
  focusRequest: ReadonlySignal<number>;
  shortcut: ReadonlySignal<string | null>;
}

function TopUi({ store, controller, layout, focusRequest, shortcut }: TopUiProps) {
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
      focusRequest={focusRequest.value}
      onReturnFocus={() => (focusLauncher.current = true)}
      layout={layout.layout}
      onLayoutChange={layout.change}
      keyboardHelp={<KeyboardHelp shortcut={shortcut.value} />}
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
  const layout = createPanelLayout(store.announce);
  const focusRequest = signal(0);
  const shortcut = signal<string | null>(null);
  sendToBackground('keyboardShortcut', {}).then(
    (answer) => (shortcut.value = answer.shortcut),
    () => {},
  );
  let mounted = false;
  let host: Element | null = null;

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
      onMount: (container) =>
        render(
          <TopUi
            store={store}
            controller={controller}
            layout={layout}
            focusRequest={focusRequest}
            shortcut={shortcut}
          />,
          container,
        ),
      onRemove: (container) => container && render(null, container),
    });
    host = ui.shadowHost;
    ui.mount();
  };

  /**
   * The toolbar button or the shortcut: opens the panel with focus in it;
   * open, focus moves in (the email's links need no tabbing through); focus
   * already in it, it closes (focus goes back where it was). Answers visible.
   */
  const summon = (): boolean => {
    const focused = host !== null && document.activeElement === host;
    if (controller.visible.peek() && focused) {
      controller.setVisible(false);
      return false;
    }
    if (!controller.visible.peek()) controller.setVisible(true);
    focusRequest.value += 1;
    return true;
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
  return { ...controller, onFrames, mount, summon };
}

export interface TopFrame extends PanelController {
  /** The background's push of the tab's frames. */
  onFrames(list: PanelController['frames']['value']): void;
  /** Shows the UI (toolbar button / shortcut) even before a preview was found. */
  mount(): Promise<void>;
  /** Toolbar button / shortcut: open and focus the panel, or close it when focused; answers visible. */
  summon(): boolean;
}
