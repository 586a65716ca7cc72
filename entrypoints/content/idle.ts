/**
 * Runs `work` once the page's load event has passed and the main thread is
 * idle (at most a second later), so work that can wait never delays the
 * page's own loading. Nothing runs after the signal aborts.
 */
const IDLE_TIMEOUT_MS = 1_000;

export function whenLoadedAndIdle(work: () => void, signal: AbortSignal, view: Window = window) {
  if (signal.aborted) return;
  const idle = () => {
    const run = () => {
      if (!signal.aborted) work();
    };
    if (typeof view.requestIdleCallback === 'function') {
      const id = view.requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS });
      signal.addEventListener('abort', () => view.cancelIdleCallback(id), { once: true });
    } else view.setTimeout(run, 0);
  };
  if (view.document.readyState === 'complete') idle();
  else view.addEventListener('load', idle, { once: true, signal });
}
