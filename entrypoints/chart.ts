/**
 * chart.js for the panel's clicks chart, loaded on demand through
 * utils/browser/chunk-loader.ts. Only the parts the bar chart uses are bundled.
 */
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { publishChunk } from '../utils/browser/chunk-loader.ts';

export default defineUnlistedScript(() => {
  publishChunk('chart', { Chart, BarController, BarElement, CategoryScale, LinearScale, Tooltip });
});
