/**
 * Heat badges over the links of an email preview, drawn in our own layer
 * (badge-dom.ts), never in the email's DOM. Each pass reads everything first
 * (badge-measure.ts), computes positions (utils/overlay/layout.ts), then
 * writes one transform per badge that moved: reads and writes never
 * interleave. Passes run once per burst of scroll/resize/mutation events
 * (badge-watch.ts) and stop with the signal.
 */
import { drawableBadges, type BadgeView } from '../../utils/overlay/badge-model.ts';
import { layoutBadges, type PlacedBadge } from '../../utils/overlay/layout.ts';
import type { Size } from '../../utils/overlay/rects.ts';
import { createBadge, createLayerDom, createMark, frame, moveTo } from './badge-dom.ts';
import { measureLinks } from './badge-measure.ts';
import { createBadgeSizer } from './badge-size.ts';
import { StructureCache } from './badge-structure.ts';
import { watchLayout, type Schedule } from './badge-watch.ts';

/** The link outline sits this far outside the link (its 2 px border ends at the link's edge). */
const MARK_OFFSET = 2;

export interface BadgeLayerOptions {
  signal: AbortSignal;
  /** Frame scheduler (tests count frames with it); requestAnimationFrame by default. */
  schedule?: Schedule;
  /** Ordinals of drawn links with no visible box, whenever that list changes. */
  onHiddenChange?: (hidden: readonly number[]) => void;
}

/** Link elements by placement ordinal (a Map, or an array indexed by ordinal). */
export type LinkElements = ReadonlyMap<number, Element> | readonly (Element | undefined)[];

export interface BadgeLayer {
  readonly host: HTMLElement;
  /**
   * Replaces all badges; positions them at once, inside the visible box of
   * `roots` (the email's body roots; the whole document when empty). Returns
   * the ordinals found hidden.
   */
  draw(
    badges: readonly BadgeView[],
    links: LinkElements,
    roots?: readonly Element[],
  ): { hidden: number[] };
  /** The layer's closed shadow root: only our own code holds it (the page sees host.shadowRoot null). */
  readonly root: ShadowRoot;
  /** Emphasises one link's badge and outlines the link (null: none). */
  highlight(ordinal: number | null): void;
  /** Scrolls the link into view and pulses a ring around it; false when the link is unknown. */
  locate(ordinal: number): boolean;
  setVisible(visible: boolean): void;
  clear(): void;
  destroy(): void;
}

interface Drawn {
  view: BadgeView;
  link: Element;
  badge: HTMLElement;
  /** The link's outline in the badge's colour. */
  mark: HTMLElement;
  size: Size;
  /** Last written position (badge and outline); null while hidden. */
  at: { left: number; top: number; side: string; box: string } | null;
}

function elementAt(links: LinkElements, ordinal: number): Element | undefined {
  return 'get' in links ? links.get(ordinal) : links[ordinal];
}

