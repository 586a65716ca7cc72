import { signal } from '@preact/signals';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { mailchimpMatch, mailchimpReport } from '../utils/panel/testing/fixtures.ts';
import type { ColorScheme } from '../utils/panel/view-types.ts';
import { Panel, type PanelProps } from './Panel.tsx';
import { PANEL_CSS } from './panel.css.ts';
import { createPanelStore, type PanelStatus } from './panel-store.ts';
import { fakeChartModule } from './testing/fake-chart.ts';
import { click, fire, mount, texts, type Mounted } from './testing/mount.ts';

let view: Mounted | null = null;
afterEach(() => view?.unmount());

function renderPanel(status: PanelStatus, overrides: Partial<PanelProps> = {}) {
  const store = createPanelStore({ status, templateName: 'The Download', locale: 'en-US' });
  // Every optional column on: these tests sort by every column.
  store.setTableColumns(['name', 'ctr', 'totalClicks', 'ctor']);
  const { mod } = fakeChartModule();
  const props: PanelProps = {
    store,
    loadChart: () => Promise.resolve(mod),
    onClose: vi.fn(),
    onOpenSettings: vi.fn(),
    onRetry: vi.fn(),
    onLocate: vi.fn(),
    onHighlight: vi.fn(),
    onPeriodChange: vi.fn(),
    onMachineClicksChange: vi.fn(),
    onExport: vi.fn(),
    ...overrides,
  };
  view = mount(<Panel {...props} />, { shadow: true });
  return { view, props, store };
}

const body = (v: Mounted) => texts(v.$$('.cml-status p'));
const report = mailchimpReport();
const ready: PanelStatus = { kind: 'ready', report, match: mailchimpMatch(report.links) };

describe('states', () => {
  test('loading', () => {
    const { view } = renderPanel({ kind: 'loading' });
    expect(body(view)).toEqual(['Loading click map…']);
    expect(view.$('.cml-status').getAttribute('aria-busy')).toBe('true');
  });

  test('no data, with and without a message', () => {
    expect(body(renderPanel({ kind: 'no-data' }).view)).toEqual([
      'No click data for this email yet.',
    ]);
    view?.unmount();
    const { view: v } = renderPanel({
      kind: 'no-data',
      message: 'No campaign used this template in the period.',
    });
    expect(body(v)).toEqual([
      'No click data for this email yet.',
      'No campaign used this template in the period.',
    ]);
  });

  test('not configured: "Open settings" calls back', () => {
    const { view, props } = renderPanel({ kind: 'not-configured' });
    expect(body(view)).toEqual(['Clickmap Lens is not connected to a data source yet.']);
    const button = view.$('.cml-status button');
    expect(button.textContent).toBe('Open settings');
    click(button);
    expect(props.onOpenSettings).toHaveBeenCalledTimes(1);
  });

  test('API error shows the reason and retries', () => {
    const { view, props } = renderPanel({ kind: 'error', reason: 'HTTP 503 Service Unavailable' });
    expect(body(view)).toEqual([
      'Could not load the click map.',
      'Reason: HTTP 503 Service Unavailable',
    ]);
    click(view.$('.cml-status button'));
    expect(props.onRetry).toHaveBeenCalledTimes(1);
  });

  test('ready shows the click map sections', () => {
    const { view } = renderPanel(ready);
    expect(view.$('.cml-panel').dataset.state).toBe('ready');
    expect(view.$('[data-metric="uniqueClicks"] dd').textContent).toBe('3,465');
    expect(view.$$('table.cml-links tbody tr')).toHaveLength(8);
    expect(texts(view.$$('.cml-export button'))).toEqual(['Export CSV', 'Export Excel']);
    expect(texts(view.$$('.cml-legend-labels span'))).toEqual(['0%', '25%', '50%', '75%', '100%']);
  });

  test('hovering a row highlights it in the store and tells the page; the page can highlight too', () => {
    const { view, props, store } = renderPanel(ready);
    fire(view.$('tr[data-ordinal="2"]'), new MouseEvent('mouseenter'));
    expect(props.onHighlight).toHaveBeenLastCalledWith(2);
    expect(store.highlighted.value).toBe(2);
    expect(view.$$('tr.cml-highlighted').map((tr) => tr.dataset.ordinal)).toEqual(['2']);
    act(() => store.setHighlighted(7));
    expect(view.$$('tr.cml-highlighted').map((tr) => tr.dataset.ordinal)).toEqual(['7']);
    click(view.$('tr[data-ordinal="7"] button.cml-locate'));
    expect(props.onLocate).toHaveBeenCalledExactlyOnceWith(7);
  });

  test('moving between states updates the body and the live region', () => {
    const { view, store } = renderPanel({ kind: 'loading' });
    const live = view.$('[role="status"]');
    expect(live.getAttribute('aria-live')).toBe('polite');
    expect(live.textContent).toBe('Loading click map…');
    act(() => store.setStatus({ kind: 'error', reason: 'timeout' }));
    expect(body(view)).toEqual(['Could not load the click map.', 'Reason: timeout']);
    expect(live.textContent).toBe('Could not load the click map: timeout');
    act(() => store.setStatus(ready));
    expect(view.$$('table.cml-links tbody tr')).toHaveLength(8);
    // The same live element persists, so screen readers announce the change.
    expect(view.$('[role="status"]')).toBe(live);
    expect(live.textContent).toBe('Click map ready: 8 links on the page.');
    act(() => store.sortBy('share'));
    expect(live.textContent).toBe('Sorted by % of total, descending.');
    expect(view.$('th[aria-sort]').dataset.column).toBe('share');
  });
});

