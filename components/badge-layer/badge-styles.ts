/**
 * Styles of the badge layer. The host's own box is set inline with
 * !important (page CSS can reach the host element, not the shadow tree): a
 * 0×0 absolutely positioned box at the document origin that never takes
 * pointer events, adds no scroll area and sits above the page (below our
 * panel). The rest
 * lives in the shadow root only.
 */

export const LAYER_TAG = 'clickmap-lens-layer';

export const HOST_STYLE = [
  'all: initial',
  'display: block',
  'position: absolute',
  'left: 0',
  'top: 0',
  'width: 0',
  'height: 0',
  'margin: 0',
  'padding: 0',
  'border: 0',
  'overflow: visible',
  'transform: none',
  'pointer-events: none',
  // One below the panel's host (2147483646): the panel is always above the badges.
  'z-index: 2147483645',
]
  .map((declaration) => `${declaration} !important`)
  .join('; ');

export const LAYER_CSS = `
.layer { position: absolute; left: 0; top: 0; width: 0; height: 0; pointer-events: none; }
.layer[hidden], .badge[hidden], .box[hidden], .mark[hidden] { display: none; }
/* The link's outline in its badge's colour: which link a badge belongs to, text left uncovered. */
.mark {
  position: absolute; left: 0; top: 0; box-sizing: border-box;
  border: 2px solid var(--heat); border-radius: 3px; pointer-events: none; opacity: 0.9;
}
/* A pointer from the badge to its link, on the side facing it. */
.badge::after {
  content: ""; position: absolute; width: 0; height: 0; border: 4px solid transparent;
}
.badge[data-side='above']::after { top: 100%; right: 6px; border-top-color: var(--heat); border-bottom-width: 0; }
.badge[data-side='below']::after { bottom: 100%; right: 6px; border-bottom-color: var(--heat); border-top-width: 0; }
.badge[data-side='after']::after { right: 100%; top: 4px; border-right-color: var(--heat); border-left-width: 0; }
.badge[data-side='before']::after { left: 100%; top: 4px; border-left-color: var(--heat); border-right-width: 0; }
.badge {
  position: absolute; left: 0; top: 0; box-sizing: border-box;
  height: 16px; padding: 0 5px; border-radius: 8px;
  /* Font, height and padding must match badge-size.ts (badges are sized from text metrics). */
  font: 600 11px/16px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  font-variant-numeric: tabular-nums; letter-spacing: 0; white-space: nowrap;
  box-shadow: 0 0 0 1px rgb(255 255 255 / 0.85), 0 1px 3px rgb(0 0 0 / 0.35);
  pointer-events: auto; cursor: default; user-select: none;
}
.badge.no-data { font-weight: 400; }
.badge.is-highlighted { z-index: 1; box-shadow: 0 0 0 2px #ffffff, 0 0 0 4px #1a73e8; }
.box {
  position: absolute; left: 0; top: 0; box-sizing: border-box;
  border: 2px solid #1a73e8; border-radius: 3px; pointer-events: none;
  box-shadow: 0 0 0 1px #ffffff;
}
.box.ring { animation: cml-pulse 0.7s ease-out 3; }
@keyframes cml-pulse {
  from { box-shadow: 0 0 0 0 rgb(26 115 232 / 0.7); }
  to { box-shadow: 0 0 0 14px rgb(26 115 232 / 0); }
}
@media (prefers-reduced-motion: reduce) {
  .box.ring { animation: cml-fade 2s linear 1; }
}
@keyframes cml-fade { 0%, 75% { opacity: 1; } 100% { opacity: 0; } }
@media (forced-colors: active) {
  .badge { forced-color-adjust: none; outline: 1px solid CanvasText; }
  .box { border-color: Highlight; }
}
`;
