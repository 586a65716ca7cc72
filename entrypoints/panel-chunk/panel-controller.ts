/**
 * The top frame's panel logic: which preview frame the panel is about, what
 * it asks the background for (version, period, machine clicks), and what it
 * tells the preview frame to draw. The store (components/panel-store.ts) is
 * the single source of what the panel shows.
 */
import { computed, signal } from '@preact/signals';
import type { PanelStore } from '../../components/panel-store.ts';
import { sendToBackground } from '../../utils/browser/messaging.ts';
import type {
  FrameCommand,
  FrameRecord,
  ReportOutcome,
  ReportSelection,
} from '../../utils/messaging/protocol.ts';
import type { PeriodSelection } from '../../utils/panel/view-types.ts';
import { engineReportOf, previewModel } from '../../utils/reporting/panel-model.ts';

export function createPanelController(store: PanelStore) {
  const frames = signal<FrameRecord[]>([]);
  const visible = signal(true);
  const selection = signal<ReportSelection>({
    versionId: null,
    period: {},
    includeMachineClicks: null,
  });
  /** The most recently announced preview (a newly opened message comes last). */
  const previewFrame = computed(() => frames.value.findLast((f) => f.preview !== null) ?? null);
  let loadSeq = 0;

  const relay = (command: FrameCommand) => {
    const frame = previewFrame.value;
    if (!frame) return;
    sendToBackground('relay', { frameId: frame.frameId, command }).catch((error: Error) =>
      store.announce(`The preview frame did not answer: ${error.message}`),
    );
  };

  const show = (outcome: ReportOutcome, frame: FrameRecord) => {
    switch (outcome.state) {
      case 'not-configured':
        return store.setStatus({ kind: 'not-configured' });
      case 'no-match':
        return store.setStatus({ kind: 'no-data', message: outcome.reason });
      case 'error':
        return store.setStatus({ kind: 'error', reason: outcome.message });
      case 'ready': {
        const report = engineReportOf(outcome.report);
        if (!report || !frame.preview) {
          return store.setStatus({
            kind: 'error',
            reason: 'This source does not give per-link counts.',
          });
        }
        const model = previewModel(frame.preview, report, store.locale);
        store.setTemplateName(report.templateId);
        store.setStatus({ kind: 'ready', report, match: model.panel });
        relay({ command: 'drawBadges', badges: model.badges, visible: visible.value });
      }
    }
  };

  /** Loads the click map of the current preview; a newer load wins over an older one. */
  const load = async () => {
    const frame = previewFrame.value;
    if (!frame) return;
    const seq = ++loadSeq;
    store.setStatus({ kind: 'loading' });
    const request = { frameId: frame.frameId, selection: selection.value };
    const outcome = await sendToBackground('loadReport', request).catch(
      (error: Error): ReportOutcome => ({
        state: 'error',
        kind: 'unknown',
        message: error.message,
      }),
    );
    if (seq === loadSeq) show(outcome, frame);
  };

  return {
    frames,
    visible,
    previewFrame,
    load,
    setFrames(list: FrameRecord[]) {
      const before = previewFrame.value;
      frames.value = list;
      const after = previewFrame.value;
      // Records arrive as fresh objects on every push: compare what they say.
      const changed =
        after?.frameId !== before?.frameId ||
        JSON.stringify(after?.preview) !== JSON.stringify(before?.preview);
      if (after && changed) void load();
    },
    setVisible(next: boolean) {
      visible.value = next;
      relay({ command: 'setVisible', visible: next });
    },
    locate: (ordinal: number) => relay({ command: 'locate', ordinal }),
    highlight(ordinal: number | null) {
      store.setHighlighted(ordinal);
      relay({ command: 'highlight', ordinal });
    },
    changePeriod(next: PeriodSelection) {
      selection.value = { ...selection.value, versionId: next.versionId, period: next.period };
      void load();
    },
    changeMachineClicks(include: boolean) {
      selection.value = { ...selection.value, includeMachineClicks: include };
      void load();
    },
  };
}

export type PanelController = ReturnType<typeof createPanelController>;