export function createBadgeLayer(doc: Document, options: BadgeLayerOptions): BadgeLayer {
  // Ends with the caller's signal or with destroy(), whichever comes first.
  const life = new AbortController();
  const { signal } = life;
  const dom = createLayerDom(doc);
  const drawn = new Map<number, Drawn>();
  let links: LinkElements = new Map();
  let roots: readonly Element[] = [];
  let [visible, highlighted, located] = [true, null as number | null, null as number | null];
  let hiddenKey: string | null = null;
  const structure = new StructureCache();
  const sizeOf = createBadgeSizer(doc);
  /** Some drawn link is fixed/sticky, so window scrolling moves it (rare in emails). */
  let pinned = false;

  const pass = (): number[] => {
    if (!visible || drawn.size === 0) return [];
    // Read phase: every link (badge sizes come from text metrics, not layout).
    const targets = [...drawn.values()].map((e) => ({
      ordinal: e.view.ordinal,
      link: e.link,
      size: e.size,
    }));
    const measured = measureLinks(targets, dom.host, structure, roots);
    const { requests, bounds, area } = measured;
    pinned = measured.pinned;
    // Write phase.
    const layout = layoutBadges(requests, bounds, area);
    write(layout.placed, layout.hidden);
    return layout.hidden;
  };

  const write = (placed: readonly PlacedBadge[], hidden: readonly number[]): void => {
    const boxes = new Map(placed.map((badge) => [badge.ordinal, badge.box]));
    for (const badge of placed) {
      const entry = drawn.get(badge.ordinal);
      if (!entry) continue;
      const box = `${badge.box.left},${badge.box.top},${badge.box.width},${badge.box.height}`;
      if (entry.at?.left !== badge.left || entry.at.top !== badge.top)
        moveTo(entry.badge, badge.left, badge.top);
      if (entry.at?.side !== badge.side) entry.badge.dataset.side = badge.side;
      if (entry.at?.box !== box) frame(entry.mark, badge.box, MARK_OFFSET);
      if (entry.at === null) entry.badge.hidden = false;
      entry.at = { left: badge.left, top: badge.top, side: badge.side, box };
    }
    for (const ordinal of hidden) {
      const entry = drawn.get(ordinal);
      if (entry) [entry.badge.hidden, entry.mark.hidden, entry.at] = [true, true, null];
    }
    frame(dom.focusBox, highlighted === null ? null : (boxes.get(highlighted) ?? null));
    frame(dom.ring, located === null ? null : (boxes.get(located) ?? null));
    reportHidden(hidden);
  };

  const reportHidden = (hidden: readonly number[]): void => {
    const key = hidden.join(',');
    if (key === hiddenKey) return;
    hiddenKey = key;
    options.onHiddenChange?.(hidden);
  };

  const watch = watchLayout(doc, {
    signal,
    schedule: options.schedule,
    onFrame: pass,
    onMutation: () => structure.invalidate(),
    followDocumentScroll: () => pinned,
  });
  dom.ring.addEventListener('animationend', () => {
    located = null;
    dom.ring.hidden = true;
  });

  /** Forgets the drawn badges without touching the DOM; returns their spans and outlines. */
  const forget = (): HTMLElement[] => {
    const spans = [...drawn.values()].flatMap((entry) => [entry.badge, entry.mark]);
    drawn.clear();
    structure.invalidate();
    pinned = false;
    [highlighted, located, hiddenKey] = [null, null, null];
    return spans;
  };

  const clear = (): void => {
    for (const span of forget()) span.remove();
    frame(dom.focusBox, null);
    frame(dom.ring, null);
  };

  const destroy = (): void => {
    life.abort();
    clear();
    dom.host.remove();
  };
  options.signal.addEventListener('abort', destroy, { once: true, signal });
  if (options.signal.aborted) destroy();

  return {
    host: dom.host,
    root: dom.root,
    draw(badges, elements, emailRoots = []) {
      if (signal.aborted) return { hidden: [] };
      const previous = forget();
      links = elements;
      roots = emailRoots;
      const fragment = doc.createDocumentFragment();
      for (const view of drawableBadges(badges)) {
        const link = elementAt(elements, view.ordinal);
        if (!link) continue;
        const [badge, mark] = [createBadge(doc, view), createMark(doc, view)];
        fragment.append(mark, badge);
        drawn.set(view.ordinal, { view, link, badge, mark, size: sizeOf(view.label), at: null });
      }
      // Nothing is written before the pass reads: the new badges are still
      // detached and the old ones still in place; swapping them is the last write.
      const hidden = pass();
      for (const span of previous) span.remove();
      dom.layer.append(fragment);
      return { hidden };
    },
    highlight(ordinal) {
      if (highlighted !== null) drawn.get(highlighted)?.badge.classList.remove('is-highlighted');
      highlighted = ordinal !== null && drawn.has(ordinal) ? ordinal : null;
      if (highlighted !== null) drawn.get(highlighted)?.badge.classList.add('is-highlighted');
      if (highlighted === null) frame(dom.focusBox, null);
      watch.request();
    },
    locate(ordinal) {
      const link = elementAt(links, ordinal);
      if (!link || signal.aborted) return false;
      const view = doc.defaultView;
      const reduce = view?.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
      link.scrollIntoView({ behavior: reduce ? 'auto' : 'smooth', block: 'center' });
      // Hidden now, shown by the next pass: display none → shown restarts the pulse.
      located = drawn.has(ordinal) ? ordinal : null;
      dom.ring.hidden = true;
      watch.request();
      return true;
    },
    setVisible(next) {
      visible = next;
      dom.layer.hidden = !next;
      if (next) watch.request();
    },
    clear,
    destroy,
  };
}
