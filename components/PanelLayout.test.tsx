/**
 * The panel's place (issue 12, item 5): dock side, width and the slim bar
 * come from the layout the controller keeps per site and are set on the
 * panel's host; the header's buttons and the resize handle (pointer or
 * keyboard) ask for changes; focus stays on the collapse / expand button.
 */
import { signal } from '@preact/signals';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, test, vi } from 'vitest';
import {
  DEFAULT_PANEL_LAYOUT,
  parsePanelLayout,
  type PanelLayout,
} from '../utils/settings/panel-layout.ts';
import { Panel, type PanelProps } from './Panel.tsx';
import { createPanelStore } from './panel-store.ts';
import { fakeChartModule } from './testing/fake-chart.ts';
import { click, fire, mount, type Mounted } from './testing/mount.ts';

let view: Mounted | null = null;
afterEach(() => view?.unmount());

const layoutSignal = (initial: Partial<PanelLayout>) =>
  signal(parsePanelLayout(initial, DEFAULT_PANEL_LAYOUT));

function renderPanel(initial: Partial<PanelLayout> = {}) {
  const layout = layoutSignal(initial);
  const changes: [Partial<PanelLayout>, boolean][] = [];
  const onLayoutChange = vi.fn((change: Partial<PanelLayout>, save: boolean) => {
    changes.push([change, save]);
    layout.value = parsePanelLayout(change, layout.peek());
  });
  const { mod } = fakeChartModule();
  const props: PanelProps = {
    store: createPanelStore({ status: { kind: 'loading' }, locale: 'en-US' }),
    loadChart: () => Promise.resolve(mod),
    onClose: vi.fn(),
    onOpenSettings: vi.fn(),
    onRetry: vi.fn(),
    onLocate: vi.fn(),
    onHighlight: vi.fn(),
    onPeriodChange: vi.fn(),
    onMachineClicksChange: vi.fn(),
    layout,
    onLayoutChange,
  };
  view = mount(<Panel {...props} />, { shadow: true });
  const host = (view.root.getRootNode() as ShadowRoot).host as HTMLElement;
  return { view, host, changes, layout };
}

const key = (el: Element, k: string, shiftKey = false) =>
  fire(el, new KeyboardEvent('keydown', { key: k, shiftKey, bubbles: true }));

describe('dock, width, collapse', () => {
  test('the remembered layout is set on the host: side, width, slim bar', () => {
    const { host, layout } = renderPanel({ side: 'left', width: 600 });
    expect(host.dataset.dock).toBe('left');
    expect(host.style.getPropertyValue('--cml-panel-width')).toBe('min(600px, 100vw - 48px)');
    expect(host.hasAttribute('data-collapsed')).toBe(false);
    act(() => void (layout.value = { side: 'right', width: null, collapsed: true }));
    expect(host.dataset.dock).toBe('right');
    expect(host.style.getPropertyValue('--cml-panel-width')).toBe('');
    expect(host.hasAttribute('data-collapsed')).toBe(true);
  });

  test('the dock button moves the panel to the other side and saves it', () => {
    const { view, host, changes } = renderPanel();
    click(view.$('button.cml-dock'));
    expect(changes).toEqual([[{ side: 'left' }, true]]);
    expect(host.dataset.dock).toBe('left');
    expect(view.$('button.cml-dock').getAttribute('aria-label')).toBe('Move panel to the right');
  });

  test('collapsed: a slim bar with the expand button and close only; focus stays on the toggle', async () => {
    const { view, host, changes } = renderPanel();
    const toggle = view.$('button.cml-collapse');
    toggle.focus();
    click(toggle);
    expect(changes).toEqual([[{ collapsed: true }, true]]);
    expect(host.hasAttribute('data-collapsed')).toBe(true);
    expect(view.$$('.cml-tabs, .cml-status, .cml-resize, button.cml-dock')).toEqual([]);
    const expand = view.$('button.cml-collapse');
    expect(expand.getAttribute('aria-expanded')).toBe('false');
    expect(expand.getAttribute('aria-label')).toBe('Expand panel');
    expect(view.$$('h2')).toHaveLength(1); // still labels the panel
    await new Promise((ok) => requestAnimationFrame(ok));
    expect((view.root.getRootNode() as ShadowRoot).activeElement).toBe(expand);
    click(expand);
    expect(view.$('.cml-status')).toBeTruthy();
  });

  test.each([
    ['right', 'ArrowLeft', false, 424],
    ['right', 'ArrowRight', false, 376],
    ['right', 'ArrowLeft', true, 496],
    ['left', 'ArrowRight', false, 424],
    ['left', 'ArrowLeft', false, 376],
    ['right', 'Home', false, 320],
  ] as const)('docked %s, %s (shift %s) resizes to %i and saves', (side, k, shift, width) => {
    const { view, changes } = renderPanel({ side, width: 400 });
    const handle = view.$('.cml-resize');
    vi.spyOn(view.$('.cml-panel'), 'getBoundingClientRect').mockReturnValue({
      width: 400,
    } as DOMRect);
    key(handle, k, shift);
    expect(changes).toEqual([[{ width }, true]]);
  });

  test('the handle is a labelled window splitter in the tab order', () => {
    const { view } = renderPanel({ width: 500 });
    const handle = view.$('.cml-resize');
    expect(handle.getAttribute('role')).toBe('separator');
    expect(handle.getAttribute('aria-orientation')).toBe('vertical');
    expect(handle.getAttribute('aria-label')).toBe('Panel width');
    expect(handle.getAttribute('aria-controls')).toBe(view.$('.cml-panel').id);
    expect(handle.tabIndex).toBe(0);
  });

  test('a drag previews widths and saves where it ends', () => {
    const { view, changes } = renderPanel({ side: 'right', width: 400 });
    const handle = view.$('.cml-resize');
    vi.spyOn(view.$('.cml-panel'), 'getBoundingClientRect').mockReturnValue({
      width: 400,
    } as DOMRect);
    handle.setPointerCapture = () => {};
    const pointer = (type: string, clientX: number) =>
      fire(handle, new MouseEvent(type, { clientX, button: 0, bubbles: true }));
    pointer('pointerdown', 1000);
    pointer('pointermove', 950);
    pointer('pointermove', 900);
    pointer('pointerup', 900);
    expect(changes).toEqual([
      [{ width: 450 }, false],
      [{ width: 500 }, false],
      [{ width: 500 }, true],
    ]);
  });
});
