/**
 * The content script's on-demand parts: the file the background injects for
 * each name, the frames that may ask for it, and the global of the content
 * script's isolated world through which the chunk hands over its API. The
 * background injects only names listed here (a request is data from a frame).
 */
export const CHUNKS = {
  /** Extraction + badge layer: any frame that holds a preview. */
  preview: { path: '/preview-chunk.js', global: '__clickmapLensPreviewChunk', topOnly: false },
  /** The side panel: the top frame only. */
  panel: { path: '/panel-chunk.js', global: '__clickmapLensPanelChunk', topOnly: true },
  /** chart.js for the panel's chart: the top frame only. */
  chart: { path: '/chart.js', global: '__clickmapLensChart', topOnly: true },
} as const;

export type ChunkName = keyof typeof CHUNKS;
type ChunkPath = (typeof CHUNKS)[ChunkName]['path'];

/** The chunk a frame may be given, or why not. */
export function chunkFor(
  name: unknown,
  frameId: number,
): { ok: true; path: ChunkPath } | { ok: false; reason: string } {
  if (typeof name !== 'string' || !Object.hasOwn(CHUNKS, name)) {
    return { ok: false, reason: `No chunk named ${JSON.stringify(name)}.` };
  }
  const chunk = CHUNKS[name as ChunkName];
  if (chunk.topOnly && frameId !== 0) {
    return { ok: false, reason: `The ${name} chunk runs in the top frame only.` };
  }
  return { ok: true, path: chunk.path };
}
