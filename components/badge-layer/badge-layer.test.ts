import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { BadgeView } from '../../utils/overlay/badge-model.ts';
import { createBadgeLayer, type BadgeLayer } from './badge-layer.ts';
import { estimateBadgeSize } from './badge-size.ts';
import { LAYER_TAG } from './badge-styles.ts';

/** An email body as an ESP editor holds it: our layer must never change a byte of it. */
const EMAIL = `
<table width="600"><tr><td>
  <a id="l0" href="https://example.com/a">Read the story</a>
  <a id="l1" href="https://example.com/b"><img src="hero.png" alt="Hero" width="300" height="100"></a>
  <div id="clip" style="overflow:hidden"><a id="l2" href="https://example.com/c">Clipped</a></div>
  <a id="l3" href="https://example.com/d" style="display:none">Hidden</a>
</td></tr></table>`;

type Box = [left: number, top: number, width: number, height: number];

function rect([left, top, width, height]: Box): DOMRect {
  return {
    left,
    top,
    width,
    height,
    x: left,
    y: top,
    right: left + width,
    bottom: top + height,
    toJSON: () => ({}),
  } as DOMRect;
}

/** Fake layout: fixed client rects per element (happy-dom has no layout engine). */
function layOut(element: Element, rects: Box[]): void {
  const union = rects[0] ?? [0, 0, 0, 0];
  element.getClientRects = () => rects.map(rect) as unknown as DOMRectList;
  element.getBoundingClientRect = () => rect(union);
}

function view(ordinal: number, label: string, state: BadgeView['state'] = 'matched'): BadgeView {
  const base = { ordinal, label, title: `#${ordinal + 1}`, heat: 0.5, duplicate: null };
  return { ...base, state, color: '#cc4778', textColor: '#000000' };
}

const byId = (id: string) => document.getElementById(id)!;
const links = () => ['l0', 'l1', 'l2', 'l3'].map(byId);
const BADGES = [
  view(0, '128 · 12.40%'),
  view(1, '64 · 6.20%'),
  view(2, '—', 'no-data'),
  view(3, '1 · 0.10%', 'hidden'),
];

let controller: AbortController;
let frames: (() => void)[];
let layer: BadgeLayer;
const hiddenReports: number[][] = [];

function runFrames(): number {
  const due = frames.splice(0);
  for (const callback of due) callback();
  return due.length;
}

beforeEach(() => {
  document.body.innerHTML = EMAIL;
  Object.defineProperty(document.documentElement, 'scrollWidth', {
    value: 800,
    configurable: true,
  });
  Object.defineProperty(document.documentElement, 'scrollHeight', {
    value: 1000,
    configurable: true,
  });
  layOut(byId('l0'), [[100, 200, 150, 18]]);
  layOut(byId('l1'), [[0, 300, 600, 4]]);
  layOut(byId('l1').querySelector('img')!, [[200, 300, 300, 100]]);
  layOut(byId('l2'), [[0, 500, 200, 18]]);
  layOut(byId('clip'), [[0, 500, 100, 18]]);
  layOut(byId('l3'), []);
  controller = new AbortController();
  frames = [];
  hiddenReports.length = 0;
  layer = createBadgeLayer(document, {
    signal: controller.signal,
    schedule: (callback) => frames.push(callback),
    onHiddenChange: (hidden) => hiddenReports.push([...hidden]),
  });
});

afterEach(() => controller.abort());

function badge(ordinal: number): HTMLElement | null {
  return layer.root.querySelector(`.badge[data-ordinal="${ordinal}"]`);
}

describe('the layer host', () => {
  test('is our own element on <html>, outside <body>, with a closed shadow root', () => {
    expect(layer.host.localName).toBe(LAYER_TAG);
    expect(layer.host.hasAttribute('data-clickmap-lens')).toBe(true);
    expect(layer.host.parentElement).toBe(document.documentElement);
    expect(document.body.contains(layer.host)).toBe(false);
    // Closed: the page's (and the email's) scripts cannot read the badges' numbers.
    expect(layer.root.mode).toBe('closed');
    expect(layer.host.shadowRoot).toBeNull();
    expect(layer.host.getAttribute('aria-hidden')).toBe('true');
  });

  test('the email body stays byte-identical from layer creation through clear', () => {
    controller.abort();
    const before = document.body.innerHTML;
    controller = new AbortController();
    layer = createBadgeLayer(document, {
      signal: controller.signal,
      schedule: (f) => frames.push(f),
    });
    links()[0]!.scrollIntoView = () => {};
    layer.draw(BADGES, links());
    layer.highlight(0);
    layer.locate(0);
    runFrames();
    layer.setVisible(false);
    layer.setVisible(true);
    runFrames();
    layer.clear();
    expect(document.body.innerHTML).toBe(before);
    expect(layer.root.querySelectorAll('.badge')).toHaveLength(0);
  });
});

