/** Test-only: a chart.js stand-in that records registrations, charts made and destroyed. */
import { vi } from 'vitest';
import type { ChartModule } from '../../utils/panel/chart-registry.ts';

export interface FakeChartInstance {
  canvas: unknown;
  config: {
    type: string;
    data: { labels: string[]; datasets: { data: number[]; backgroundColor: string[] }[] };
    options: Record<string, unknown>;
  };
  destroyed: boolean;
  destroy(): void;
}

export function fakeChartModule() {
  const register = vi.fn();
  const charts: FakeChartInstance[] = [];
  class Chart {
    static register = register;
    canvas: unknown;
    config: FakeChartInstance['config'];
    destroyed = false;
    constructor(canvas: unknown, config: FakeChartInstance['config']) {
      this.canvas = canvas;
      this.config = config;
      charts.push(this);
    }
    destroy() {
      this.destroyed = true;
    }
  }
  const part = (id: string) => ({ id });
  const mod = {
    Chart,
    BarController: part('bar'),
    BarElement: part('barElement'),
    CategoryScale: part('category'),
    LinearScale: part('linear'),
    Tooltip: part('tooltip'),
  } as unknown as ChartModule;
  return { mod, register, charts };
}
