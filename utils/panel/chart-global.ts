/** Name of the global through which the lazily loaded chart chunk hands chart.js over. */
export const CHART_GLOBAL = '__clickmapLensChart';

/** Path of the chart chunk inside the extension (listed in web_accessible_resources). */
export const CHART_CHUNK_PATH = '/chart.js';
