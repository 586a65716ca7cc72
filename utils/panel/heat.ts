/**
 * The heat scale shared by the panel legend and the on-page link badges.
 *
 * Colours come from matplotlib's "plasma" map (perceptually uniform, lightness
 * rising monotonically from dark violet to yellow, readable with the common
 * colour-vision deficiencies). Nine samples at equal steps are interpolated
 * linearly in sRGB; at this density the deviation from the full map is below
 * what the eye separates. The share passed in is the caller's choice of
 * normalisation (the panel and badges use clicks / the busiest link's clicks).
 */

/** plasma at 0, 1/8, …, 1. */
const PLASMA: readonly (readonly [number, number, number])[] = [
  [13, 8, 135],
  [76, 2, 161],
  [126, 3, 168],
  [169, 35, 149],
  [204, 71, 120],
  [229, 107, 93],
  [248, 149, 64],
  [253, 195, 40],
  [240, 249, 33],
];

/** Colour for a link whose numbers are unknown (no report row). */
export const HEAT_UNKNOWN = '#8a8a8a';

export interface HeatStop {
  share: number;
  /** Background colour, #rrggbb. */
  color: string;
  /** Text colour readable on `color` (#000000 or #ffffff). */
  ink: string;
}

function hex(rgb: readonly number[]): string {
  return `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

function clampShare(share: number): number {
  if (!Number.isFinite(share)) return 0;
  return Math.min(1, Math.max(0, share));
}

function heatRgb(share: number): [number, number, number] {
  const x = clampShare(share) * (PLASMA.length - 1);
  const lo = Math.min(Math.floor(x), PLASMA.length - 2);
  const t = x - lo;
  const a = PLASMA[lo] ?? [0, 0, 0];
  const b = PLASMA[lo + 1] ?? a;
  return [0, 1, 2].map((i) => (a[i] ?? 0) + ((b[i] ?? 0) - (a[i] ?? 0)) * t) as [
    number,
    number,
    number,
  ];
}

/** WCAG relative luminance of an sRGB colour given as 0–255 channels. */
function luminance(rgb: readonly number[]): number {
  const lin = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (lin[0] ?? 0) + 0.7152 * (lin[1] ?? 0) + 0.0722 * (lin[2] ?? 0);
}

/** Scale colour (#rrggbb) for a share in [0, 1]; out-of-range values are clamped, null → grey. */
export function heatColor(share: number | null): string {
  return share === null ? HEAT_UNKNOWN : hex(heatRgb(share));
}

/** Black or white, whichever contrasts more with heatColor(share). */
export function heatInk(share: number | null): string {
  if (share === null) return '#000000';
  const l = luminance(heatRgb(share));
  const contrastWithBlack = (l + 0.05) / 0.05;
  const contrastWithWhite = 1.05 / (l + 0.05);
  return contrastWithBlack >= contrastWithWhite ? '#000000' : '#ffffff';
}

/** Evenly spaced legend stops from 0 to 1 (count ≥ 2), for a gradient and its labels. */
export function heatLegendStops(count = 5): HeatStop[] {
  const n = Math.max(2, Math.floor(count));
  return Array.from({ length: n }, (_, i) => {
    const share = i / (n - 1);
    return { share, color: heatColor(share), ink: heatInk(share) };
  });
}

/** CSS linear-gradient through the legend stops, left (0) to right (1). */
export function heatGradientCss(count = 9): string {
  const stops = heatLegendStops(count).map((s) => `${s.color} ${Math.round(s.share * 100)}%`);
  return `linear-gradient(to right, ${stops.join(', ')})`;
}

/** Share of the busiest value (the badges' and legend's normalisation); 0 max → 0. */
export function shareOfMax(value: number, max: number): number {
  return max > 0 ? clampShare(value / max) : 0;
}
