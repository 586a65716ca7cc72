/**
 * Rectangle geometry for the badge overlay: clipping a link's rects to its
 * overflow-clipping ancestors, its visible box and the point a badge is
 * anchored to. Pure: rects are plain numbers in one coordinate space (the
 * layer's), measured by the caller.
 */

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Size {
  width: number;
  height: number;
}

/** Smallest side (px) a clipped rect must keep to count as seen (a 1×1 link is a tracking trick, not a link people see). */
const MIN_SIDE = 2;
/** Rects whose tops differ by at most this are on one line. */
const LINE_TOLERANCE = 1;

export function right(rect: Rect): number {
  return rect.left + rect.width;
}

export function bottom(rect: Rect): number {
  return rect.top + rect.height;
}

/** The common part of two rects; width/height 0 when they do not meet. */
export function intersect(a: Rect, b: Rect): Rect {
  const left = Math.max(a.left, b.left);
  const top = Math.max(a.top, b.top);
  const width = Math.max(0, Math.min(right(a), right(b)) - left);
  const height = Math.max(0, Math.min(bottom(a), bottom(b)) - top);
  return { left, top, width, height };
}

/** Bounding box of rects; null for none. */
export function union(rects: readonly Rect[]): Rect | null {
  if (rects.length === 0) return null;
  let [l, t, r, b] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const rect of rects) {
    l = Math.min(l, rect.left);
    t = Math.min(t, rect.top);
    r = Math.max(r, right(rect));
    b = Math.max(b, bottom(rect));
  }
  return { left: l, top: t, width: r - l, height: b - t };
}

/** Strict overlap: rects that only touch do not overlap. */
export function overlaps(a: Rect, b: Rect): boolean {
  return a.left < right(b) && b.left < right(a) && a.top < bottom(b) && b.top < bottom(a);
}

function seen(rect: Rect, bounds: Size): boolean {
  return (
    rect.width >= MIN_SIDE &&
    rect.height >= MIN_SIDE &&
    right(rect) > 0 &&
    bottom(rect) > 0 &&
    rect.left < bounds.width &&
    rect.top < bounds.height
  );
}

/**
 * The parts of `rects` left after clipping to every clip box (the boxes of
 * overflow-hiding ancestors), dropping slivers and rects wholly outside the
 * document (preheader tricks: zero height, off-screen left:-9999px).
 */
export function clipRects(rects: readonly Rect[], clips: readonly Rect[], bounds: Size): Rect[] {
  const visible: Rect[] = [];
  for (const rect of rects) {
    const clipped = clips.reduce(intersect, rect);
    if (seen(clipped, bounds)) visible.push(clipped);
  }
  return visible;
}

/** What the caller measured of one link, in layer coordinates. */
export interface LinkGeometry {
  /** The link's own client rects (one per line when inline text wraps). */
  rects: readonly Rect[];
  /** Rects of rendered media inside the link (img, svg, video, canvas, input[type=image]). */
  mediaRects?: readonly Rect[];
  /** Boxes of ancestors that clip overflow, innermost first. */
  clips?: readonly Rect[];
}

/**
 * The rects a person sees of a link. Media win when any is visible: an image
 * link's own inline box is a line-height strip (or a full-width block around a
 * centred image), not the picture people click.
 */
export function visibleRects(link: LinkGeometry, bounds: Size): Rect[] {
  const clips = link.clips ?? [];
  const media = clipRects(link.mediaRects ?? [], clips, bounds);
  return media.length > 0 ? media : clipRects(link.rects, clips, bounds);
}

/** Where a badge hangs: the top-right corner of a link's first visible line, and that line's height. */
export interface Anchor {
  x: number;
  y: number;
  lineHeight: number;
}

/**
 * Top-right corner of the first line: for a wrapped link that is where its
 * first line ends, which is on the link (the union's top-right corner may be
 * empty space when a later line is longer).
 */
export function anchorPoint(rects: readonly Rect[]): Anchor | null {
  let top = Infinity;
  for (const rect of rects) top = Math.min(top, rect.top);
  if (top === Infinity) return null;
  let [x, lineHeight] = [-Infinity, 0];
  for (const rect of rects) {
    if (rect.top - top > LINE_TOLERANCE) continue;
    x = Math.max(x, right(rect));
    lineHeight = Math.max(lineHeight, rect.height);
  }
  return { x, y: top, lineHeight };
}
