/**
 * The header's layout buttons: move the panel to the other side of the
 * window, and collapse it to a slim bar (or expand it back). Labels name
 * what the button does; the collapse button says whether the panel is
 * expanded (aria-expanded).
 */
import type { Ref } from 'preact';
import type { PanelLayout } from '../utils/settings/panel-layout.ts';

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
        aria-label={collapsed ? 'Expand panel' : 'Collapse panel'}
        title={collapsed ? 'Expand panel' : 'Collapse panel to a bar'}
        onClick={() => onChange({ collapsed: !collapsed })}
      >
        <span aria-hidden="true">{collapsed ? fromEdge : toEdge}</span>
      </button>
      {!collapsed && (
        <button
          type="button"
          class="cml-dock"
          aria-label={`Move panel to the ${other}`}
          title={`Move panel to the ${other}`}
          onClick={() => onChange({ side: other })}
        >
          <span aria-hidden="true">{other === 'left' ? '◧' : '◨'}</span>
        </button>
      )}
    </div>
  );
}
