import { act } from 'preact/test-utils';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { ChartModule } from '../utils/panel/chart-registry.ts';
import { heatColor } from '../utils/panel/heat.ts';
import { mailchimpRows } from '../utils/panel/testing/fixtures.ts';
import { ClicksChart } from './ClicksChart.tsx';
import { fakeChartModule } from './testing/fake-chart.ts';
import { mount, texts, type Mounted } from './testing/mount.ts';

const rows = mailchimpRows();
const mounted: Mounted[] = [];
afterEach(() => mounted.splice(0).forEach((m) => m.unmount()));

function renderChart(loadChart: () => Promise<ChartModule>) {
  const view = mount(<ClicksChart rows={rows} loadChart={loadChart} locale="en-US" />);
  mounted.push(view);
  return view;
}

/** Lets the loader's promise chain and the resulting render settle. */
const settle = () => act(async () => new Promise((resolve) => setTimeout(resolve, 0)));

const FALLBACK_LIST = [
  'Supershoes are reshaping di…: 1,502',
  'My colleagues turned me int…: 801',
  'AI music generators sued: 540',
  'Apple and EU competition law: 344',
  'Electromagnetic waves: 190',
  'Subscribe: 88',
];

describe('ClicksChart', () => {
  test('text fallback while chart.js loads', () => {
    const view = renderChart(() => new Promise(() => {}));
    expect(view.$('.cml-chart-text p').textContent).toBe('Loading chart…');
    expect(texts(view.$$('.cml-chart-fallback li'))).toEqual(FALLBACK_LIST);
  });

  test('text fallback with the reason when loading fails', async () => {
    const view = renderChart(() => Promise.reject(new Error('chunk missing')));
    await settle();
    expect(view.$('.cml-chart-text').dataset.state).toBe('failed');
    expect(view.$('.cml-chart-text p').textContent).toBe('Chart unavailable: chunk missing');
    expect(texts(view.$$('.cml-chart-fallback li'))).toEqual(FALLBACK_LIST);
  });

  test('draws unique clicks per link in heat colours, then drops the fallback', async () => {
    const { mod, charts } = fakeChartModule();
    const view = renderChart(() => Promise.resolve(mod));
    await settle();
    expect(view.root.querySelector('.cml-chart-text')).toBeNull();
    expect(charts).toHaveLength(1);
    const chart = charts[0]!;
    expect(chart.canvas).toBe(view.$('canvas'));
    expect(chart.config.type).toBe('bar');
    expect(chart.config.data.datasets[0]?.data).toEqual([1502, 801, 540, 344, 190, 88]);
    expect(chart.config.data.labels).toEqual(FALLBACK_LIST.map((t) => t.replace(/: [\d,]+$/, '')));
    expect(chart.config.data.datasets[0]?.backgroundColor).toEqual(
      [1502, 801, 540, 344, 190, 88].map((v) => heatColor(v / 1502)),
    );
    expect(view.$('canvas').getAttribute('role')).toBe('img');
    expect(view.$('canvas').getAttribute('aria-label')).toBe(
      `Bar chart of unique clicks per link. ${FALLBACK_LIST.join('; ')}`,
    );
  });

  test('two panels: one load, one registration, a chart each; unmount destroys', async () => {
    const { mod, register, charts } = fakeChartModule();
    const loader = vi.fn(() => Promise.resolve(mod));
    renderChart(loader);
    renderChart(loader);
    await settle();
    expect(loader).toHaveBeenCalledTimes(1);
    expect(register).toHaveBeenCalledTimes(1);
    expect(charts).toHaveLength(2);
    mounted.splice(0).forEach((m) => m.unmount());
    expect(charts.map((c) => c.destroyed)).toEqual([true, true]);
  });

  test('link names with markup stay text in the fallback', () => {
    const evil = '<img src=x onerror="window.__pwned=1">';
    const view = mount(
      <ClicksChart rows={[{ ...rows[0]!, name: evil }]} loadChart={() => new Promise(() => {})} />,
    );
    mounted.push(view);
    expect(view.root.querySelector('img')).toBeNull();
    expect(view.$('.cml-chart-fallback li').textContent).toBe(
      '<img src=x onerror="window.…: 1,502',
    );
  });
});
