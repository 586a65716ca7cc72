/**
 * SPA support: re-runs preview detection when the page swaps what it shows
 * (a new message opened, a preview replaced), driven by a MutationObserver
 * (never polling) and coalesced to one detection per animation frame; after
 * a few detections in a row found nothing it backs off (see backoffMs). It
 * wakes only for changes that can change a detection (see watch-scope.ts:
 * never text alone, and once an email is found only around its roots).
 *
 * This is the ONLY impure module of utils/detection: it observes the given
 * document and schedules work. It still never writes to the page.
 * Changes inside our own UI are ignored, so drawing the overlay cannot make
 * the watcher fire again.
 */
import { detectPreview } from './detect.ts';
import type { Detection, FrameInfo } from './types.ts';
import { anyRelevant, scopeOf, type WatchScope } from './watch-scope.ts';

export type Schedule = (run: () => void) => unknown;

export interface WatchOptions {
  /** Defaults to what the document's window says about itself. */
  frameInfo?: FrameInfo;
  /** Defaults to the window's requestAnimationFrame; tests pass a manual queue. */
  schedule?: Schedule;
  detect?: (doc: Document, frame: FrameInfo) => Detection | null;
  /** Defaults to the window's setTimeout (the back-off's wait); tests pass a manual one. */
  delay?: (run: () => void, ms: number) => unknown;
  /** Defaults to performance.now (when the last detection ran); tests pass a fake clock. */
  now?: () => number;
}

/** Detections that found nothing in a row before the watcher backs off. */
const MISSES_BEFORE_BACKOFF = 3;
const FIRST_BACKOFF_MS = 100;
/** Cap: an email opened after a long idle still shows within half a second. */
const MAX_BACKOFF_MS = 400;

/**
 * How long to wait before the next detection after `misses` empty ones in a
 * row: a page that keeps changing and is clearly not email (a data grid, a
 * live counter) pays one detection per back-off step, not one per frame.
 */
export function backoffMs(misses: number): number {
  if (misses < MISSES_BEFORE_BACKOFF) return 0;
  return Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** (misses - MISSES_BEFORE_BACKOFF));
}

/** Attributes whose change can open, close or swap a message view. */
const WATCHED_ATTRIBUTES = [
  'class',
  'id',
  'hidden',
  'aria-label',
  'contenteditable',
  'data-test-id',
  'data-test-expanded',
  'data-testid',
  'data-message-id',
];

export function frameInfoOf(doc: Document): FrameInfo {
  const view = doc.defaultView;
  return { isTop: isTopWindow(view), url: doc.URL, origin: view?.origin ?? 'null' };
}

function isTopWindow(view: Window | null): boolean {
  try {
    return view ? view.top === view : true;
  } catch {
    return false; // reading top threw: we are in a restricted child frame
  }
}

/** Same profile and the very same root elements (confidence/reason may drift). */
export function sameDetection(a: Detection | null, b: Detection | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.profileId === b.profileId &&
    a.roots.length === b.roots.length &&
    a.roots.every((r, i) => r === b.roots[i])
  );
}

/**
 * The link elements a detection's roots hold: a webmail that swaps the next
 * message into the same root element, or re-renders the same one (new
 * elements, same hrefs), changes these, not the roots.
 */
function linksOf(detection: Detection | null): Element[] {
  return (
    detection?.roots.flatMap((root) => [...root.querySelectorAll('a[href], area[href]')]) ?? []
  );
}

const sameElements = (a: readonly Element[], b: readonly Element[]): boolean =>
  a.length === b.length && a.every((element, i) => element === b[i]);

function defaultDelay(doc: Document): (run: () => void, ms: number) => unknown {
  const view = doc.defaultView;
  return view ? (run, ms) => view.setTimeout(run, ms) : (run, ms) => setTimeout(run, ms);
}

function defaultSchedule(doc: Document): Schedule {
  const view = doc.defaultView;
  if (view && typeof view.requestAnimationFrame === 'function')
    return (run) => view.requestAnimationFrame(run);
  return (run) => queueMicrotask(run);
}

/**
 * Calls onChange with each new detection (starting from "nothing"), until the
 * signal aborts. The first detection runs on the first scheduled frame.
 *
 * Between a change and the detection it causes the observer is disconnected:
 * that detection reads the whole DOM anyway, so the records of a page that
 * changes every frame (a grid, an animation) are not delivered to us, one
 * batch per frame, while we wait. It reconnects right before detecting, so
 * nothing after the detection goes unseen.
 */
export function watchForPreviews(
  doc: Document,
  onChange: (detection: Detection | null) => void,
  signal: AbortSignal,
  options: WatchOptions = {},
): void {
  if (signal.aborted) return;
  const frame = options.frameInfo ?? frameInfoOf(doc);
  const schedule = options.schedule ?? defaultSchedule(doc);
  const detect = options.detect ?? detectPreview;
  const delay = options.delay ?? defaultDelay(doc);
  const now = options.now ?? (() => performance.now());
  let last: Detection | null = null;
  let lastLinks: Element[] = [];
  let scope: WatchScope | null = null;
  let pending = false;
  let misses = 0;
  let lastRunAt = Number.NEGATIVE_INFINITY;

  const Observer = doc.defaultView?.MutationObserver ?? globalThis.MutationObserver;
  const observer = new Observer((records) => {
    if (anyRelevant(records, scope)) request();
  });
  const connect = (): void =>
    observer.observe(doc, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: WATCHED_ATTRIBUTES,
    });

  const run = (): void => {
    pending = false;
    if (signal.aborted) return;
    connect();
    lastRunAt = now();
    const next = detect(doc, frame);
    misses = next === null ? misses + 1 : 0;
    const links = linksOf(next);
    if (sameDetection(last, next) && sameElements(links, lastLinks)) return;
    last = next;
    lastLinks = links;
    scope = scopeOf(next);
    onChange(next);
  };
  function request(): void {
    if (pending || signal.aborted) return;
    pending = true;
    observer.disconnect();
    // Back-off counts from the last detection: a change after a quiet spell is seen at once.
    const wait = Math.max(0, lastRunAt + backoffMs(misses) - now());
    if (wait === 0) schedule(run);
    else delay(() => (signal.aborted ? undefined : schedule(run)), wait);
  }

  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  request();
}
