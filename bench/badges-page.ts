/**
 * Browser side of bench/badges.ts (bundled by it, run inside Chromium): times
 * the badge layer on the email page the bench builds. Not shipped.
 *
 * - draw: from report rows arriving to badges positioned: matchLinks +
 *   buildBadges + layer.draw (which measures every link and writes every
 *   badge), then a forced style/layout flush so the cost the draw leaves for
 *   the next frame is counted too.
 * - scroll: the cost of one reposition pass (all reads, layout, all writes),
 *   timed inside the frame callback, while the page scrolls frame by frame
 *   (window scroll, then an inner scroller holding the email).
 */
import { createBadgeLayer } from '../components/badge-layer/badge-layer.ts';
import { extractLinks, type LinkPlacement } from '../utils/links/extract.ts';
import { matchLinks } from '../utils/links/match.ts';
import { buildBadges } from '../utils/overlay/badge-model.ts';
import type { ClickMapLinkRow } from '../utils/report/report-types.ts';

/** Deterministic pseudo-random clicks per link (a skewed click map, like real ones). */
function clicksFor(i: number): number {
  const x = Math.sin(i * 12.9898) * 43758.5453;
  return Math.floor((x - Math.floor(x)) ** 3 * 2000);
}

function reportRows(placements: readonly LinkPlacement[]): ClickMapLinkRow[] {
  const byKey = new Map<string, LinkPlacement>();
  for (const p of placements) if (!byKey.has(p.identity.key)) byKey.set(p.identity.key, p);
  const rows = [...byKey.values()].map((p, i): ClickMapLinkRow => {
    const uniqueClicks = clicksFor(i);
    return {
      rowKey: `url:${i}`,
      linkId: null,
      ordinal: null,
      url: p.href,
      key: p.identity.key,
      name: p.text,
      dynamic: p.identity.dynamic,
      finalDomain: null,
      isUnsubscribe: p.kind === 'unsubscribe',
      uniqueClicks,
      totalClicks: uniqueClicks + (i % 7),
      machineClicks: 0,
      shareOfClicks: 0,
      ctr: uniqueClicks / 20_000,
      ctor: uniqueClicks / 6_000,
    };
  });
  const sum = rows.reduce((a, r) => a + r.uniqueClicks, 0);
  for (const row of rows) row.shareOfClicks = sum > 0 ? row.uniqueClicks / sum : null;
  // Every 10th row is "not in the report" (no-data badges are part of the mix).
  return rows.filter((_, i) => i % 10 !== 9);
}

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

async function timeDraw(runs: number, count: number) {
  const placements = extractLinks(document.body).slice(0, count);
  const rows = reportRows(placements);
  const links = placements.map((p) => p.element);
  const controller = new AbortController();
  const layer = createBadgeLayer(document, { signal: controller.signal });
  const [times, match, model, draw]: [number[], number[], number[], number[]] = [[], [], [], []];
  let drawn = 0;
  for (let run = 0; run < runs; run++) {
    await nextFrame();
    const t0 = performance.now();
    const matches = matchLinks(placements, rows).placements;
    const t1 = performance.now();
    const badges = buildBadges({ matches, rows, capabilities: ['all-links', 'opens'] });
    const t2 = performance.now();
    const { hidden } = layer.draw(badges, links);
    layer.host.shadowRoot?.querySelector('.badge')?.getBoundingClientRect();
    const t3 = performance.now();
    times.push(t3 - t0);
    match.push(t1 - t0);
    model.push(t2 - t1);
    draw.push(t3 - t2);
    drawn = badges.length - hidden.length;
  }
  // The last draw stays on screen for a screenshot; the next test aborts it.
  addEventListener('badge-bench-done', () => controller.abort(), { once: true });
  return { times, match, model, draw, placements: placements.length, rows: rows.length, drawn };
}

/**
 * Scrolls `scroller` (the window when null) one step per frame. With `forcePass`
 * a resize event per frame forces a pass even where scrolling needs none
 * (window scroll: the worst case of a link in a fixed box).
 */
async function timeScroll(
  frames: number,
  count: number,
  scroller: Element | null,
  forcePass: boolean,
) {
  const placements = extractLinks(document.body).slice(0, count);
  const rows = reportRows(placements);
  const controller = new AbortController();
  const times: number[] = [];
  const layer = createBadgeLayer(document, {
    signal: controller.signal,
    schedule: (callback) =>
      requestAnimationFrame(() => {
        const t0 = performance.now();
        callback();
        times.push(performance.now() - t0);
      }),
  });
  const matches = matchLinks(placements, rows).placements;
  const badges = buildBadges({ matches, rows, capabilities: ['all-links', 'opens'] });
  layer.draw(
    badges,
    placements.map((p) => p.element),
  );
  const target = scroller ?? document.scrollingElement ?? document.documentElement;
  target.scrollTop = 0;
  await nextFrame();
  times.length = 0;
  for (let i = 0; i < frames; i++) {
    const max = target.scrollHeight - target.clientHeight;
    target.scrollTop = ((i * 37) % Math.max(1, max / 4)) * 4;
    if (forcePass) window.dispatchEvent(new Event('resize'));
    await nextFrame();
  }
  await nextFrame();
  controller.abort();
  return { times };
}

declare global {
  interface Window {
    badgeBench: {
      timeDraw: typeof timeDraw;
      timeScroll: (
        frames: number,
        count: number,
        scrollerSelector: string | null,
        forcePass: boolean,
      ) => ReturnType<typeof timeScroll>;
    };
  }
}

window.badgeBench = {
  timeDraw,
  timeScroll: (frames, count, selector, forcePass) =>
    timeScroll(frames, count, selector ? document.querySelector(selector) : null, forcePass),
};
