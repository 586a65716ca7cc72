/**
 * SPA support: re-runs preview detection when the page swaps what it shows
 * (a new message opened, a preview replaced), driven by a MutationObserver
 * (never polling) and coalesced to one detection per animation frame.
 *
 * This is the ONLY impure module of utils/detection: it observes the given
 * document and schedules work. It still never writes to the page.
 * Changes inside our own UI are ignored, so drawing the overlay cannot make
 * the watcher fire again.
 */
import { detectPreview } from './detect.ts';
import { isOwnUi } from './own-ui.ts';
import type { Detection, FrameInfo } from './types.ts';

export type Schedule = (run: () => void) => unknown;

export interface WatchOptions {
  /** Defaults to what the document's window says about itself. */
  frameInfo?: FrameInfo;
  /** Defaults to the window's requestAnimationFrame; tests pass a manual queue. */
  schedule?: Schedule;
  detect?: (doc: Document, frame: FrameInfo) => Detection | null;
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

function isOwnUiNode(node: Node): boolean {
  if (node.nodeType === 3) return (node.nodeValue ?? '').trim() === '';
  return node.nodeType === 1 && isOwnUi(node as Element);
}

function isRelevant(record: MutationRecord): boolean {
  const target = record.target;
  if (target.nodeType === 1 && isOwnUi(target as Element)) return false;
  if (record.type !== 'childList') return true;
  const nodes = [...Array.from(record.addedNodes), ...Array.from(record.removedNodes)];
  return nodes.length === 0 || !nodes.every(isOwnUiNode);
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
  let last: Detection | null = null;
  let lastLinks: Element[] = [];
  let pending = false;

  const run = (): void => {
    pending = false;
    if (signal.aborted) return;
    const next = detect(doc, frame);
    const links = linksOf(next);
    if (sameDetection(last, next) && sameElements(links, lastLinks)) return;
    last = next;
    lastLinks = links;
    onChange(next);
  };
  const request = (): void => {
    if (pending || signal.aborted) return;
    pending = true;
    schedule(run);
  };

  const Observer = doc.defaultView?.MutationObserver ?? globalThis.MutationObserver;
  const observer = new Observer((records) => {
    if (records.some(isRelevant)) request();
  });
  observer.observe(doc, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: WATCHED_ATTRIBUTES,
  });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  request();
}
