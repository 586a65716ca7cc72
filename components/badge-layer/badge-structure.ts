/**
 * What the badge passes need to know about a link's surroundings that only
 * changes when the DOM or styles change, not when the page scrolls: the media
 * inside it, its overflow-clipping ancestors and whether it sits in a fixed or
 * sticky box. Computed once per link and kept until a mutation invalidates
 * it, so a scroll pass only reads rects (no style lookups, no selector
 * queries).
 */

/** Rendered content inside a link that people see as "the link" (image links, icon buttons). */
const MEDIA = 'img, svg, picture, video, canvas, input[type="image"]';

/** Overflow values that cut off content (auto/scroll: an inner scroller's hidden part). */
const CLIPPING = new Set(['hidden', 'clip', 'auto', 'scroll']);
/** Positions that move relative to the document when the window scrolls. */
const PINNED = new Set(['fixed', 'sticky']);

export interface LinkStructure {
  media: Element[];
  /** Ancestors that clip overflow, innermost first (body and html excluded: they are the viewport). */
  clippers: Element[];
  /** The link or an ancestor is position: fixed/sticky: window scrolling moves it. */
  pinned: boolean;
}

interface AncestorStyle {
  clips: boolean;
  pinned: boolean;
}

export class StructureCache {
  // Maps, not WeakMaps (measurably faster on 700 ancestors); emptied on every mutation.
  readonly #links = new Map<Element, LinkStructure>();
  readonly #ancestors = new Map<Element, AncestorStyle>();

  /** Forget everything (a mutation may have changed any of it). */
  invalidate(): void {
    this.#links.clear();
    this.#ancestors.clear();
  }

  of(link: Element): LinkStructure {
    const known = this.#links.get(link);
    if (known) return known;
    const structure = this.#compute(link);
    this.#links.set(link, structure);
    return structure;
  }

  #compute(link: Element): LinkStructure {
    const doc = link.ownerDocument;
    const clippers: Element[] = [];
    let pinned = this.#style(link).pinned;
    for (let node = link.parentElement; node; node = node.parentElement) {
      if (node === doc.body || node === doc.documentElement) break;
      const style = this.#style(node);
      if (style.clips) clippers.push(node);
      pinned ||= style.pinned;
    }
    return { media: [...link.querySelectorAll(MEDIA)], clippers, pinned };
  }

  /** Ancestors are shared by most links: one style lookup each. */
  #style(element: Element): AncestorStyle {
    const known = this.#ancestors.get(element);
    if (known) return known;
    const style = element.ownerDocument.defaultView?.getComputedStyle(element);
    if (!style) return { clips: false, pinned: false };
    // overflow-x/-y: one hidden makes the other auto. The shorthand is for DOMs that
    // do not expand it (happy-dom); browsers always fill the longhands.
    const [x, y] = [style.overflowX, style.overflowY];
    const clips = x || y ? CLIPPING.has(x) || CLIPPING.has(y) : CLIPPING.has(style.overflow);
    const result = { clips, pinned: PINNED.has(style.position) };
    this.#ancestors.set(element, result);
    return result;
  }
}
