/**
 * The header's layout buttons: move the panel to the other side of the
 * window, and collapse it to a slim bar (or expand it back). Labels name
 * what the button does; the collapse button says whether the panel is
 * expanded (aria-expanded).
 */
import type { Ref } from 'preact';
import type { PanelLayout } from '../utils/settings/panel-layout.ts';
import { t } from '../utils/i18n/i18n.ts';

export interface PanelLayoutControlsProps {
  layout: PanelLayout;
  controls: string;
  onChange(change: Partial<PanelLayout>): void;
  /** The collapse / expand button, which keeps focus across the switch. */
  toggleRef?: Ref<HTMLButtonElement>;
}

export function PanelLayoutControls({
  layout,
  controls,
  onChange,
  toggleRef,
}: PanelLayoutControlsProps) {
  const other = layout.side === 'right' ? 'left' : 'right';
  const collapsed = layout.collapsed;
  const dockLabel = other === 'left' ? t('layoutDockLeft') : t('layoutDockRight');
  // Arrows point where the panel goes: toward the window's edge to collapse, back to expand.
  const toEdge = layout.side === 'right' ? '⇥' : '⇤';
  const fromEdge = layout.side === 'right' ? '⇤' : '⇥';
  return (
    <div class="cml-layout-controls">
      <button
        type="button"
        class="cml-collapse"
        ref={toggleRef}
        aria-expanded={!collapsed}
        aria-controls={controls}
        aria-label={collapsed ? t('layoutExpand') : t('layoutCollapse')}
        title={collapsed ? t('layoutExpand') : t('layoutCollapseHint')}
        onClick={() => onChange({ collapsed: !collapsed })}
      >
        <span aria-hidden="true">{collapsed ? fromEdge : toEdge}</span>
      </button>
      {!collapsed && (
        <button
          type="button"
          class="cml-dock"
          aria-label={dockLabel}
          title={dockLabel}
          onClick={() => onChange({ side: other })}
        >
          <span aria-hidden="true">{other === 'left' ? '◧' : '◨'}</span>
        </button>
      )}
    </div>
  );
}
