/**
 * Where a badge may sit around its link, best first. Every spot is outside
 * the link's visible rects, touching them (`SPOT_GAP` px away) so the badge
 * reads as that link's tag: above the end of the first line, below the end of
 * the last line, after or before the first line, then the same at the
 * other end. A picture link (media) may also take its image's top-right
 * corner, inside, as a last resort: that covers a corner of a picture, never
 * text. Pure.
 */
import { right, bottom, type Rect, type Size } from './rects.ts';

/** Space between a badge and its link (px). */
export const SPOT_GAP = 1;
/** Inset of a badge inside a picture link's corner (px). */
export const BADGE_INSET = 2;

/** Which side of its link the badge is on (its pointer faces the link). */
export type Side = 'above' | 'below' | 'after' | 'before' | 'inside';

export interface Spot {
  rect: Rect;
  side: Side;
}

function lineOf(rects: readonly Rect[], pick: 'first' | 'last'): Rect[] {
  const edge =
    pick === 'first'
      ? Math.min(...rects.map((r) => r.top))
      : Math.max(...rects.map((r) => bottom(r)));
  return rects.filter((r) =>
    pick === 'first' ? Math.abs(r.top - edge) <= 1 : Math.abs(bottom(r) - edge) <= 1,
  );
}

/** Candidate spots for a badge of `size` next to a link seen as `rects` (non-empty). */
export function spotsAround(rects: readonly Rect[], size: Size, media: boolean): Spot[] {
  const { width: w, height: h } = size;
  const first = lineOf(rects, 'first');
  const last = lineOf(rects, 'last');
  const firstTop = Math.min(...first.map((r) => r.top));
  const firstRight = Math.max(...first.map(right));
  const firstLeft = Math.min(...first.map((r) => r.left));
  const firstMid = firstTop + Math.max(...first.map((r) => r.height)) / 2;
  const lastBottom = Math.max(...last.map(bottom));
  const lastRight = Math.max(...last.map(right));
  const lastLeft = Math.min(...last.map((r) => r.left));
  const spots: Spot[] = [
    {
      side: 'above',
      rect: { left: firstRight - w, top: firstTop - h - SPOT_GAP, width: w, height: h },
    },
    {
      side: 'below',
      rect: { left: lastRight - w, top: lastBottom + SPOT_GAP, width: w, height: h },
    },
    {
      side: 'after',
      rect: { left: firstRight + SPOT_GAP, top: firstMid - h / 2, width: w, height: h },
    },
    {
      side: 'before',
      rect: { left: firstLeft - SPOT_GAP - w, top: firstMid - h / 2, width: w, height: h },
    },
    { side: 'above', rect: { left: firstLeft, top: firstTop - h - SPOT_GAP, width: w, height: h } },
    { side: 'below', rect: { left: lastLeft, top: lastBottom + SPOT_GAP, width: w, height: h } },
  ];
  if (media) {
    const inside = {
      left: firstRight - w - BADGE_INSET,
      top: firstTop + BADGE_INSET,
      width: w,
      height: h,
    };
    spots.push({ side: 'inside', rect: inside });
  }
  return spots;
}

/** Whether `rect` lies wholly inside `area`. */
export function within(rect: Rect, area: Rect): boolean {
  return (
    rect.left >= area.left &&
    rect.top >= area.top &&
    right(rect) <= right(area) &&
    bottom(rect) <= bottom(area)
  );
}
