// @vitest-environment node
import { describe, expect, test } from 'vitest';
import { RectGrid, clampInto, nudge } from './collide.ts';
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

/** Summed area where `rect` covers any of `links` (their visible rects). */
function cover(rect: Rect, links: readonly BadgeRequest[]): number {
  const grid = new RectGrid();
  for (const link of links) for (const lr of link.mediaRects ?? link.rects) grid.add(lr);
  return grid.overlapArea(rect);
}

describe('layoutBadges', () => {
  test('text link: above the end of its line, touching it, not on its text', () => {
    const { placed, hidden } = layoutBadges([request(0, [r(100, 200, 150, 18)])], BOUNDS);
    expect(hidden).toEqual([]);
    expect(placed).toEqual([
      {
        ordinal: 0,
        left: 190,
        top: 183,
        width: 60,
        height: 16,
        box: r(100, 200, 150, 18),
        side: 'above',
        moved: false,
      },
    ]);
  });

  test('image link: above its visible image, not over it', () => {
    const img = request(3, [r(0, 300, 600, 4)], { mediaRects: [r(200, 300, 200, 100)] });
    const [badge] = layoutBadges([img], BOUNDS).placed;
    expect(badge).toMatchObject({ left: 340, top: 283, side: 'above', box: r(200, 300, 200, 100) });
  });

  test('wrapped link: above the end of its first line', () => {
    const wrapped = request(1, [r(300, 40, 80, 18), r(0, 58, 500, 18)]);
    expect(layoutBadges([wrapped], BOUNDS).placed[0]).toMatchObject({ left: 320, top: 23 });
  });

  test.each<[string, Rect, { left: number; top: number; side: string }]>([
    ['top edge: below instead', r(100, 0, 150, 18), { left: 190, top: 19, side: 'below' }],
    [
      'left edge, link narrower than the badge: after it',
      r(0, 100, 20, 18),
      { left: 21, top: 101, side: 'after' },
    ],
    ['bottom-right corner: above', r(540, 1982, 60, 18), { left: 540, top: 1965, side: 'above' }],
  ])('%s', (_name, rect, at) => {
    expect(layoutBadges([request(0, [rect])], BOUNDS).placed[0]).toMatchObject({
      ...at,
      moved: false,
    });
  });

  test('a link under the one above: the badge goes below rather than onto the upper link', () => {
    const upper = request(0, [r(100, 100, 150, 18)]);
    const lower = request(1, [r(100, 120, 150, 18)]);
    const placed = layoutBadges([upper, lower], BOUNDS).placed;
    for (const badge of placed) expect(cover(badge, [upper, lower])).toBe(0);
    expect(placed.map((p) => p.side)).toEqual(['above', 'below']);
  });

  test('hidden links are listed, not placed (a 1×1 tracking link too)', () => {
    const result = layoutBadges(
      [
        request(2, []),
        request(0, [r(0, 0, 100, 0)]),
        request(1, [r(100, 200, 150, 18)]),
        request(3, [r(599, 300, 1, 1)]),
      ],
      BOUNDS,
    );
    expect(result.hidden).toEqual([0, 2, 3]);
    expect(result.placed.map((b) => b.ordinal)).toEqual([1]);
  });

  test('clipped to the email box: links outside it are hidden, badges stay inside it', () => {
    const email = r(200, 100, 300, 400);
    const links = [
      request(0, [r(420, 102, 80, 18)]), // top-right corner of the email
      request(1, [r(100, 300, 50, 18)]), // in the page's sidebar, outside the email
      request(2, [r(480, 300, 40, 18)]), // straddles the email's right edge
    ];
    const { placed, hidden } = layoutBadges(links, BOUNDS, email);
    expect(hidden).toEqual([1]);
    for (const badge of placed) {
      expect(badge.left).toBeGreaterThanOrEqual(200);
      expect(badge.top).toBeGreaterThanOrEqual(100);
      expect(badge.left + badge.width).toBeLessThanOrEqual(500);
      expect(badge.top + badge.height).toBeLessThanOrEqual(500);
    }
    expect(placed[0]).toMatchObject({ left: 440, top: 121, side: 'below' });
    expect(placed[1]?.box).toEqual(r(480, 300, 20, 18));
  });

  test('a row of social icons: every badge outside every icon, none overlapping', () => {
    const icons = [0, 40, 80].map((x, i) => request(i, [], { mediaRects: [r(x, 500, 32, 32)] }));
    const { placed } = layoutBadges(icons, BOUNDS);
    expect(placed.map((p) => [p.ordinal, p.left, p.top, p.side])).toEqual([
      [0, 0, 551, 'below'],
      [1, 12, 533, 'below'],
      [2, 52, 483, 'above'],
    ]);
    // Icon 0 found no free spot (nudged below icon 1's badge); the others did.
    expect(placed.map((p) => p.moved)).toEqual([true, false, false]);
    const grid = new RectGrid();
    for (const badge of placed) {
      expect(cover(badge, icons)).toBe(0);
      expect(grid.firstOverlap(badge)).toBeNull();
      grid.add(badge);
    }
  });

  test('is deterministic whatever the input order', () => {
    const links = Array.from({ length: 40 }, (_, i) =>
      request(i, [r((i * 37) % 500, Math.floor(i / 4) * 20, 50, 18)]),
    );
    const forward = layoutBadges(links, BOUNDS);
    const backward = layoutBadges([...links].reverse(), BOUNDS);
    expect(backward).toEqual(forward);
  });

  test('150 links: no badge covers any link text, no two badges overlap', () => {
    const links = Array.from({ length: 150 }, (_, i) =>
      request(i, [r((i % 6) * 100, Math.floor(i / 6) * 40, 80, 18)]),
    );
    const { placed } = layoutBadges(links, { width: 600, height: 1200 });
    expect(placed).toHaveLength(150);
    const grid = new RectGrid();
    for (const badge of placed) {
      expect(cover(badge, links)).toBe(0);
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
