/**
 * Lazily loaded parts of the content script. Content scripts are single-file
 * IIFEs, so the parts a page needs only once an email preview shows up — link
 * extraction and the badge layer, the panel UI, chart.js — are separate
 * unlisted scripts. They are NOT web-accessible (a page could load them by
 * URL and read them): the content script asks the background, which injects
 * the chunk into the asking frame only (`scripting.executeScript`, see
 * entrypoints/background/chunks.ts). The chunk runs in the content script's
 * own isolated world and hands its API over through a global of that world.
 * One load per chunk.
 */
import { sendToBackground } from './messaging.ts';
import { CHUNKS, type ChunkName } from '../messaging/chunks.ts';

const loads = new Map<ChunkName, Promise<unknown>>();

/** What a chunk calls when it runs: publishes its API for loadChunk. */
export function publishChunk(name: ChunkName, api: unknown): void {
  (globalThis as Record<string, unknown>)[CHUNKS[name].global] = api;
}

export function loadChunk<T>(name: ChunkName): Promise<T> {
  let load = loads.get(name);
  if (!load) {
    const { path, global } = CHUNKS[name];
    const published = () => (globalThis as Record<string, unknown>)[global];
    load =
      published() !== undefined
        ? Promise.resolve(published())
        : sendToBackground('loadChunk', { name }).then(() => {
            const api = published();
            if (api === undefined) throw new Error(`${path} loaded but did not publish its API`);
            return api;
          });
    // A failed load (extension reloaded mid-way) may be retried later.
    load.catch(() => loads.delete(name));
    loads.set(name, load);
  }
  return load as Promise<T>;
}
