/**
 * The heat scale shared by the panel legend and the on-page link badges.
 *
 * Colours come from ColorBrewer's sequential "YlOrRd" (9 classes), which
 * ColorBrewer lists as colour-blind safe: lightness falls monotonically from
 * pale yellow (no clicks) to deep red (the busiest link), so the order reads
 * from lightness alone. On an email — mostly white — the hottest badge is the
 * darkest, most saturated one, i.e. the most visible; links nobody clicked
 * fade. Samples at equal steps are interpolated linearly in sRGB. Text on a
 * badge is black or white, whichever contrasts more (4.63:1 at worst over the scale). The
 * share passed in is the caller's choice of normalisation (the panel and
 * badges use clicks / the busiest link's clicks).
 */

/** YlOrRd at 0, 1/8, …, 1 (cold → hot). */
const YL_OR_RD: readonly (readonly [number, number, number])[] = [
  [255, 255, 204],
  [255, 237, 160],
  [254, 217, 118],
  [254, 178, 76],
  [253, 141, 60],
  [252, 78, 42],
  [227, 26, 28],
  [189, 0, 38],
  [128, 0, 38],
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
  const x = clampShare(share) * (YL_OR_RD.length - 1);
  const lo = Math.min(Math.floor(x), YL_OR_RD.length - 2);
  const t = x - lo;
  const a = YL_OR_RD[lo] ?? [0, 0, 0];
  const b = YL_OR_RD[lo + 1] ?? a;
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
