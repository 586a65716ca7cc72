/**
 * The panel's place on this site (dock side, width, collapsed), kept by the
 * background per site (utils/browser/panel-layout-store.ts): read once when
 * the panel starts, changed by the panel's controls. A drag previews widths
 * live and saves only where it ends.
 */
import { signal } from '@preact/signals';
import { sendToBackground } from '../utils/browser/messaging.ts';
import { t } from '../utils/i18n/i18n.ts';
import {
  DEFAULT_PANEL_LAYOUT,
  parsePanelLayout,
  type PanelLayout,
} from '../utils/settings/panel-layout.ts';

export function createPanelLayout(onError: (message: string) => void) {
  const layout = signal<PanelLayout>(DEFAULT_PANEL_LAYOUT);
  /** Set once the user changed something: a late answer to the first read must not undo it. */
  let touched = false;
  const ready = sendToBackground('panelLayout', {}).then(
    (stored) => {
      if (!touched) layout.value = parsePanelLayout(stored);
    },
    () => {},
  );
  return {
    layout,
    ready,
    /** Applies a change now; `save: false` (a drag in progress) keeps it unsaved. */
    change(change: Partial<PanelLayout>, save = true) {
      touched = true;
      layout.value = parsePanelLayout(change, layout.peek());
      if (!save) return;
      sendToBackground('panelLayout', { change }).catch((error: Error) =>
        onError(t('layoutNotSaved', error.message)),
      );
    },
  };
}

export type PanelLayoutState = ReturnType<typeof createPanelLayout>;
