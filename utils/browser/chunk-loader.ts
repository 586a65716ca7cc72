/**
 * Lazily loaded parts of the content script. Content scripts are single-file
 * IIFEs (a dynamic import() of a bundled module gets inlined), so the parts a
 * page needs only once an email preview shows up — link extraction and the
 * badge layer, the panel UI, chart.js — are separate unlisted scripts, listed
 * in web_accessible_resources, imported by URL, and hand their API over
 * through a global of the content script's own world. One load per chunk.
 */
import { browser } from 'wxt/browser';

export const CHUNKS = {
  preview: { path: '/preview-chunk.js', global: '__clickmapLensPreviewChunk' },
  panel: { path: '/panel-chunk.js', global: '__clickmapLensPanelChunk' },
  chart: { path: '/chart.js', global: '__clickmapLensChart' },
} as const;

export type ChunkName = keyof typeof CHUNKS;

const loads = new Map<ChunkName, Promise<unknown>>();

/** What a chunk calls when it runs: publishes its API for loadChunk. */
export function publishChunk(name: ChunkName, api: unknown): void {
  (globalThis as Record<string, unknown>)[CHUNKS[name].global] = api;
}

export function loadChunk<T>(name: ChunkName): Promise<T> {
  let load = loads.get(name);
  if (!load) {
    const { path, global } = CHUNKS[name];
    const url = browser.runtime.getURL(path as '/chart.js');
    load = import(/* @vite-ignore */ url).then(() => {
      const api = (globalThis as Record<string, unknown>)[global];
      if (api === undefined) throw new Error(`${path} loaded but did not publish its API`);
      return api;
    });
    // A failed load (extension reloaded mid-way) may be retried later.
    load.catch(() => loads.delete(name));
    loads.set(name, load);
  }
  return load as Promise<T>;
}
