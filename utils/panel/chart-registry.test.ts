// @vitest-environment node
import * as realChartJs from 'chart.js';
import { describe, expect, test, vi } from 'vitest';
import { loadBarChart, registerBarChart, type ChartModule } from './chart-registry.ts';

/** A stand-in module whose Chart.register can be counted. */
function fakeModule(): ChartModule & { register: ReturnType<typeof vi.fn> } {
  const register = vi.fn();
  const Chart = { register };
  const part = (name: string) => ({ id: name });
  return {
    register,
    Chart,
    BarController: part('bar'),
    BarElement: part('barElement'),
    CategoryScale: part('category'),
    LinearScale: part('linear'),
    Tooltip: part('tooltip'),
  } as unknown as ChartModule & { register: ReturnType<typeof vi.fn> };
}

describe('registerBarChart', () => {
  test('registers the five parts once per module', () => {
    const mod = fakeModule();
    expect(registerBarChart(mod)).toBe(true);
    expect(registerBarChart(mod)).toBe(false);
    expect(mod.register).toHaveBeenCalledTimes(1);
    expect(mod.register.mock.calls[0]?.map((p: { id: string }) => p.id)).toEqual([
      'bar',
      'barElement',
      'category',
      'linear',
      'tooltip',
    ]);
  });

  test('registers into the real chart.js registry, and only what the bar chart needs', () => {
    registerBarChart(realChartJs);
    const { registry } = realChartJs;
    expect(registry.getController('bar')).toBe(realChartJs.BarController);
    expect(registry.getScale('category')).toBe(realChartJs.CategoryScale);
    expect(registry.getScale('linear')).toBe(realChartJs.LinearScale);
    expect(registry.getPlugin('tooltip')).toBe(realChartJs.Tooltip);
    expect(() => registry.getController('line')).toThrow('"line" is not a registered controller.');
  });
});

describe('loadBarChart', () => {
  test('one loader call and one registration for concurrent and later loads', async () => {
    const mod = fakeModule();
    const loader = vi.fn(() => Promise.resolve(mod));
    const [a, b] = await Promise.all([loadBarChart(loader), loadBarChart(loader)]);
    const c = await loadBarChart(loader);
    expect(a).toBe(mod);
    expect(b).toBe(mod);
    expect(c).toBe(mod);
    expect(loader).toHaveBeenCalledTimes(1);
    expect(mod.register).toHaveBeenCalledTimes(1);
  });

  test('a failed load is retried on the next call', async () => {
    const mod = fakeModule();
    const loader = vi
      .fn<() => Promise<ChartModule>>()
      .mockRejectedValueOnce(new Error('chunk missing'))
      .mockResolvedValueOnce(mod);
    await expect(loadBarChart(loader)).rejects.toThrow('chunk missing');
    await expect(loadBarChart(loader)).resolves.toBe(mod);
    expect(loader).toHaveBeenCalledTimes(2);
  });
});
