/**
 * The panel's stylesheet, injected as a <style> into the panel's own shadow
 * root (never into the email's DOM). Everything is scoped by the shadow root;
 * colours are custom properties so the host page (or the user) can override
 * them on the host element, and the scheme follows the `scheme` prop:
 * data-scheme="light" | "dark" | "auto" (auto = prefers-color-scheme).
 */
import { heatGradientCss } from '../utils/panel/heat.ts';

const LIGHT = `
  --cml-bg: #ffffff;
  --cml-fg: #1b1b1f;
  --cml-muted: #5b5b66;
  --cml-border: #d9d9e0;
  --cml-surface: #f6f6f9;
  --cml-row-hover: #efeaf9;
  --cml-accent: #4c02a1;
  --cml-accent-fg: #ffffff;
  --cml-focus: #1a5fd0;
  --cml-danger: #b3261e;
  color-scheme: light;`;

const DARK = `
  --cml-bg: #1c1c22;
  --cml-fg: #ececf1;
  --cml-muted: #a9a9b8;
  --cml-border: #3a3a45;
  --cml-surface: #26262e;
  --cml-row-hover: #2f2b3d;
  --cml-accent: #c9a8ff;
  --cml-accent-fg: #1c1c22;
  --cml-focus: #8ab4f8;
  --cml-danger: #f2b8b5;
  color-scheme: dark;`;