describe('draw', () => {
  test('positions badges by the layout rules and lists links without a visible box', () => {
    const { hidden } = layer.draw(BADGES, links());
    const size0 = estimateBadgeSize('128 · 12.40%');
    expect(badge(0)?.style.transform).toBe(`translate(${250 - size0.width}px, 183px)`);
    const size1 = estimateBadgeSize('64 · 6.20%');
    // Image link: badged on the image, above its top-right corner (never over it).
    expect(badge(1)?.style.transform).toBe(`translate(${500 - size1.width}px, 283px)`);
    expect(badge(1)?.dataset.side).toBe('above');
    // Clipped by its overflow:hidden parent to 100 px wide: the "—" badge (17 px) ends at 100.
    expect(estimateBadgeSize('—').width).toBe(17);
    expect(badge(2)?.style.transform).toBe('translate(83px, 483px)');
    expect(badge(2)?.className).toBe('badge no-data');
    // State "hidden" is never drawn.
    expect(badge(3)).toBeNull();
    expect(hidden).toEqual([]);
  });

  test('a link whose box disappears is hidden and reported once', () => {
    layer.draw(BADGES, links());
    layOut(byId('l0'), []);
    byId('clip').dispatchEvent(new Event('scroll'));
    runFrames();
    expect(badge(0)?.hidden).toBe(true);
    byId('clip').dispatchEvent(new Event('scroll'));
    runFrames();
    expect(hiddenReports).toEqual([[], [0]]);
  });

  test('badges carry the title for mouse users and the label as text', () => {
    layer.draw([view(0, '<b>x</b>')], links());
    expect(badge(0)?.textContent).toBe('<b>x</b>');
    expect(badge(0)?.title).toBe('#1');
  });
});

describe('repositioning', () => {
  test('a burst of 10 scroll events in an inner scroller costs one frame', () => {
    layer.draw(BADGES, links());
    for (let i = 0; i < 10; i++) byId('clip').dispatchEvent(new Event('scroll'));
    expect(runFrames()).toBe(1);
    layOut(byId('l0'), [[100, 150, 150, 18]]);
    for (let i = 0; i < 10; i++) byId('clip').dispatchEvent(new Event('scroll'));
    expect(runFrames()).toBe(1);
    expect(badge(0)?.style.transform).toBe(
      `translate(${250 - estimateBadgeSize('128 · 12.40%').width}px, 133px)`,
    );
  });

  test('a style mutation refreshes the cached clipping ancestors', async () => {
    layer.draw(BADGES, links());
    expect(badge(2)?.style.transform).toBe('translate(83px, 483px)');
    byId('clip').style.overflow = 'visible';
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(runFrames()).toBe(1);
    // No longer clipped to 100 px: the badge ends at the link's own 200 px.
    expect(badge(2)?.style.transform).toBe('translate(183px, 483px)');
  });

  test('window scrolling costs nothing: the layer scrolls with the document', () => {
    layer.draw(BADGES, links());
    for (let i = 0; i < 10; i++) document.dispatchEvent(new Event('scroll'));
    expect(runFrames()).toBe(0);
  });

  test('window scrolling is followed when a link sits in a fixed box', () => {
    byId('clip').style.position = 'fixed';
    layer.draw(BADGES, links());
    for (let i = 0; i < 10; i++) document.dispatchEvent(new Event('scroll'));
    expect(runFrames()).toBe(1);
  });

  test('window resize, image load and DOM mutations schedule a pass', async () => {
    layer.draw(BADGES, links());
    window.dispatchEvent(new Event('resize'));
    expect(runFrames()).toBe(1);
    byId('l1').querySelector('img')!.dispatchEvent(new Event('load'));
    expect(runFrames()).toBe(1);
    byId('l0').setAttribute('style', 'font-size:30px');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(runFrames()).toBe(1);
  });

  test('after abort: no listener, no observer, no frame, no host', async () => {
    layer.draw(BADGES, links());
    controller.abort();
    byId('clip').dispatchEvent(new Event('scroll'));
    window.dispatchEvent(new Event('resize'));
    byId('l0').setAttribute('style', 'color:red');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(frames).toHaveLength(0);
    expect(layer.host.isConnected).toBe(false);
  });

  test('destroy() without abort also stops listening and removes the host', () => {
    layer.draw(BADGES, links());
    layer.destroy();
    byId('clip').dispatchEvent(new Event('scroll'));
    window.dispatchEvent(new Event('resize'));
    expect(frames).toHaveLength(0);
    expect(document.querySelector(LAYER_TAG)).toBeNull();
  });

  test('redraw replaces the badges', () => {
    layer.draw(BADGES, links());
    layer.draw([view(1, '5 · 1.00%')], links());
    const spans = layer.root.querySelectorAll('.badge');
    expect([...spans].map((span) => span.textContent)).toEqual(['5 · 1.00%']);
  });

  test('a frame queued before abort does nothing', () => {
    layer.draw(BADGES, links());
    byId('clip').dispatchEvent(new Event('scroll'));
    controller.abort();
    layOut(byId('l0'), [[0, 0, 10, 10]]);
    runFrames();
    expect(hiddenReports).toEqual([[]]);
  });

  test('setVisible(false) hides everything and skips passes; true redraws', () => {
    layer.draw(BADGES, links());
    layer.setVisible(false);
    expect((layer.root.querySelector('.layer') as HTMLElement).hidden).toBe(true);
    layOut(byId('l0'), [[100, 100, 150, 18]]);
    byId('clip').dispatchEvent(new Event('scroll'));
    runFrames();
    expect(badge(0)?.style.transform).toBe(
      `translate(${250 - estimateBadgeSize('128 · 12.40%').width}px, 183px)`,
    );
    layer.setVisible(true);
    expect(runFrames()).toBe(1);
    expect(badge(0)?.style.transform).toBe(
      `translate(${250 - estimateBadgeSize('128 · 12.40%').width}px, 83px)`,
    );
  });
});

