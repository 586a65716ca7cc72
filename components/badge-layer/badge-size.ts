/**
 * Badge sizes without touching the layout: the label's width from a detached
 * canvas in the badge's font (cached per label), plus the badge's padding.
 * Reading a freshly inserted badge's offsetWidth instead would force the
 * page to lay out with our spans in it before the links could be measured.
 */
import type { Size } from '../../utils/overlay/rects.ts';

/** Must match .badge in badge-styles.ts. */
export const BADGE_FONT = '600 11px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
export const BADGE_HEIGHT = 16;
const PADDING_X = 5;

/** Size for an environment without canvas text metrics (tests): ~6.5 px per character. */
export function estimateBadgeSize(label: string): Size {
  return { width: Math.ceil(label.length * 6.5) + 2 * PADDING_X, height: BADGE_HEIGHT };
}

export type BadgeSizer = (label: string) => Size;

export function createBadgeSizer(doc: Document): BadgeSizer {
  let context: CanvasRenderingContext2D | null = null;
  try {
    context = doc.createElement('canvas').getContext('2d');
  } catch {
    context = null;
  }
  if (context) context.font = BADGE_FONT;
  const sizes = new Map<string, Size>();
  return (label) => {
    let size = sizes.get(label);
    if (size) return size;
    const width = context?.measureText(label).width;
    size = width
      ? { width: Math.ceil(width) + 2 * PADDING_X, height: BADGE_HEIGHT }
      : estimateBadgeSize(label);
    sizes.set(label, size);
    return size;
  };
}
