/**
 * The top frame's panel logic: which preview frame the panel is about, what
 * it asks the background for (version, period, machine clicks), and what it
 * tells the preview frame to draw: the report's heat badges, or in "Check
 * links" (pre-send QA) the numbered badges of the background's audit. With
 * the store beside it (panel-store.ts, the single source of what the panel
 * shows) it is the panel's whole state machine; entrypoints/panel-chunk only
 * mounts them. The sequence view appears when the matched campaign is a step.
 */
import { computed, signal } from '@preact/signals';
import type { PanelStore, PanelView } from './panel-store.ts';
import { sendToBackground } from '../utils/browser/messaging.ts';
import type {
  FrameCommand,
  FrameRecord,
  PreviewInfo,
  ReportOutcome,
  ReportSelection,
} from '../utils/messaging/protocol.ts';
import type { BadgeView } from '../utils/overlay/badge-model.ts';
import { badgesFirst } from './badges-first.ts';
import { withMetric, type BadgeMetric } from '../utils/overlay/badge-metric.ts';
import { qaBadges } from '../utils/overlay/qa-badges.ts';
import type { PeriodSelection } from '../utils/panel/view-types.ts';
import { previewModel } from '../utils/panel/panel-model.ts';
import { t } from '../utils/i18n/i18n.ts';

/**
 * What a preview says, minus the measured boxes: a re-layout (images, fonts,
 * resize) re-announces new sizes but the same email, which needs no reload.
 */
