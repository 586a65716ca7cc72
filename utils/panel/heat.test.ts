// @vitest-environment node
import { describe, expect, test } from 'vitest';
import {
  HEAT_UNKNOWN,
  heatColor,
  heatGradientCss,
  heatInk,
  heatLegendStops,
  shareOfMax,
} from './heat.ts';

function relativeLuminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((s) => (s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4));
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

describe('heatColor', () => {
  test.each<[number | null, string]>([
    [0, '#0d0887'],
    [1 / 16, '#2d0594'],
    [0.5, '#cc4778'],
    [1, '#f0f921'],
    [-0.2, '#0d0887'],
    [7, '#f0f921'],
    [Number.NaN, '#0d0887'],
    [null, HEAT_UNKNOWN],
  ])('%s → %s', (share, color) => {
    expect(heatColor(share)).toBe(color);
  });

  test('lightness rises monotonically with the share (a perceptual scale)', () => {
    const lum = Array.from({ length: 101 }, (_, i) => relativeLuminance(heatColor(i / 100)));
    lum.slice(1).forEach((l, i) => expect(l).toBeGreaterThanOrEqual(lum[i] ?? 0));
  });
});

describe('heatInk', () => {
  test.each<[number | null, string]>([
    [0, '#ffffff'],
    [0.25, '#ffffff'],
    [0.75, '#000000'],
    [1, '#000000'],
    [null, '#000000'],
  ])('%s → %s', (share, ink) => {
    expect(heatInk(share)).toBe(ink);
  });

  test('the chosen ink has at least 4.5:1 contrast on every stop', () => {
    for (const stop of heatLegendStops(33)) {
      const [a, b] = [relativeLuminance(stop.color), relativeLuminance(stop.ink)];
      expect((Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('heatLegendStops', () => {
  test('five stops by default', () => {
    expect(heatLegendStops()).toEqual([
      { share: 0, color: '#0d0887', ink: '#ffffff' },
      { share: 0.25, color: '#7e03a8', ink: '#ffffff' },
      { share: 0.5, color: '#cc4778', ink: '#000000' },
      { share: 0.75, color: '#f89540', ink: '#000000' },
      { share: 1, color: '#f0f921', ink: '#000000' },
    ]);
  });
  test('at least two stops', () => {
    expect(heatLegendStops(1).map((s) => s.share)).toEqual([0, 1]);
  });
  test('gradient css', () => {
    expect(heatGradientCss(3)).toBe(
      'linear-gradient(to right, #0d0887 0%, #cc4778 50%, #f0f921 100%)',
    );
  });
});

describe('shareOfMax', () => {
  test.each([
    [1502, 1502, 1],
    [801, 1502, 801 / 1502],
    [0, 0, 0],
    [5, 0, 0],
  ])('%i of max %i → %f', (value, max, share) => {
    expect(shareOfMax(value, max)).toBe(share);
  });
});
