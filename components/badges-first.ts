/**
 * Badges before the panel's table (issue 12, item 10). The preview frame
 * usually shares the top frame's main thread (same-site and srcdoc frames):
 * rendering a long link table first would hold the badges back by the whole
 * render. So the panel waits until the preview frame has drawn the badges and
 * the browser has had a frame to paint them, then renders the report; never
 * longer than MAX_WAIT_MS (a frame that does not answer, a hidden tab whose
 * animation frames never come).
 */
export const MAX_WAIT_MS = 250;

const delay = (ms: number) => new Promise<void>((ok) => setTimeout(ok, ms));

/** After the next frame was painted: an animation frame, then a task after it. */
function afterPaint(): Promise<void> {
  if (typeof requestAnimationFrame !== 'function') return delay(0);
  return new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
}

/** Runs `draw` (the badges' relay, resolving once drawn) and waits for their frame, within the cap. */
export async function badgesFirst(draw: () => Promise<unknown>): Promise<void> {
  const cap = delay(MAX_WAIT_MS);
  await Promise.race([draw().then(afterPaint, () => {}), cap]);
}
