/**
 * The panel's resize handle on its inner edge: a window splitter (ARIA
 * separator) dragged with the pointer, or focused and moved with the arrow
 * keys (Shift: larger steps), Home and End. A drag shows widths live and
 * saves where it ends; every key press saves.
 */
import type { DockSide } from '../utils/settings/panel-layout.ts';
import { MAX_PANEL_WIDTH, MIN_PANEL_WIDTH } from '../utils/settings/panel-layout.ts';
import { t } from '../utils/i18n/i18n.ts';

export interface ResizeHandleProps {
  side: DockSide;
  /** The panel's current width in CSS pixels (as laid out). */
  measure(): number;
  controls: string;
  onResize(width: number, save: boolean): void;
}

const STEP = 24;
const BIG_STEP = 96;
/** Always leave some of the page beside the panel. */
const PAGE_LEFT = 48;

function bounds(): [number, number] {
  const max = Math.min(MAX_PANEL_WIDTH, Math.max(MIN_PANEL_WIDTH, innerWidth - PAGE_LEFT));
  return [MIN_PANEL_WIDTH, max];
}

const clamp = (w: number) => {
  const [min, max] = bounds();
  return Math.round(Math.min(max, Math.max(min, w)));
};

export function ResizeHandle({ side, measure, controls, onResize }: ResizeHandleProps) {
  const [min, max] = bounds();
  const width = measure();
  /** Moving toward the page widens the panel: left for a panel docked right. */
  const towardPage = side === 'right' ? 'ArrowLeft' : 'ArrowRight';
  const onKeyDown = (e: KeyboardEvent) => {
    const width = measure();
    const step = e.shiftKey ? BIG_STEP : STEP;
    const next =
      e.key === towardPage
        ? width + step
        : e.key === 'ArrowLeft' || e.key === 'ArrowRight'
          ? width - step
          : e.key === 'Home'
            ? min
            : e.key === 'End'
              ? max
              : null;
    if (next === null) return;
    e.preventDefault();
    onResize(clamp(next), true);
  };
  const onPointerDown = (e: PointerEvent) => {
    if (e.button !== 0) return;
    const handle = e.currentTarget as HTMLElement;
    handle.setPointerCapture(e.pointerId);
    e.preventDefault();
    const [startX, startWidth] = [e.clientX, measure()];
    let last = startWidth;
    const at = (x: number) => clamp(startWidth + (side === 'right' ? startX - x : x - startX));
    const move = (m: PointerEvent) => {
      last = at(m.clientX);
      onResize(last, false);
    };
    const end = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', end);
      handle.removeEventListener('pointercancel', end);
      onResize(last, true);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', end);
    handle.addEventListener('pointercancel', end);
  };
  return (
    <div
      class="cml-resize"
      role="separator"
      aria-orientation="vertical"
      aria-label={t('layoutResize')}
      aria-controls={controls}
      aria-valuemin={min}
      aria-valuemax={max}
      aria-valuenow={Math.round(width)}
      aria-valuetext={t('layoutResizeValue', String(Math.round(width)))}
      title={t('layoutResizeHint')}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
    />
  );
}