function previewKey(preview: PreviewInfo | null | undefined): string {
  if (!preview) return '';
  return JSON.stringify({ ...preview, links: preview.links.map(({ box: _box, ...link }) => link) });
}

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
  /** Sends a command to the preview frame; resolves once the frame carried it out. */
  const relay = async (command: FrameCommand): Promise<void> => {
    const frame = previewFrame.value;
    if (!frame) return;
    await sendToBackground('relay', { frameId: frame.frameId, command }).catch((error: Error) =>
      store.announce(t('previewNoAnswer', error.message)),
    );
  };

  /** The report's badges, kept so leaving "Check links" puts them back. */
  let reportBadges: BadgeView[] | null = null;

  const drawReportBadges = () => {
    if (!reportBadges) return relay({ command: 'clearBadges' });
    const badges = withMetric(reportBadges, store.badgeMetric.peek());
    return relay({ command: 'drawBadges', badges, visible: visible.peek() });
  };

  // The remembered badge metric (the background keeps it); the default until it answers.
  sendToBackground('viewPrefs', {}).then(
    (prefs) => {
      store.setTableColumns(prefs.tableColumns);
      if (prefs.badgeMetric === store.badgeMetric.peek()) return;
      store.setBadgeMetric(prefs.badgeMetric);
      if (store.view.peek() !== 'qa') void drawReportBadges();
    },
    () => {},
  );

  let auditSeq = 0;
  /** Pre-send check of a preview frame (audited by the background): numbered badges and the list. */
  const checkLinks = async (frame: FrameRecord, preview: PreviewInfo) => {
    const seq = ++auditSeq;
    const result = await sendToBackground('auditPreview', { frameId: frame.frameId }).catch(
      (error: Error) => {
        store.announce(t('qaFailed', error.message));
        return null;
      },
    );
    // A newer check, or the user left "Check links" meanwhile: this answer is stale.
    // Plain reads (peek): this is an event handler's continuation, not a reactive context.
    if (!result || seq !== auditSeq || store.view.peek() !== 'qa') return;
    const name = (store.templateName.peek() ?? preview.profileId).replace(/[^\w.-]+/g, '-');
    store.setQa({ result, name });
    void relay({
      command: 'drawBadges',
      badges: qaBadges(preview, result),
      visible: visible.peek(),
    });
  };

  const showReady = async (
    outcome: Extract<ReportOutcome, { state: 'ready' }>,
    preview: PreviewInfo,
    seq: number,
  ) => {
    // Every source gives the one report shape: the same view model, table and badges.
    const model = previewModel(preview, outcome.report, store.locale);
    // The page's badges first (unless the numbered QA badges are showing), the table after.
    reportBadges = model.badges;
    if (store.view.peek() !== 'qa') await badgesFirst(drawReportBadges);
    if (seq !== loadSeq) return; // a newer load started meanwhile
    store.setTemplateName(outcome.templateName ?? outcome.report.templateId);
    store.setSequence(outcome.sequence);
    store.setStatus({
      kind: 'ready',
      report: outcome.report,
      match: model.panel,
      campaigns: outcome.campaigns ?? [],
      campaignId: outcome.campaignId ?? null,
    });
  };

  const show = async (outcome: ReportOutcome, frame: FrameRecord, seq: number) => {
    if (outcome.state !== 'ready') {
      reportBadges = null;
      store.setSequence(null);
      // The header names the matched template: nothing matched, no name (not the previous email's).
      store.setTemplateName(null);
    }
    switch (outcome.state) {
      case 'not-configured':
        return store.setStatus({ kind: 'not-configured' });
      case 'no-match':
        return store.setStatus({
          kind: 'no-data',
          message: outcome.reason,
          ...(outcome.campaigns ? { campaigns: outcome.campaigns } : {}),
        });
      case 'error':
        return store.setStatus({ kind: 'error', reason: outcome.message });
      case 'ready':
        if (frame.preview) return showReady(outcome, frame.preview, seq);
        return store.setStatus({ kind: 'error', reason: t('previewGone') });
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
    if (seq === loadSeq) await show(outcome, frame, seq);
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
        previewKey(after?.preview) !== previewKey(before?.preview);
      if (after && changed) {
        // A picked campaign, and the header's template name, belong to the previous email.
        if (selection.value.campaignId) selection.value = { ...selection.value, campaignId: null };
        store.setTemplateName(null);
        if (store.view.value === 'qa' && after.preview) void checkLinks(after, after.preview);
        void load();
      }
    },
    /** Report, sequence or "Check links"; the page's badges follow the view. */
    showView(view: PanelView) {
      const before = store.view.value;
      store.setView(view);
      const frame = previewFrame.value;
      if (view === 'qa') {
        if (frame?.preview) void checkLinks(frame, frame.preview);
        else store.setQa(null);
      } else if (before === 'qa') {
        void drawReportBadges();
      }
    },
    setVisible(next: boolean) {
      visible.value = next;
      void relay({ command: 'setVisible', visible: next });
    },
    locate: (ordinal: number) => void relay({ command: 'locate', ordinal }),
    highlight(ordinal: number | null) {
      store.setHighlighted(ordinal);
      void relay({ command: 'highlight', ordinal });
    },
    changePeriod(next: PeriodSelection) {
      selection.value = { ...selection.value, versionId: next.versionId, period: next.period };
      void load();
    },
    /**
     * One campaign of the template (e.g. the sequence step this email is), or
     * all (null); when nothing matched, the campaign whose report to show.
     */
    changeCampaign(campaignId: string | null) {
      selection.value = { ...selection.value, campaignId };
      void load();
    },
    /** What the page badges say: relabels them now and remembers the choice. */
    changeBadgeMetric(metric: BadgeMetric) {
      store.setBadgeMetric(metric);
      if (store.view.peek() !== 'qa') void drawReportBadges();
      sendToBackground('viewPrefs', { change: { badgeMetric: metric } }).catch((error: Error) =>
        store.announce(t('badgeChoiceNotSaved', error.message)),
      );
    },
    /** The link table's optional columns: shown now, remembered. */
    changeTableColumns(columns: string[]) {
      store.setTableColumns(columns);
      sendToBackground('viewPrefs', { change: { tableColumns: columns } }).catch((error: Error) =>
        store.announce(t('columnChoiceNotSaved', error.message)),
      );
    },
    /** The machine-click switch: applied now and remembered as the default of the next reports. */
    changeMachineClicks(include: boolean) {
      selection.value = { ...selection.value, includeMachineClicks: include };
      sendToBackground('rememberMachineClicks', { include }).catch((error: Error) =>
        store.announce(t('machineChoiceNotSaved', error.message)),
      );
      void load();
    },
  };
}

export type PanelController = ReturnType<typeof createPanelController>;
