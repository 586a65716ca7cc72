/**
 * Test-only: the browser side of Panel.browser.test.ts. Mounts the real Panel
 * in a shadow root with PANEL_CSS, as the content script does, with real
 * chart.js, and records the callbacks on window for the test to read.
 */
import { render } from 'preact';
import en from '../../public/_locales/en/messages.json' with { type: 'json' };
import { useCatalog } from '../../utils/i18n/i18n.ts';
import type { PanelMatch } from '../../utils/panel/view-types.ts';
import type { SourceReport } from '../../utils/sources/source-report.ts';
import { Panel } from '../Panel.tsx';
import { PANEL_CSS } from '../panel.css.ts';
import { createPanelStore } from '../panel-store.ts';

interface StartArgs {
  report: SourceReport;
  match: PanelMatch;
  scheme: 'light' | 'dark' | 'auto';
}

const target = window as unknown as {
  startPanel(args: StartArgs): void;
  panelEvents: unknown[][];
  panelRoot: ShadowRoot;
};

// A plain page has no extension i18n API: the English catalog stands in.
useCatalog(en);
target.panelEvents = [];
target.startPanel = ({ report, match, scheme }) => {
  const host = document.createElement('div');
  document.body.append(host);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = PANEL_CSS;
  const root = document.createElement('div');
  shadow.append(style, root);
  target.panelRoot = shadow;
  const log =
    (name: string) =>
    (...args: unknown[]) =>
      target.panelEvents.push([name, ...args]);
  const store = createPanelStore({ status: { kind: 'ready', report, match }, locale: 'en-US' });
  store.setTableColumns(['name', 'ctr', 'totalClicks', 'ctor']);
  render(
    <Panel
      store={store}
      scheme={scheme}
      loadChart={() => import('chart.js')}
      onClose={log('close')}
      onOpenSettings={log('settings')}
      onRetry={log('retry')}
      onLocate={log('locate')}
      onHighlight={log('highlight')}
      onPeriodChange={log('period')}
      onMachineClicksChange={log('machine')}
      onExport={(format) => log('export')(format)}
    />,
    root,
  );
};
