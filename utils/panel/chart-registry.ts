/**
 * Lazy loading and one-time registration of chart.js for the clicks chart.
 *
 * chart.js is tree-shakeable only when the parts a chart needs are registered
 * by hand; registering is global to the chart.js module instance, so it is
 * done once per module (guarded here), however many panels mount. The module
 * itself arrives through a loader (the content script imports a
 * web-accessible chunk) so the page pays for chart.js only when a panel shows
 * a chart. Loads are shared per loader: pass a stable loader function.
 */
import type * as ChartJs from 'chart.js';

/** The parts of chart.js the bar chart uses. */
export type ChartModule = Pick<
  typeof ChartJs,
  'Chart' | 'BarController' | 'BarElement' | 'CategoryScale' | 'LinearScale' | 'Tooltip'
>;

export type ChartLoader = () => Promise<ChartModule>;

const registeredCharts = new WeakSet<object>();
const loads = new WeakMap<ChartLoader, Promise<ChartModule>>();

/** Registers the bar chart's controller, elements, scales and tooltip; true on the first call per module. */
export function registerBarChart(mod: ChartModule): boolean {
  if (registeredCharts.has(mod.Chart)) return false;
  mod.Chart.register(
    mod.BarController,
    mod.BarElement,
    mod.CategoryScale,
    mod.LinearScale,
    mod.Tooltip,
  );
  registeredCharts.add(mod.Chart);
  return true;
}

/**
 * Loads chart.js through `loader` (once per loader) and registers it. A failed
 * load is forgotten so that a later mount can try again.
 */
export function loadBarChart(loader: ChartLoader): Promise<ChartModule> {
  const pending = loads.get(loader);
  if (pending) return pending;
  const load = loader().then((mod) => {
    registerBarChart(mod);
    return mod;
  });
  loads.set(loader, load);
  load.catch(() => loads.delete(loader));
  return load;
}
