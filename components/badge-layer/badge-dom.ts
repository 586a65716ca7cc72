/**
 * The write side of the badge layer: our host element on <html> (outside
 * <body>, so an editor saving the body never saves a badge), its shadow root,
 * badge spans and the outline boxes. Only our own nodes are ever written.
 *
 * Accessibility: badges duplicate the panel's link table, which is the
 * keyboard and screen-reader way to the same numbers, so the whole layer is
 * aria-hidden; each badge keeps a `title` for mouse users.
 */
import type { BadgeView } from '../../utils/overlay/badge-model.ts';
import type { Rect } from '../../utils/overlay/rects.ts';
import { HOST_STYLE, LAYER_CSS, LAYER_TAG } from './badge-styles.ts';

export interface LayerDom {
  host: HTMLElement;
  /** The host's closed shadow root. */
  root: ShadowRoot;
  /** Container of the badges (toggled by `hidden` for the visible switch). */
  layer: HTMLElement;
  /** Outline around the highlighted link. */
  focusBox: HTMLElement;
  /** Pulsing ring around a located link. */
  ring: HTMLElement;
}

export function createLayerDom(doc: Document): LayerDom {
  const host = doc.createElement(LAYER_TAG);
  host.setAttribute('data-clickmap-lens', '');
  host.setAttribute('aria-hidden', 'true');
  host.setAttribute('style', HOST_STYLE);
  // Closed: the page (and the email's own scripts) cannot read the badges' numbers.
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = LAYER_CSS;
  const layer = doc.createElement('div');
  layer.className = 'layer';
  const focusBox = box(doc, 'box');
  const ring = box(doc, 'box ring');
  layer.append(focusBox, ring);
  shadow.append(style, layer);
  doc.documentElement.append(host);
  return { host, root: shadow, layer, focusBox, ring };
}

function box(doc: Document, className: string): HTMLElement {
  const element = doc.createElement('div');
  element.className = className;
  element.hidden = true;
  return element;
}

/** The outline of a badge's link, in the badge's colour; hidden until first positioned. */
export function createMark(doc: Document, view: BadgeView): HTMLElement {
  const mark = doc.createElement('div');
  mark.className = 'mark';
  mark.dataset.ordinal = String(view.ordinal);
  mark.style.setProperty('--heat', view.color);
  mark.hidden = true;
  return mark;
}

/** One badge span: label as text (never HTML), colours inline, hidden until first positioned. */
export function createBadge(doc: Document, view: BadgeView): HTMLElement {
  const badge = doc.createElement('span');
  badge.className = view.state === 'no-data' ? 'badge no-data' : 'badge';
  badge.dataset.ordinal = String(view.ordinal);
  badge.textContent = view.label;
  badge.title = view.title;
  badge.style.backgroundColor = view.color;
  badge.style.setProperty('--heat', view.color);
  badge.style.color = view.textColor;
  badge.hidden = true;
  return badge;
}

export function moveTo(element: HTMLElement, left: number, top: number): void {
  element.style.transform = `translate(${left}px, ${top}px)`;
}

/** Puts an outline box `offset` px outside a link's visible box (or hides it). */
export function frame(element: HTMLElement, rect: Rect | null, offset = 3): void {
  element.hidden = rect === null;
  if (!rect) return;
  // Outside the link, so the outline does not cover its edge pixels.
  moveTo(element, Math.round(rect.left) - offset, Math.round(rect.top) - offset);
  element.style.width = `${Math.round(rect.width) + 2 * offset}px`;
  element.style.height = `${Math.round(rect.height) + 2 * offset}px`;
}
