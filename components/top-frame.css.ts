/**
 * The top frame's own UI around the panel (injected after PANEL_CSS into the
 * same shadow root): the "Click map" launcher shown while the panel is
 * hidden, and the frames diagnostics under the panel.
 */
export const TOP_FRAME_CSS = `
.cml-launcher { position: fixed; top: 12px; right: 12px; z-index: 2147483647; font: 600 13px system-ui, sans-serif;
  padding: 6px 12px; border-radius: 16px; border: 1px solid #4c02a1; background: #4c02a1; color: #fff; cursor: pointer; }
:host([data-dock="left"]) .cml-launcher { right: auto; left: 12px; }
.cml-diagnostics { font: 12px system-ui, sans-serif; margin: 8px 16px 16px; color: var(--cml-muted, #555); }
.cml-diagnostics h3 { font-size: 12px; margin: 4px 0; }
.cml-diagnostics ul { margin: 0; padding-left: 16px; }
`;
