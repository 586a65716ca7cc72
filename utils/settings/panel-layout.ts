/**
 * Where the in-page panel sits, remembered per site (issue 12, item 5):
 * docked left or right, its width, collapsed to a slim bar or open. Pure:
 * parsing tolerates whatever storage or a message holds and always yields a
 * complete layout; the per-site map is bounded (the most recently changed
 * sites are kept). The site key is the top page's host, which only the
 * background derives (from the message sender), never the page.
 */
export type DockSide = 'left' | 'right';

export interface PanelLayout {
  side: DockSide;
  /** CSS pixels; null: the default width (min(440px, 100vw)). */
  width: number | null;
  collapsed: boolean;
}

export const DEFAULT_PANEL_LAYOUT: PanelLayout = { side: 'right', width: null, collapsed: false };
export const MIN_PANEL_WIDTH = 320;
export const MAX_PANEL_WIDTH = 1200;
/** Sites remembered at most; the least recently changed go first. */
export const MAX_SITES = 200;

/** A stored width within bounds, in whole pixels; anything else is null (the default). */
export function clampWidth(value: unknown): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  return Math.round(Math.min(MAX_PANEL_WIDTH, Math.max(MIN_PANEL_WIDTH, value)));
}

/** A complete layout from anything: `base` fills what `value` does not validly give. */
export function parsePanelLayout(
  value: unknown,
  base: PanelLayout = DEFAULT_PANEL_LAYOUT,
): PanelLayout {
  const v = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  return {
    side: v.side === 'left' || v.side === 'right' ? v.side : base.side,
    width:
      v.width === null
        ? null
        : v.width === undefined
          ? base.width
          : (clampWidth(v.width) ?? base.width),
    collapsed: typeof v.collapsed === 'boolean' ? v.collapsed : base.collapsed,
  };
}

/** A site key: a host name as URL parses it (lower case, IDN in punycode); null for none. */
export function siteKey(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const { protocol, hostname } = new URL(url);
    return (protocol === 'http:' || protocol === 'https:') && hostname ? hostname : null;
  } catch {
    return null;
  }
}

/**
 * Per-site layouts, least recently changed first. An array, not an object:
 * storage may reorder an object's keys (Chromium sorts them).
 */
export type PanelLayouts = readonly (PanelLayout & { site: string })[];

/** The stored list, cleaned: valid sites (once each) and layouts only, at most MAX_SITES (the last ones). */
export function parsePanelLayouts(value: unknown): PanelLayouts {
  if (!Array.isArray(value)) return [];
  const bySite = new Map<string, PanelLayout & { site: string }>();
  for (const entry of value.slice(-MAX_SITES * 2)) {
    const site = (entry as { site?: unknown } | null)?.site;
    if (typeof site !== 'string' || siteKey(`https://${site}/`) !== site) continue;
    bySite.delete(site);
    bySite.set(site, { site, ...parsePanelLayout(entry) });
  }
  return [...bySite.values()].slice(-MAX_SITES);
}

export function layoutOf(layouts: PanelLayouts, site: string): PanelLayout {
  const found = layouts.find((entry) => entry.site === site);
  return found ? parsePanelLayout(found) : DEFAULT_PANEL_LAYOUT;
}

/** The list with `site`'s layout changed (moved last: most recently changed); returns both. */
export function withSiteLayout(
  layouts: PanelLayouts,
  site: string,
  change: unknown,
): { layouts: PanelLayouts; layout: PanelLayout } {
  const layout = parsePanelLayout(change, layoutOf(layouts, site));
  const others = layouts.filter((entry) => entry.site !== site).slice(-(MAX_SITES - 1));
  return { layouts: [...others, { site, ...layout }], layout };
}
