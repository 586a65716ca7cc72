// @vitest-environment node
import { describe, expect, test } from 'vitest';
import { BADGE_GAP, RectGrid, clampInto, nudge } from './collide.ts';
import { layoutBadges, type BadgeRequest } from './layout.ts';
import { anchorPoint, clipRects, union, visibleRects, type Rect } from './rects.ts';

const BOUNDS = { width: 600, height: 2000 };
const SIZE = { width: 60, height: 16 };

function r(left: number, top: number, width: number, height: number): Rect {
  return { left, top, width, height };
}

function request(ordinal: number, rects: Rect[], extra: Partial<BadgeRequest> = {}): BadgeRequest {
  return { ordinal, rects, size: SIZE, ...extra };
}

describe('visible rects', () => {
  test('clips to every overflow-hiding ancestor and drops what is left empty', () => {
    const clips = [r(0, 0, 300, 100), r(50, 0, 600, 60)];
    expect(clipRects([r(20, 40, 400, 40), r(0, 200, 100, 20)], clips, BOUNDS)).toEqual([
      r(50, 40, 250, 20),
    ]);
  });

  test.each<[string, Rect]>([
    ['zero height (font-size:0 preheader)', r(10, 10, 200, 0)],
    ['off-screen left (left:-9999px)', r(-9999, 10, 200, 20)],
    ['below the document', r(10, 2000, 100, 20)],
    ['sub-pixel sliver', r(10, 10, 0.5, 20)],
  ])('%s is not visible', (_name, rect) => {
    expect(clipRects([rect], [], BOUNDS)).toEqual([]);
  });

  test('an image link is its image, not its full-width block or line strip', () => {
    const link = { rects: [r(0, 100, 600, 220)], mediaRects: [r(150, 110, 300, 200)] };
    expect(visibleRects(link, BOUNDS)).toEqual([r(150, 110, 300, 200)]);
  });

  test('an image clipped away falls back to the link box', () => {
    const link = {
      rects: [r(0, 100, 120, 20)],
      mediaRects: [r(0, 300, 50, 50)],
      clips: [r(0, 0, 600, 200)],
    };
    expect(visibleRects(link, BOUNDS)).toEqual([r(0, 100, 120, 20)]);
  });

  test('a wrapped link anchors at the end of its first line, not the union corner', () => {
    const lines = [r(300, 40, 80, 18), r(0, 58, 500, 18)];
    expect(anchorPoint(lines)).toEqual({ x: 380, y: 40, lineHeight: 18 });
    expect(union(lines)).toEqual(r(0, 40, 500, 36));
  });
});

describe('layoutBadges', () => {
  test('text link: right-aligned, straddling the top edge', () => {
    const { placed, hidden } = layoutBadges([request(0, [r(100, 200, 150, 18)])], BOUNDS);
    expect(hidden).toEqual([]);
    expect(placed).toEqual([
      {
        ordinal: 0,
        left: 190,
        top: 192,
        width: 60,
        height: 16,
        box: r(100, 200, 150, 18),
        moved: false,
      },
    ]);
  });

  test('image link: inside the visible image corner, inset 2 px', () => {
    const img = request(3, [r(0, 300, 600, 4)], { mediaRects: [r(200, 300, 200, 100)] });
    const [badge] = layoutBadges([img], BOUNDS).placed;
    expect(badge).toMatchObject({ left: 338, top: 302, box: r(200, 300, 200, 100) });
  });

  test('wrapped link: badge at the first line end', () => {
    const wrapped = request(1, [r(300, 40, 80, 18), r(0, 58, 500, 18)]);
    expect(layoutBadges([wrapped], BOUNDS).placed[0]).toMatchObject({ left: 320, top: 32 });
  });

  test.each<[string, Rect, { left: number; top: number }]>([
    ['top edge', r(100, 0, 150, 18), { left: 190, top: 0 }],
    ['left edge (link narrower than badge)', r(0, 100, 20, 18), { left: 0, top: 92 }],
    ['bottom edge', r(100, 1995, 150, 5), { left: 190, top: 1984 }],
  ])('clamped inside the document at the %s', (_name, rect, at) => {
    expect(layoutBadges([request(0, [rect])], BOUNDS).placed[0]).toMatchObject({
      ...at,
      moved: true,
    });
  });

  test('hidden links are listed, not placed', () => {
    const result = layoutBadges(
      [request(2, []), request(0, [r(0, 0, 100, 0)]), request(1, [r(100, 200, 150, 18)])],
      BOUNDS,
    );
    expect(result.hidden).toEqual([0, 2]);
    expect(result.placed.map((b) => b.ordinal)).toEqual([1]);
  });

  test('a row of social icons: no room on the left, so badges stack down', () => {
    // Icons 32 px wide, 8 px apart; badges 60 px wide, right-aligned on each icon.
    const icons = [0, 40, 80].map((x, i) => request(i, [], { mediaRects: [r(x, 500, 32, 32)] }));
    const placed = layoutBadges(icons, BOUNDS).placed.map(({ ordinal, left, top, moved }) => ({
      ordinal,
      left,
      top,
      moved,
    }));
    // 32 px icons are tall for 16 px badges: inside their corner, 2 px in (top 502).
    const below = 502 + 16 + BADGE_GAP;
    expect(placed).toEqual([
      // Icon 0: clamped to 0, blocked by icon 2's badge, no room on the left →
      // below it, where icon 1's badge already is → below that one too.
      { ordinal: 0, left: 0, top: below + 16 + BADGE_GAP, moved: true },
      // Icon 1: left of icon 2's badge would be 50 - 2 - 60 = -12 < 0 → below it.
      { ordinal: 1, left: 10, top: below, moved: true },
      { ordinal: 2, left: 50, top: 502, moved: false },
    ]);
  });

  test('two links on one line: the left badge moves left of the right one', () => {
    const a = request(0, [r(0, 100, 130, 18)]);
    const b = request(1, [r(140, 100, 40, 18)]);
    const placed = layoutBadges([a, b], BOUNDS).placed;
    expect(placed.map((p) => [p.left, p.top])).toEqual([
      [58, 92],
      [120, 92],
    ]);
  });

  test('is deterministic whatever the input order', () => {
    const links = Array.from({ length: 40 }, (_, i) =>
      request(i, [r((i * 37) % 500, Math.floor(i / 4) * 20, 50, 18)]),
    );
    const forward = layoutBadges(links, BOUNDS);
    const backward = layoutBadges([...links].reverse(), BOUNDS);
    expect(backward).toEqual(forward);
  });

  test('no two placed badges overlap on a dense page of 150 links', () => {
    const links = Array.from({ length: 150 }, (_, i) =>
      request(i, [r((i % 6) * 90, Math.floor(i / 6) * 40, 80, 18)]),
    );
    const { placed } = layoutBadges(links, { width: 600, height: 1200 });
    expect(placed).toHaveLength(150);
    const grid = new RectGrid();
    for (const badge of placed) {
      expect(grid.firstOverlap(badge)).toBeNull();
      grid.add(badge);
    }
  });
});

describe('nudge and clamp', () => {
  test('clampInto keeps a badge larger than the document at the top-left', () => {
    expect(clampInto(r(30, 30, 80, 20), { width: 50, height: 10 })).toEqual(r(0, 0, 80, 20));
  });

  test('gives up after a bounded number of nudges at the document bottom', () => {
    const grid = new RectGrid();
    grid.add(r(0, 84, 100, 16));
    expect(nudge(r(40, 84, 60, 16), grid, { width: 100, height: 100 })).toEqual(r(40, 84, 60, 16));
  });
});