describe('highlight and locate', () => {
  test('highlight marks one badge and outlines its link in our layer', () => {
    layer.draw(BADGES, links());
    layer.highlight(1);
    layer.highlight(0);
    runFrames();
    expect(badge(0)?.classList.contains('is-highlighted')).toBe(true);
    expect(badge(1)?.classList.contains('is-highlighted')).toBe(false);
    const box = layer.root.querySelector('.box:not(.ring)') as HTMLElement;
    expect([box.hidden, box.style.transform, box.style.width, box.style.height]).toEqual([
      false,
      'translate(97px, 197px)',
      '156px',
      '24px',
    ]);
    layer.highlight(null);
    expect(box.hidden).toBe(true);
  });

  test.each<[boolean, ScrollBehavior]>([
    [false, 'smooth'],
    [true, 'auto'],
  ])('locate scrolls the right link (reduced motion %s → %s) and rings it', (reduced, behavior) => {
    vi.spyOn(window, 'matchMedia').mockReturnValue({ matches: reduced } as MediaQueryList);
    const scrolled = links().map((link) => (link.scrollIntoView = vi.fn()));
    layer.draw(BADGES, links());
    expect(layer.locate(1)).toBe(true);
    expect(scrolled[1]).toHaveBeenCalledWith({ behavior, block: 'center' });
    expect(scrolled.filter((spy) => spy.mock.calls.length > 0)).toHaveLength(1);
    runFrames();
    const ring = layer.root.querySelector('.ring') as HTMLElement;
    expect([ring.hidden, ring.style.transform, ring.style.width]).toEqual([
      false,
      'translate(197px, 297px)',
      '306px',
    ]);
    expect(layer.locate(9)).toBe(false);
  });
});

describe('attribution and bounds', () => {
  test("each badge's link is outlined in the badge's colour, and the layer sits below the panel", () => {
    layer.draw(BADGES, links());
    const mark = layer.root.querySelector<HTMLElement>('.mark[data-ordinal="0"]');
    expect(mark?.hidden).toBe(false);
    // 2 px outside the link box (100, 200, 150, 18).
    expect(mark?.style.transform).toBe('translate(98px, 198px)');
    expect([mark?.style.width, mark?.style.height]).toEqual(['154px', '22px']);
    expect(mark?.style.getPropertyValue('--heat')).toBe(BADGES[0]?.color);
    const zIndex = /z-index: (\d+)/.exec(layer.host.getAttribute('style') ?? '')?.[1];
    expect(Number(zIndex)).toBeLessThan(2147483646);
  });

  test('badges stay inside the email root; links outside it are hidden', () => {
    const root = byId('clip');
    layOut(root, [[0, 480, 100, 40]]);
    const { hidden } = layer.draw(BADGES, links(), [root]);
    expect(hidden).toEqual([0, 1]);
    const at = /translate\((\d+)px, (\d+)px\)/.exec(badge(2)?.style.transform ?? '');
    expect(Number(at?.[1])).toBeGreaterThanOrEqual(0);
    expect(Number(at?.[1]) + 17).toBeLessThanOrEqual(100);
    expect(Number(at?.[2])).toBeGreaterThanOrEqual(480);
    expect(Number(at?.[2]) + 16).toBeLessThanOrEqual(520);
  });
});
