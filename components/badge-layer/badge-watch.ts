/**
 * When badges must be repositioned: scrolling (any inner scroller: scroll
 * events do not bubble, so one capture listener on the document sees them
 * all), window and visual-viewport resize (zoom), body size changes,
 * layout-affecting DOM changes (an ESP editor typing), images and fonts
 * loading. Any burst of these costs one scheduled frame; nothing polls.
 * Every listener and observer ends with the signal.
 *
 * Window scrolling (and visual-viewport panning) moves the layer together
 * with the document, so badges stay put without any work; it only requests a
 * pass when `followDocumentScroll()` says a link is in a fixed/sticky box.
 */

export type Schedule = (callback: () => void) => void;

export interface WatchOptions {
  signal: AbortSignal;
  /** Frame scheduler; requestAnimationFrame of the document's window by default. */
  schedule?: Schedule;
  /** The pass to run once per burst. */
  onFrame: () => void;
  /** Called on DOM mutations, before the pass they request (cached structure is stale). */
  onMutation?: () => void;
  /** Whether window scrolling moves links relative to the document (fixed/sticky links). */
  followDocumentScroll?: () => boolean;
}

export interface LayoutWatch {
  /** Asks for one pass at the next frame (no-op when one is pending or after abort). */
  request(): void;
}

/** Attributes whose change can move or resize links (style, classes, sizes, sources, visibility). */
const LAYOUT_ATTRIBUTES = ['style', 'class', 'width', 'height', 'src', 'srcset', 'hidden', 'open'];

export function watchLayout(doc: Document, options: WatchOptions): LayoutWatch {
  const { signal, onFrame } = options;
  const view = doc.defaultView;
  const schedule: Schedule =
    options.schedule ?? ((callback) => view?.requestAnimationFrame(() => callback()));
  let pending = false;
  const request = () => {
    if (pending || signal.aborted) return;
    pending = true;
    schedule(() => {
      pending = false;
      if (!signal.aborted) onFrame();
    });
  };
  if (signal.aborted) return { request };
  const documentScroll = () => {
    if (options.followDocumentScroll?.() === true) request();
  };
  const onScroll = (event: Event) => (event.target === doc ? documentScroll() : request());
  const listen = { capture: true, passive: true, signal };
  doc.addEventListener('scroll', onScroll, listen);
  // 'error': a failed image falls back to its alt text, which changes the link's box.
  for (const type of ['load', 'error', 'transitionend', 'toggle'])
    doc.addEventListener(type, request, listen);
  view?.addEventListener('resize', request, { passive: true, signal });
  view?.visualViewport?.addEventListener('resize', request, { passive: true, signal });
  view?.visualViewport?.addEventListener('scroll', documentScroll, { passive: true, signal });
  doc.fonts?.addEventListener?.('loadingdone', request, { signal });
  observe(doc, signal, request, () => {
    options.onMutation?.();
    request();
  });
  return { request };
}

function observe(
  doc: Document,
  signal: AbortSignal,
  request: () => void,
  mutated: () => void,
): void {
  const view = doc.defaultView;
  const target = doc.body ?? doc.documentElement;
  if (view && 'ResizeObserver' in view) {
    const resize = new view.ResizeObserver(request);
    resize.observe(target);
    signal.addEventListener('abort', () => resize.disconnect(), { once: true });
  }
  if (view && 'MutationObserver' in view) {
    const mutation = new view.MutationObserver(mutated);
    mutation.observe(target, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: LAYOUT_ATTRIBUTES,
    });
    signal.addEventListener('abort', () => mutation.disconnect(), { once: true });
  }
}
