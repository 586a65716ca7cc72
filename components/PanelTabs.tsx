/**
 * The panel's view switch, under the header in every state: the report, the
 * sequence (only when the matched campaign is a step of one) and "Check
 * links", the pre-send QA mode that needs no data source at all.
 */
import type { PanelView } from './panel-store.ts';

export interface PanelTabsProps {
  view: PanelView;
  hasSequence: boolean;
  onShow(view: PanelView): void;
}

const LABELS: Record<PanelView, string> = {
  report: 'Click map',
  sequence: 'Sequence',
  qa: 'Check links',
};

export function PanelTabs({ view, hasSequence, onShow }: PanelTabsProps) {
  const views: PanelView[] = hasSequence ? ['report', 'sequence', 'qa'] : ['report', 'qa'];
  return (
    <nav class="cml-tabs" aria-label="Panel view">
      {views.map((v) => (
        <button
          key={v}
          type="button"
          class="cml-tab"
          data-view={v}
          aria-pressed={v === view}
          onClick={() => onShow(v)}
        >
          {LABELS[v]}
        </button>
      ))}
    </nav>
  );
}
