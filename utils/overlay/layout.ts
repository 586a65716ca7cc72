/**
 * Badge positions from measured link geometry. Pure and DOM-free: the content
 * script measures (all reads first), calls layoutBadges, then writes one
 * transform per badge. Coordinates are the layer's (document-like: the layer
 * host sits at the document origin and scrolls with it).
 *
 * Placement rule: a badge never covers link text and belongs to one link at
 * a glance. It takes the first spot around its link (spots.ts: above the end
 * of the first line, below the end of the last, after, before…) that lies
 * inside the email's visible box and touches no link's visible rects and no
 * badge placed before it; the link itself gets an outline in the badge's
 * colour (drawn by the layer from `box`). When no spot is free (a dense block
 * of links), the spot covering the least link area is taken and nudged off
 * other badges (collide.ts). Badges go top-to-bottom, right-to-left, then by
 * ordinal, so the result is the same for the same input; positions are
 * rounded to whole pixels (crisp text).
 */
import { clampInto, nudge, RectGrid } from './collide.ts';
import {
  clipRects,
  intersect,
  union,
  visibleRects,
  type LinkGeometry,
  type Rect,
  type Size,
} from './rects.ts';
import { spotsAround, within, type Side, type Spot } from './spots.ts';

export { BADGE_INSET } from './spots.ts';

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
  /** The link's visible box (union of its visible rects): its outline, and where a locate ring goes. */
  box: Rect;
  /** Which side of the link the badge sits on (its pointer faces the link). */
  side: Side;
  /** No free spot: the least covering one, nudged off other badges. */
  moved: boolean;
}

export interface BadgeLayout {
  /** Placed badges by ascending ordinal. */
  placed: PlacedBadge[];
  /** Ordinals of links with no visible box in the email's visible area (not drawn; the panel lists them). */
  hidden: number[];
}

interface Seen {
  ordinal: number;
  rects: Rect[];
  box: Rect;
  size: Size;
  media: boolean;
}

function order(a: Seen, b: Seen): number {
  return (
    a.box.top - b.box.top ||
    b.box.left + b.box.width - (a.box.left + a.box.width) ||
    a.ordinal - b.ordinal
  );
}

function free(spot: Spot, link: Seen, area: Rect, links: RectGrid, badges: RectGrid): boolean {
  return (
    within(spot.rect, area) &&
    links.overlapArea(spot.rect, spot.side === 'inside' ? link.ordinal : undefined) === 0 &&
    badges.firstOverlap(spot.rect) === null
  );
}

/** No free spot: each spot kept inside the area and nudged off badges; the one covering the least link area wins. */
function fallback(spots: readonly Spot[], area: Rect, links: RectGrid, badges: RectGrid): Spot {
  let best: Spot | null = null;
  let bestCover = Infinity;
  for (const spot of spots) {
    const rect = nudge(clampInto(spot.rect, area), badges, area);
    const cover = links.overlapArea(rect);
    if (cover < bestCover) [best, bestCover] = [{ side: spot.side, rect }, cover];
  }
  return best ?? spots[0]!;
}

/**
 * `area`: the email's visible box in layer coordinates (badges and links
 * outside it are not drawn); the whole document when absent.
 */
export function layoutBadges(
  requests: readonly BadgeRequest[],
  bounds: Size,
  area?: Rect,
): BadgeLayout {
  const page = { left: 0, top: 0, ...bounds };
  const view = area ? intersect(page, area) : page;
  const seen: Seen[] = [];
  const hidden: number[] = [];
  for (const request of requests) {
    const rects = clipRects(visibleRects(request, bounds), [view], bounds);
    const box = union(rects);
    if (box)
      seen.push({
        ordinal: request.ordinal,
        rects,
        box,
        size: request.size,
        media: (request.mediaRects?.length ?? 0) > 0,
      });
    else hidden.push(request.ordinal);
  }
  const links = new RectGrid();
  for (const link of seen) for (const rect of link.rects) links.add(rect, link.ordinal);
  seen.sort(order);
  const badges = new RectGrid();
  const placed = seen.map((link): PlacedBadge => {
    const spots = spotsAround(link.rects, link.size, link.media);
    const spot = spots.find((s) => free(s, link, view, links, badges));
    const at = spot ?? fallback(spots, view, links, badges);
    badges.add(at.rect);
    const { ordinal, box } = link;
    const { width, height } = at.rect;
    const [left, top] = [Math.round(at.rect.left), Math.round(at.rect.top)];
    return { ordinal, left, top, width, height, box, side: at.side, moved: !spot };
  });
  placed.sort((a, b) => a.ordinal - b.ordinal);
  hidden.sort((a, b) => a - b);
  return { placed, hidden };
}
