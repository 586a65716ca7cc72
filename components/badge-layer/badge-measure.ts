/**
 * The read phase of a badge pass: every DOM read the layout needs (link
 * rects, media rects, clipping ancestors' boxes, the layer's origin, the
 * document size), done together so the browser lays out at most once. Writes nothing. Coordinates are made relative to the layer host,
 * which scrolls with the document: window scrolling leaves them unchanged,
 * inner scrollers move them.
 */
import type { BadgeRequest } from '../../utils/overlay/layout.ts';
import { intersect, union, type Rect, type Size } from '../../utils/overlay/rects.ts';
import type { StructureCache } from './badge-structure.ts';

export interface MeasureTarget {
  ordinal: number;
  link: Element;
  size: Size;
}

export interface Measurement {
  requests: BadgeRequest[];
  bounds: Size;
  /** The email's visible box (its roots, clipped by their scrolling ancestors); absent when the email is the whole document. */
  area?: Rect;
  /** Some link is in a fixed/sticky box: window scrolling moves it. */
  pinned: boolean;
}

interface Origin {
  left: number;
  top: number;
}

function relative(rect: DOMRectReadOnly, origin: Origin): Rect {
  return {
    left: rect.left - origin.left,
    top: rect.top - origin.top,
    width: rect.width,
    height: rect.height,
  };
}

/** display:none (no rects) is seen by the rect reads; this adds visibility:hidden and opacity:0. */
function rendered(link: Element): boolean {
  if (!link.isConnected) return false;
  const check = (link as Element & { checkVisibility?: (o: object) => boolean }).checkVisibility;
  return typeof check !== 'function'
    ? true
    : check.call(link, { visibilityProperty: true, opacityProperty: true });
}

/** One pass's reads, memoising the boxes of clippers shared by many links. */
class PassReader {
  readonly #origin: Origin;
  readonly #structure: StructureCache;
  readonly #boxes = new Map<Element, Rect>();

  constructor(origin: Origin, structure: StructureCache) {
    this.#origin = origin;
    this.#structure = structure;
  }

  box(element: Element): Rect {
    let box = this.#boxes.get(element);
    if (!box)
      this.#boxes.set(element, (box = relative(element.getBoundingClientRect(), this.#origin)));
    return box;
  }

  /** A root's box cut by the ancestors that clip it (a webmail's scrolling reading pane). */
  root(root: Element): Rect {
    return this.#structure
      .of(root)
      .clippers.reduce((box, c) => intersect(box, this.box(c)), this.box(root));
  }

  link({ ordinal, link, size }: MeasureTarget): BadgeRequest & { pinned: boolean } {
    if (!rendered(link)) return { ordinal, size, rects: [], pinned: false };
    const { media, clippers, pinned } = this.#structure.of(link);
    return {
      ordinal,
      size,
      rects: Array.from(link.getClientRects(), (rect) => relative(rect, this.#origin)),
      mediaRects: media.map((element) => this.box(element)),
      clips: clippers.map((element) => this.box(element)),
      pinned,
    };
  }
}

/**
 * All reads of one pass. `host` is the layer host (its box is the coordinate
 * origin); `roots` are the email's body roots (detection), whose visible box
 * bounds the badges.
 */
export function measureLinks(
  targets: readonly MeasureTarget[],
  host: Element,
  structure: StructureCache,
  roots: readonly Element[] = [],
): Measurement {
  const doc = host.ownerDocument;
  const hostBox = host.getBoundingClientRect();
  const reader = new PassReader({ left: hostBox.left, top: hostBox.top }, structure);
  const root = doc.documentElement;
  const bounds = {
    width: Math.max(root.scrollWidth, doc.body?.scrollWidth ?? 0),
    height: Math.max(root.scrollHeight, doc.body?.scrollHeight ?? 0),
  };
  let pinned = false;
  const requests = targets.map((target) => {
    const { pinned: linkPinned, ...request } = reader.link(target);
    pinned ||= linkPinned;
    return request;
  });
  const whole = roots.length === 0 || roots.some((r) => r === doc.body || r === root);
  const area = whole ? undefined : (union(roots.map((r) => reader.root(r))) ?? undefined);
  return { requests, bounds, pinned, ...(area ? { area } : {}) };
}
