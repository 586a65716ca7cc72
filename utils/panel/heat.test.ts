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

function contrast(a: string, b: string): number {
  const [la, lb] = [relativeLuminance(a), relativeLuminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** Machado, Oliveira & Fernandes (2009) full-severity simulation matrices, on linear RGB. */
const CVD: Record<string, readonly (readonly number[])[]> = {
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

function simulatedLuminance(hex: string, matrix: readonly (readonly number[])[]): number {
  const lin = [1, 3, 5].map((i) => {
    const s = parseInt(hex.slice(i, i + 2), 16) / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  const seen = matrix.map((row) =>
    Math.min(
      1,
      Math.max(
        0,
        row.reduce((sum, m, i) => sum + m * (lin[i] ?? 0), 0),
      ),
    ),
  );
  return 0.2126 * (seen[0] ?? 0) + 0.7152 * (seen[1] ?? 0) + 0.0722 * (seen[2] ?? 0);
}

/** Every step a badge can take: 1 % apart, plus the no-row grey. */
const STEPS = Array.from({ length: 101 }, (_, i) => i / 100);

describe('heatColor', () => {
  test.each<[number | null, string]>([
    [0, '#ffffcc'],
    [1 / 16, '#fff6b6'],
    [0.5, '#fd8d3c'],
    [1, '#800026'],
    [-0.2, '#ffffcc'],
    [7, '#800026'],
    [Number.NaN, '#ffffcc'],
    [null, HEAT_UNKNOWN],
  ])('%s → %s', (share, color) => {
    expect(heatColor(share)).toBe(color);
  });

  test('the hottest link is the most visible: contrast with a white email rises with the share', () => {
    const onWhite = STEPS.map((s) => contrast(heatColor(s), '#ffffff'));
    onWhite.slice(1).forEach((c, i) => expect(c).toBeGreaterThan(onWhite[i] ?? 0));
    expect(onWhite[0]).toBeLessThan(1.1);
    expect(onWhite[100]).toBeGreaterThan(10.5); // measured 10.79:1
  });

  test('lightness falls monotonically with the share, also as seen with each colour-vision deficiency', () => {
    for (const matrix of [null, ...Object.values(CVD)]) {
      const lum = STEPS.map((s) =>
        matrix ? simulatedLuminance(heatColor(s), matrix) : relativeLuminance(heatColor(s)),
      );
      lum.slice(1).forEach((l, i) => expect(l).toBeLessThan(lum[i] ?? 0));
      // The two ends stay far apart (a light-to-dark ramp, not a hue change only):
      // as a WCAG contrast ratio, 10.5:1 for normal vision, 9.1–13.0:1 simulated.
      expect(((lum[0] ?? 0) + 0.05) / ((lum[100] ?? 0) + 0.05)).toBeGreaterThan(8);
    }
  });
});

describe('heatInk', () => {
  test.each<[number | null, string]>([
    [0, '#000000'],
    [0.5, '#000000'],
    [0.75, '#ffffff'],
    [1, '#ffffff'],
    [null, '#000000'],
  ])('%s → %s', (share, ink) => {
    expect(heatInk(share)).toBe(ink);
  });

  test('every badge step (and the no-row grey) has text at 4.5:1 or more', () => {
    const ratios = [...STEPS, null].map((s) => contrast(heatColor(s), heatInk(s)));
    for (const ratio of ratios) expect(ratio).toBeGreaterThanOrEqual(4.5);
    expect(Math.min(...ratios)).toBeGreaterThan(4.58);
  });
});

describe('heatLegendStops', () => {
  test('five stops by default', () => {
    expect(heatLegendStops()).toEqual([
      { share: 0, color: '#ffffcc', ink: '#000000' },
      { share: 0.25, color: '#fed976', ink: '#000000' },
      { share: 0.5, color: '#fd8d3c', ink: '#000000' },
      { share: 0.75, color: '#e31a1c', ink: '#ffffff' },
      { share: 1, color: '#800026', ink: '#ffffff' },
    ]);
  });
  test('at least two stops', () => {
    expect(heatLegendStops(1).map((s) => s.share)).toEqual([0, 1]);
  });
  test('gradient css', () => {
    expect(heatGradientCss(3)).toBe(
      'linear-gradient(to right, #ffffcc 0%, #fd8d3c 50%, #800026 100%)',
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