describe('header, keyboard and scheme', () => {
  test('title, template name and close button', () => {
    const { view, props } = renderPanel({ kind: 'loading' });
    expect(view.$('h2').textContent).toBe('Click map');
    expect(view.$('.cml-template').textContent).toBe('Template: The Download');
    expect(view.$('aside').getAttribute('aria-labelledby')).toBe(view.$('h2').id);
    click(view.$('button.cml-close'));
    expect(props.onClose).toHaveBeenCalledTimes(1);
    expect(view.$('button.cml-close').getAttribute('aria-label')).toBe('Close panel');
  });

  test('Escape inside the panel closes it and does not reach the page', () => {
    const { view, props } = renderPanel(ready);
    const onPageKey = vi.fn();
    document.addEventListener('keydown', onPageKey);
    const locate = view.$('button.cml-locate:not([disabled])');
    locate.focus();
    fire(locate, new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    fire(locate, new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    document.removeEventListener('keydown', onPageKey);
    expect(props.onClose).toHaveBeenCalledTimes(1);
    expect(onPageKey).toHaveBeenCalledTimes(1);
  });

  test.each<ColorScheme>(['light', 'dark', 'auto'])('scheme %s as a plain value', (scheme) => {
    const { view } = renderPanel({ kind: 'loading' }, { scheme });
    expect(view.$('.cml-panel').dataset.scheme).toBe(scheme);
  });

  test('scheme as a signal follows the page', async () => {
    const scheme = signal<ColorScheme>('light');
    const { view } = renderPanel({ kind: 'loading' }, { scheme });
    scheme.value = 'dark';
    await Promise.resolve();
    expect(view.$('.cml-panel').dataset.scheme).toBe('dark');
  });

  test('the stylesheet is scoped to the shadow root and switches on the scheme', () => {
    expect(PANEL_CSS).toContain(':host {');
    expect(PANEL_CSS).toContain('.cml-panel[data-scheme="dark"]');
    expect(PANEL_CSS).toMatch(
      /@media \(prefers-color-scheme: dark\) \{\s+\.cml-panel\[data-scheme="auto"\]/,
    );
    expect(PANEL_CSS).toContain(':focus-visible');
    expect(PANEL_CSS).not.toMatch(/(^|\n)\s*(body|html)\b/);
  });
});

describe('outside text', () => {
  test('error reasons and template names with markup render as text', () => {
    const evil = '<img src=x onerror="window.__pwned=1">';
    const store = createPanelStore({ status: { kind: 'error', reason: evil }, templateName: evil });
    view = mount(
      <Panel
        store={store}
        loadChart={() => new Promise(() => {})}
        onClose={vi.fn()}
        onOpenSettings={vi.fn()}
        onRetry={vi.fn()}
        onLocate={vi.fn()}
        onHighlight={vi.fn()}
        onPeriodChange={vi.fn()}
        onMachineClicksChange={vi.fn()}
      />,
    );
    expect(view.root.querySelector('img')).toBeNull();
    expect(view.$('.cml-reason').textContent).toBe(`Reason: ${evil}`);
    expect(view.$('.cml-template').textContent).toBe(`Template: ${evil}`);
  });
});

describe('sorting through the panel', () => {
  const columns = [
    'ordinal',
    'url',
    'name',
    'uniqueClicks',
    'share',
    'ctr',
    'totalClicks',
    'ctor',
  ] as const;
  // Expected orders: see utils/panel/sort.test.ts (same fixture).
  const firstClick: Record<(typeof columns)[number], [string, string[]]> = {
    ordinal: ['descending', ['7', '6', '5', '4', '3', '2', '1', '0']],
    url: ['ascending', ['6', '5', '0', '1', '3', '2', '7', '4']],
    name: ['ascending', ['4', '5', '2', '3', '7', '0', '1', '6']],
    uniqueClicks: ['descending', ['0', '1', '3', '2', '4', '5', '7', '6']],
    share: ['descending', ['0', '1', '3', '2', '4', '5', '7', '6']],
    ctr: ['descending', ['0', '1', '3', '2', '4', '5', '7', '6']],
    totalClicks: ['descending', ['0', '1', '3', '2', '4', '5', '7', '6']],
    ctor: ['descending', ['0', '1', '3', '2', '4', '5', '7', '6']],
  };

  test.each(columns)('header %s: rows reorder and aria-sort follows', (column) => {
    const { view } = renderPanel(ready);
    click(view.$(`th[data-column="${column}"] button`));
    const [direction, order] = firstClick[column];
    expect(view.$$('tbody tr[data-ordinal]').map((tr) => tr.dataset.ordinal)).toEqual(order);
    expect(
      view.$$('th[aria-sort]').map((th) => [th.dataset.column, th.getAttribute('aria-sort')]),
    ).toEqual([[column, direction]]);
    expect(view.$('[role="status"]').textContent).toMatch(new RegExp(`, ${direction}\\.$`));
  });
});

describe('keyboard focus', () => {
  test('opened by the user: focus moves to the panel heading, and back to the opener on Escape', () => {
    const opener = document.createElement('button');
    document.body.append(opener);
    opener.focus();
    const onClose = vi.fn();
    const { view, props } = renderPanel({ kind: 'loading' }, { takeFocus: true, onClose });
    const shadow = view.root.getRootNode() as ShadowRoot;
    expect(shadow.activeElement?.localName).toBe('h2');
    fire(shadow.activeElement!, new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(onClose).toHaveBeenCalledTimes(1);
    view.rerender(<></>);
    expect(document.activeElement).toBe(opener);
    expect(props.onReturnFocus).toBeUndefined();
    opener.remove();
  });

  test('opened from our launcher: the launcher gets focus back', () => {
    const onReturnFocus = vi.fn();
    const { view } = renderPanel({ kind: 'loading' }, { takeFocus: true, onReturnFocus });
    view.rerender(<></>);
    expect(onReturnFocus).toHaveBeenCalledTimes(1);
  });

  test('shown on its own (an email was found): focus stays where the user is', () => {
    const page = document.createElement('input');
    document.body.append(page);
    page.focus();
    const onReturnFocus = vi.fn();
    const { view } = renderPanel({ kind: 'loading' }, { onReturnFocus });
    expect(document.activeElement).toBe(page);
    view.rerender(<></>);
    expect(document.activeElement).toBe(page);
    expect(onReturnFocus).not.toHaveBeenCalled();
    page.remove();
  });
});
