/**
 * The panel's view switch, under the header in every state: the report, the
 * sequence (only when the matched campaign is a step of one) and "Check
 * links", the pre-send QA mode that needs no data source at all.
 */
import type { PanelView } from './panel-store.ts';
import { t } from '../utils/i18n/i18n.ts';

export interface PanelTabsProps {
  view: PanelView;
  hasSequence: boolean;
  onShow(view: PanelView): void;
}

const LABELS = {
  report: 'tabReport',
  sequence: 'tabSequence',
  qa: 'tabQa',
} as const satisfies Record<PanelView, string>;

export function PanelTabs({ view, hasSequence, onShow }: PanelTabsProps) {
  const views: PanelView[] = hasSequence ? ['report', 'sequence', 'qa'] : ['report', 'qa'];
  return (
    <nav class="cml-tabs" aria-label={t('tabsLabel')}>
      {views.map((v) => (
        <button
          key={v}
          type="button"
          class="cml-tab"
          data-view={v}
          aria-pressed={v === view}
          onClick={() => onShow(v)}
        >
          {t(LABELS[v])}
        </button>
      ))}
    </nav>
  );
}
