/**
 * Badge positions from measured link geometry. Pure and DOM-free: the content
 * script measures (all reads first), calls layoutBadges, then writes one
 * transform per badge. Coordinates are the layer's (document-like: the layer
 * host sits at the document origin and scrolls with it).
 *
 * Placement rule: the badge's right edge is aligned with the right end of the
 * link's first visible line. On a text-height line it straddles the line's
 * top edge (half above, so the link text stays mostly readable); on a tall
 * one (an image, a padded button: at least twice the badge's height) it sits
 * inside the top-right corner, `BADGE_INSET` px in. Then it is clamped inside
 * the document and nudged off badges placed before it (collide.ts), in order
 * top-to-bottom, right-to-left, then by ordinal, so the result is the same
 * for the same input. Positions are rounded to whole pixels (crisp text).
 */
import { nudge, RectGrid } from './collide.ts';
import {
  anchorPoint,
  union,
  visibleRects,
  type LinkGeometry,
  type Rect,
  type Size,
} from './rects.ts';

export const BADGE_INSET = 2;

export interface BadgeRequest extends LinkGeometry {
  ordinal: number;
  /** The badge's rendered size. */
  size: Size;
}

export interface PlacedBadge {
  ordinal: number;
  left: number;
  top: number;
  width: number;
  height: number;
  /** The link's visible box (union of its visible rects): where a locate ring goes. */
  box: Rect;
  /** Not at its wanted spot: clamped into the document or nudged off another badge. */
  moved: boolean;
}

export interface BadgeLayout {
  /** Placed badges by ascending ordinal. */
  placed: PlacedBadge[];
  /** Ordinals of links with no visible box (not drawn; the panel lists them). */
  hidden: number[];
}

interface Wanted {
  ordinal: number;
  rect: Rect;
  box: Rect;
}

/** Where a badge would go with no other badges around; null when the link is not visible. */
export function wantedRect(request: BadgeRequest, bounds: Size): Wanted | null {
  const rects = visibleRects(request, bounds);
  const box = union(rects);
  const anchor = anchorPoint(rects);
  if (!box || !anchor) return null;
  const { width, height } = request.size;
  const tall = anchor.lineHeight >= 2 * height;
  const rect = tall
    ? { left: anchor.x - width - BADGE_INSET, top: anchor.y + BADGE_INSET, width, height }
    : { left: anchor.x - width, top: anchor.y - height / 2, width, height };
  return { ordinal: request.ordinal, rect, box };
}

function placementOrder(a: Wanted, b: Wanted): number {
  return (
    a.rect.top - b.rect.top ||
    b.rect.left + b.rect.width - (a.rect.left + a.rect.width) ||
    a.ordinal - b.ordinal
  );
}

export function layoutBadges(requests: readonly BadgeRequest[], bounds: Size): BadgeLayout {
  const wanted: Wanted[] = [];
  const hidden: number[] = [];
  for (const request of requests) {
    const want = wantedRect(request, bounds);
    if (want) wanted.push(want);
    else hidden.push(request.ordinal);
  }
  wanted.sort(placementOrder);
  const grid = new RectGrid();
  const placed = wanted.map(({ ordinal, rect, box }): PlacedBadge => {
    const at = nudge(rect, grid, bounds);
    grid.add(at);
    const left = Math.round(at.left);
    const top = Math.round(at.top);
    const moved = at.left !== rect.left || at.top !== rect.top;
    return { ordinal, left, top, width: at.width, height: at.height, box, moved };
  });
  placed.sort((a, b) => a.ordinal - b.ordinal);
  hidden.sort((a, b) => a - b);
  return { placed, hidden };
}
