/**
 * Browser side of bench/stats-to-badges.ts. Evaluated (as source text) by the
 * bench through CDP in the extension's own content-script world of every
 * frame, as soon as that world exists, so it sees what the lens sees:
 * - stats: when the background's answer to `loadReport` (a ready report)
 *   reaches the top frame's content script (runtime.sendMessage resolves);
 * - relaySent, relay: when the panel sends its drawBadges command, and when
 *   it reaches the preview frame;
 * - badges: when the preview frame's badge layer first holds drawn badges
 *   (a MutationObserver on the layer's closed root), and the start of the
 *   next frame after that (requestAnimationFrame: the frame that paints them);
 * - table: when the panel's link table first holds rows, and when its row
 *   count last grew (a table rendered in parts).
 * Times are epoch milliseconds (timeOrigin + now), comparable across frames.
 * Not shipped: nothing in the extension knows about it.
 */
export interface ProbeTimes {
  stats: number | null;
  /** The panel sent the drawBadges command (top frame). */
  relaySent: number | null;
  /** The drawBadges command reached the preview frame (before the lens's handler ran). */
  relay: number | null;
  badges: number | null;
  badgesFrame: number | null;
  badgeCount: number;
  tableFirst: number | null;
  tableLast: number | null;
  rows: number;
}

export function installProbe(): void {
  type Api = {
    runtime?: {
      sendMessage?: (...args: unknown[]) => Promise<unknown>;
      onMessage?: { addListener(listener: (message: unknown) => void): void };
    };
  };
  type Dom = { dom?: { openOrClosedShadowRoot?: (e: Element) => ShadowRoot | null } };
  const g = globalThis as unknown as {
    __cmlBench?: ProbeTimes;
    browser?: Api;
    chrome?: Api & Dom;
  };
  if (g.__cmlBench) return;
  const times: ProbeTimes = {
    stats: null,
    relaySent: null,
    relay: null,
    badges: null,
    badgesFrame: null,
    badgeCount: 0,
    tableFirst: null,
    tableLast: null,
    rows: 0,
  };
  g.__cmlBench = times;
  const now = () => performance.timeOrigin + performance.now();

  for (const api of new Set([g.browser, g.chrome])) {
    const runtime = api?.runtime;
    const send = runtime?.sendMessage?.bind(runtime);
    if (!runtime || !send) continue;
    runtime.sendMessage = (...args: unknown[]) => {
      const reply = send(...args);
      const sent = args[0] as { name?: string; data?: { command?: { command?: string } } } | null;
      const name = sent?.name;
      if (name === 'relay' && sent?.data?.command?.command === 'drawBadges')
        times.relaySent ??= now();
      if (name === 'loadReport') {
        // Attached before the caller's await: runs first when the answer arrives.
        reply.then(
          (r) => {
            const ready = (r as { ok?: boolean; data?: { state?: string } } | undefined)?.data;
            if (times.stats === null && ready?.state === 'ready') times.stats = now();
          },
          () => {},
        );
      }
      return reply;
    };
  }

  // Called in the same dispatch as the lens's own listener, whose handler runs a microtask later.
  (g.browser ?? g.chrome)?.runtime?.onMessage?.addListener((message) => {
    const m = message as { name?: string; data?: { command?: string } } | null;
    if (m?.name === 'frameCommand' && m.data?.command === 'drawBadges') times.relay ??= now();
  });

  const shadowOf = (el: Element | null) =>
    el ? (g.chrome?.dom?.openOrClosedShadowRoot?.(el) ?? null) : null;
  const watched = new WeakSet<Node>();
  const watch = (root: Node, onChange: () => void) => {
    if (watched.has(root)) return;
    watched.add(root);
    new MutationObserver(onChange).observe(root, { childList: true, subtree: true });
    onChange();
  };
  const onBadges = (root: ShadowRoot) => () => {
    const count = root.querySelectorAll('.badge').length;
    if (count === 0 || times.badges !== null) return;
    times.badges = now();
    times.badgeCount = count;
    requestAnimationFrame(() => (times.badgesFrame = now()));
  };
  const onTable = (root: ShadowRoot) => () => {
    const rows = root.querySelectorAll('.cml-links tbody tr').length;
    if (rows <= times.rows) return;
    times.rows = rows;
    times.tableLast = now();
    times.tableFirst ??= times.tableLast;
  };
  watch(document.documentElement, () => {
    const layer = shadowOf(document.querySelector('clickmap-lens-layer'));
    if (layer) watch(layer, onBadges(layer));
    const panel = shadowOf(document.querySelector('clickmap-lens-ui'));
    if (panel) watch(panel, onTable(panel));
  });
}

export function readProbe(): ProbeTimes | null {
  return (globalThis as { __cmlBench?: ProbeTimes }).__cmlBench ?? null;
}
