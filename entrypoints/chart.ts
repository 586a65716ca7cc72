/**
 * chart.js for the panel's clicks chart, kept out of the always-injected
 * content script: built as an unlisted script, exposed as a web-accessible
 * resource and loaded with import(browser.runtime.getURL('/chart.js')) when a
 * panel first shows a chart. Only the parts the bar chart uses are bundled;
 * the module hands them over through a global of the content script's world.
 */
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { CHART_GLOBAL } from '../utils/panel/chart-global.ts';

export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[CHART_GLOBAL] = {
    Chart,
    BarController,
    BarElement,
    CategoryScale,
    LinearScale,
    Tooltip,
  };
});