export const PANEL_CSS = `
:host {
  all: initial;
  position: fixed;
  inset-block: 0;
  inset-inline-end: 0;
  inline-size: var(--cml-panel-width, min(440px, 100vw));
  z-index: 2147483646;
  font: 13px/1.4 var(--cml-font, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif);
}
/* Dock side, width and the slim bar: the panel sets them on its host (Panel.tsx). */
:host([data-dock="left"]) { inset-inline-end: auto; inset-inline-start: 0; }
:host([data-collapsed]) { inline-size: 48px; }
.cml-panel {${LIGHT}
  box-sizing: border-box;
  /* The viewport, not 100%: the content script's shadow-root container between
     the fixed host and the panel has an auto height, so 100% would grow with the
     content and the panel would never scroll. */
  block-size: 100vh;
  block-size: 100dvh;
  overflow: auto;
  container: panel / inline-size;
  background: var(--cml-bg);
  color: var(--cml-fg);
  border-inline-start: 1px solid var(--cml-border);
  box-shadow: -4px 0 16px rgb(0 0 0 / 0.18);
  padding: 0 12px 16px;
}
.cml-panel[data-scheme="dark"] {${DARK}
}
.cml-panel[data-dock="left"] {
  border-inline-start: 0; border-inline-end: 1px solid var(--cml-border);
  box-shadow: 4px 0 16px rgb(0 0 0 / 0.18);
}
.cml-panel[data-collapsed] { padding: 0 6px; overflow: hidden; }
.cml-panel[data-collapsed] .cml-header { flex-direction: column; align-items: center; border: 0; gap: 6px; }
/* The heading stays for screen readers and focus, out of the bar's way. */
.cml-panel[data-collapsed] .cml-title {
  position: absolute; inline-size: 1px; block-size: 1px; overflow: hidden; clip-path: inset(50%);
}
.cml-panel[data-collapsed] .cml-layout-controls { flex-direction: column; margin: 0; }
.cml-panel[data-collapsed] .cml-close { margin: 0; }
/* The resize handle on the panel's inner edge (outside the scrolling panel, inside the host). */
.cml-resize {
  position: absolute; inset-block: 0; inset-inline-start: -4px; inline-size: 8px; z-index: 2;
  cursor: col-resize; touch-action: none;
}
:host([data-dock="left"]) .cml-resize { inset-inline-start: auto; inset-inline-end: -4px; }
.cml-resize:hover, .cml-resize:focus-visible { background: rgb(26 95 208 / 0.35); }
.cml-resize:focus-visible { outline: 2px solid #1a5fd0; outline-offset: -2px; }
@media (prefers-color-scheme: dark) {
  .cml-panel[data-scheme="auto"] {${DARK}
  }
}
.cml-panel *, .cml-panel *::before, .cml-panel *::after { box-sizing: inherit; }
.cml-panel :focus-visible { outline: 2px solid var(--cml-focus); outline-offset: 2px; }
.cml-panel button, .cml-panel select, .cml-panel input {
  font: inherit; color: inherit; background: var(--cml-surface);
  border: 1px solid var(--cml-border); border-radius: 6px; padding: 4px 8px;
}
.cml-panel button { cursor: pointer; }
.cml-panel button:disabled { cursor: not-allowed; opacity: 0.5; }
.cml-panel .cml-primary { background: var(--cml-accent); color: var(--cml-accent-fg); border-color: transparent; }
.cml-header {
  position: sticky; top: 0; z-index: 1; display: flex; align-items: start; gap: 8px;
  padding: 12px 0 8px; background: var(--cml-bg); border-block-end: 1px solid var(--cml-border);
}
.cml-header h2 { margin: 0; font-size: 16px; }
.cml-header .cml-template { margin: 2px 0 0; color: var(--cml-muted); overflow-wrap: anywhere; }
.cml-header .cml-close { margin-inline-start: auto; font-size: 16px; line-height: 1; padding: 4px 8px; }
.cml-layout-controls { display: flex; gap: 4px; margin-inline-start: auto; }
.cml-layout-controls + .cml-close { margin-inline-start: 0; }
.cml-layout-controls button { font-size: 16px; line-height: 1; padding: 4px 8px; }
.cml-keys { margin: 16px 0 0; color: var(--cml-muted); }
.cml-keys summary { cursor: pointer; }
.cml-keys ul { margin: 4px 0 0; padding-inline-start: 18px; }
.cml-keys kbd { font: inherit; font-weight: 600; color: var(--cml-fg); }
.cml-status { margin: 16px 0; }
.cml-status .cml-reason { color: var(--cml-danger); overflow-wrap: anywhere; }
.cml-section { margin-block-start: 16px; }
.cml-section h3 { margin: 0 0 6px; font-size: 13px; }
.cml-toolbar { display: flex; flex-wrap: wrap; gap: 8px; align-items: end; margin-block-start: 12px; }
.cml-toolbar fieldset { border: 0; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 6px; align-items: end; }
.cml-toolbar label { display: grid; gap: 2px; color: var(--cml-muted); }
.cml-error-text { color: var(--cml-danger); margin: 4px 0 0; flex-basis: 100%; }
.cml-headline { display: grid; grid-template-columns: repeat(3, 1fr); gap: 8px; margin: 0; }
.cml-headline > div { background: var(--cml-surface); border-radius: 8px; padding: 8px; }
.cml-headline dt { color: var(--cml-muted); }
.cml-headline dd { margin: 2px 0 0; font-size: 22px; font-weight: 600; font-variant-numeric: tabular-nums; }
.cml-metrics { display: grid; grid-template-columns: 1fr 1fr; gap: 2px 16px; margin: 8px 0 0; }
.cml-metrics > div { display: flex; justify-content: space-between; gap: 8px; }
.cml-metrics dt { color: var(--cml-muted); }
.cml-metrics dd { margin: 0; text-align: end; font-variant-numeric: tabular-nums; }
.cml-missing { color: var(--cml-muted); cursor: help; }
.cml-metric-note { display: block; font-size: 12px; font-weight: 400; color: var(--cml-muted); }
.cml-basis-note { margin: 0 0 4px; color: var(--cml-muted); }
.cml-switch { display: flex; gap: 6px; align-items: center; margin-block-start: 8px; }
.cml-legend { display: grid; gap: 2px; margin: 16px 0 0; }
.cml-legend figcaption { color: var(--cml-muted); }
.cml-legend-bar { block-size: 10px; border-radius: 5px; background: ${heatGradientCss()}; }
.cml-legend-labels { display: flex; justify-content: space-between; color: var(--cml-muted); }
.cml-chart { position: relative; }
.cml-chart canvas { inline-size: 100% !important; }
.cml-chart-fallback { color: var(--cml-muted); margin: 0; padding-inline-start: 18px; }
.cml-table-scroll { overflow-x: auto; }
.cml-table { inline-size: 100%; border-collapse: collapse; font-size: 12px; font-variant-numeric: tabular-nums; }
.cml-table caption { text-align: start; font-weight: 600; padding-block-end: 4px; }
.cml-table th, .cml-table td { padding: 4px; border-block-end: 1px solid var(--cml-border); text-align: start; vertical-align: top; }
.cml-table .cml-num { text-align: end; white-space: nowrap; }
/* Headers may wrap ("Unique / clicks") so the columns and the locate buttons fit the panel. */
.cml-table th.cml-num { white-space: normal; }
.cml-table th button { border: 0; background: none; padding: 2px; font-weight: 600; inline-size: 100%; text-align: inherit; }
.cml-table tbody tr:hover, .cml-table tbody tr.cml-highlighted { background: var(--cml-row-hover); }
.cml-table tfoot td { font-weight: 600; }
.cml-url { overflow-wrap: anywhere; min-inline-size: 10ch; }
.cml-name { min-inline-size: 10ch; }
.cml-marker { display: inline-block; margin-inline-start: 4px; padding: 0 4px; border-radius: 4px; font-size: 11px; background: var(--cml-surface); border: 1px solid var(--cml-border); color: var(--cml-muted); white-space: nowrap; }
.cml-swatch { display: inline-block; inline-size: 8px; block-size: 8px; border-radius: 2px; margin-inline-end: 4px; }
.cml-locate { padding: 2px 6px; line-height: 0; }
.cml-locate svg { inline-size: 14px; block-size: 14px; fill: currentColor; }
.cml-notes { color: var(--cml-muted); padding-inline-start: 18px; }
.cml-visually-hidden {
  position: absolute; inline-size: 1px; block-size: 1px; margin: -1px; padding: 0;
  overflow: hidden; clip-path: inset(50%); white-space: nowrap; border: 0;
}
@container panel (max-width: 380px) {
  .cml-headline dd { font-size: 18px; }
}
.cml-columns { margin-block-end: 4px; }
.cml-columns summary { cursor: pointer; color: var(--cml-muted); }
.cml-columns fieldset { border: 0; margin: 0; padding: 4px 0; display: flex; flex-wrap: wrap; gap: 4px 12px; }
@media (prefers-reduced-motion: reduce) {
  .cml-panel * { transition: none !important; animation: none !important; }
}
/* View tabs, the link check's severities and summary, source limits, the campaign picker. */
.cml-tabs { display: flex; gap: 4px; padding: 6px 16px 0; border-bottom: 1px solid var(--cml-border, #ccc); }
.cml-tab { font: inherit; font-size: 12px; padding: 4px 10px; border: 1px solid transparent;
  border-bottom: none; border-radius: 6px 6px 0 0; background: none; color: inherit; cursor: pointer; }
.cml-tab[aria-pressed='true'] { border-color: var(--cml-border, #ccc); font-weight: 600;
  background: var(--cml-bg, #fff); margin-bottom: -1px; }
.cml-severity { display: inline-block; padding: 0 6px; border-radius: 8px; color: #fff; font-size: 11px; }
.cml-severity[data-severity='error'] { background: #b3261e; }
.cml-severity[data-severity='warning'] { background: #8a4b00; }
.cml-severity[data-severity='info'] { background: #1f5fa8; }
.cml-qa-summary { margin: 0; font-size: 12px; }
.cml-limits h3 { font-size: 12px; margin: 4px 0; }
.cml-campaign-picker { padding: 6px 16px 0; font-size: 12px; }
.cml-campaign-picker select { font: inherit; max-width: 100%; }
`;
