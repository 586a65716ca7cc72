/**
 * Deterministic collision avoidance for badges: badges are placed one by one
 * in a fixed order; one that overlaps an already placed badge is nudged left
 * of it when that stays close to its link, else down below it. A uniform grid
 * finds the placed badges near a rect, so n badges cost O(n) lookups instead
 * of O(n²) pair tests.
 */
import { bottom, intersect, overlaps, right, type Rect, type Size } from './rects.ts';

/** Space kept between nudged badges (px). */
export const BADGE_GAP = 2;
/** Nudges tried before a badge is left where it is (bounded work per badge). */
const MAX_NUDGES = 12;
const CELL = 64;

/** Placed rects bucketed by grid cell. */
export class RectGrid {
  readonly #cells = new Map<number, number[]>();
  readonly #rects: Rect[] = [];

  /** Rects added so far, in insertion order. */
  get rects(): readonly Rect[] {
    return this.#rects;
  }

  readonly #owners: number[] = [];

  /** Adds a rect; `owner` names whose it is (a link's ordinal), for overlapArea's exception. */
  add(rect: Rect, owner = -1): void {
    this.#owners.push(owner);
    const index = this.#rects.push(rect) - 1;
    for (const cell of cellsOf(rect)) {
      const bucket = this.#cells.get(cell);
      if (bucket) bucket.push(index);
      else this.#cells.set(cell, [index]);
    }
  }

  /** The earliest added rect overlapping `rect`, or null. */
  firstOverlap(rect: Rect): Rect | null {
    let first = Infinity;
    for (const cell of cellsOf(rect))
      for (const index of this.#cells.get(cell) ?? [])
        if (index < first && overlaps(rect, this.#rects[index]!)) first = index;
    return first === Infinity ? null : (this.#rects[first] ?? null);
  }

  /** Summed area of the added rects overlapping `rect`, except those added for `except`. */
  overlapArea(rect: Rect, except?: number): number {
    const counted = new Set<number>();
    let area = 0;
    for (const cell of cellsOf(rect))
      for (const index of this.#cells.get(cell) ?? []) {
        if (counted.has(index) || this.#owners[index] === except) continue;
        counted.add(index);
        const common = intersect(rect, this.#rects[index]!);
        area += common.width * common.height;
      }
    return area;
  }
}

/** Cell ids covered by a rect (rows/columns packed into one number). */
function cellsOf(rect: Rect): number[] {
  const cells: number[] = [];
  const [c0, c1] = [Math.floor(rect.left / CELL), Math.floor((right(rect) - 1e-9) / CELL)];
  const [r0, r1] = [Math.floor(rect.top / CELL), Math.floor((bottom(rect) - 1e-9) / CELL)];
  for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) cells.push(r * 1_000_003 + c);
  return cells;
}

/** An area given as a size starts at the origin. */
function areaOf(bounds: Size | Rect): Rect {
  return 'left' in bounds ? bounds : { left: 0, top: 0, ...bounds };
}

/** Keeps a badge inside the area (the document, or the email's visible box); a larger one sticks to its top-left. */
export function clampInto(rect: Rect, bounds: Size | Rect): Rect {
  const area = areaOf(bounds);
  const left = Math.max(area.left, Math.min(rect.left, right(area) - rect.width));
  const top = Math.max(area.top, Math.min(rect.top, bottom(area) - rect.height));
  return { ...rect, left, top };
}

/**
 * Where a badge wanting `wanted` goes given the badges already in `grid`.
 * Left of the blocker when that moves it at most one badge width from where
 * it wanted to be (a row of icons), otherwise just below the blocker at its
 * wanted left edge. Returns the final rect, inside `bounds`.
 */
export function nudge(wanted: Rect, grid: RectGrid, bounds: Size | Rect): Rect {
  const start = clampInto(wanted, bounds);
  let rect = start;
  for (let i = 0; i < MAX_NUDGES; i++) {
    const blocker = grid.firstOverlap(rect);
    if (!blocker) return rect;
    const leftward = blocker.left - BADGE_GAP - rect.width;
    const closeEnough = leftward >= areaOf(bounds).left && start.left - leftward <= rect.width;
    rect = closeEnough
      ? { ...rect, left: leftward }
      : clampInto({ ...rect, left: start.left, top: bottom(blocker) + BADGE_GAP }, bounds);
  }
  return rect;
}
