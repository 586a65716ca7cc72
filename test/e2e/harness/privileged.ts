/**
 * The extension's UI lives in CLOSED shadow roots, which the page (and so
 * Playwright's or Puppeteer's page-world evaluation) cannot reach: that is
 * the point (no page can read a report). Tests still need to read what the
 * user sees, so readers that touch `.shadowRoot` run with the extension's
 * own privileges instead: an extension page injects them
 * (`scripting.executeScript`) into the test tab's content-script world,
 * where `.shadowRoot` is rewritten to `openOrClosedShadowRoot` (Firefox's
 * content-script API; in Chromium a getter over `chrome.dom.openOrClosedShadowRoot`
 * installed in every frame's isolated world). Page-world evaluation
 * (TestPage.evaluateAsPage) sees only what any web page sees.
 */

/** Reader functions that read our UI name `shadowRoot`; they run privileged. */
export function readsOverlay(fn: (...args: never[]) => unknown): boolean {
  return fn.toString().includes('shadowRoot');
}

/** Installs `Element.prototype.openOrClosedShadowRoot` where the browser has no such API (Chromium). */
function installOpenOrClosed(): void {
  const dom = (
    globalThis as { chrome?: { dom?: { openOrClosedShadowRoot?: (e: Element) => unknown } } }
  ).chrome?.dom;
  if ('openOrClosedShadowRoot' in Element.prototype || !dom?.openOrClosedShadowRoot) return;
  const open = dom.openOrClosedShadowRoot.bind(dom);
  Object.defineProperty(Element.prototype, 'openOrClosedShadowRoot', {
    configurable: true,
    get(this: Element) {
      return open(this) ?? null;
    },
  });
}

/** Reads the page's window.name (the harness's mark of one test tab). */
function windowName(): string {
  return window.name;
}

/** JavaScript evaluated in an extension page (a string: extension pages forbid eval). */
export function findTabExpression(mark: string): string {
  return `(async () => {
    const api = globalThis.browser ?? globalThis.chrome;
    const tabs = await api.tabs.query({});
    for (const tab of tabs) {
      try {
        const [hit] = await api.scripting.executeScript({ target: { tabId: tab.id }, func: ${windowName.toString()} });
        if (hit && hit.result === ${JSON.stringify(mark)}) return tab.id;
      } catch {}
    }
    return null;
  })()`;
}

export function runExpression(tabId: number, fn: (arg: never) => unknown, arg: unknown): string {
  const source = fn.toString().replaceAll('.shadowRoot', '.openOrClosedShadowRoot');
  const args = arg === undefined ? '[]' : `[${JSON.stringify(arg)}]`;
  return `(async () => {
    const api = globalThis.browser ?? globalThis.chrome;
    await api.scripting
      .executeScript({ target: { tabId: ${tabId}, allFrames: true }, func: ${installOpenOrClosed.toString()} })
      .catch(() => {});
    const [first] = await api.scripting.executeScript({
      target: { tabId: ${tabId} },
      func: ${source},
      args: ${args},
    });
    if (first && first.error) throw new Error(String(first.error.message ?? first.error));
    return first ? first.result : undefined;
  })()`;
}

/**
 * Finds (document first, then every shadow root of ours, open or closed) the
 * first element matching `selector` in the top frame, scrolls it into view,
 * and answers its centre in viewport pixels, for a real mouse click.
 */
export function locateForClick(selector: string): { x: number; y: number } | null {
  type Root = Document | ShadowRoot;
  const seen: Root[] = [document];
  for (let i = 0; i < seen.length; i++) {
    const root = seen[i]!;
    const found = root.querySelector(selector);
    if (found) {
      found.scrollIntoView({ block: 'center', inline: 'center' });
      const r = found.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }
    for (const el of root.querySelectorAll('*')) {
      const inner = (el as Element & { shadowRoot: ShadowRoot | null }).shadowRoot;
      if (inner) seen.push(inner);
    }
  }
  return null;
}

/** Evaluates a JavaScript expression in an extension page of the browser under test. */
export type ExtensionEval = (expression: string) => Promise<unknown>;

let marks = 0;

/** Privileged evaluation in one test tab (found once through a mark in its window.name). */
export function privilegedTab(
  extensionEval: ExtensionEval,
  markPage: (mark: string) => Promise<void>,
) {
  let tab: Promise<number> | null = null;
  const tabId = () =>
    (tab ??= (async () => {
      const mark = `clickmap-e2e-${process.pid}-${++marks}`;
      await markPage(mark);
      const id = (await extensionEval(findTabExpression(mark))) as number | null;
      if (id === null) throw new Error('the test tab was not found from the extension page');
      return id;
    })().catch((error: unknown) => {
      tab = null;
      throw error;
    }));
  const run = async <A, R>(fn: (arg: A) => R, arg: A): Promise<R> =>
    (await extensionEval(runExpression(await tabId(), fn as never, arg))) as R;
  return {
    run,
    async waitFor<A, R>(fn: (arg: A) => R, arg: A, timeoutMs: number): Promise<R> {
      const deadline = Date.now() + timeoutMs;
      let last: unknown = null;
      for (;;) {
        try {
          const value = await run(fn, arg);
          if (value) return value;
        } catch (error) {
          last = error; // the frame may be navigating: try again until the deadline
        }
        if (Date.now() > deadline) {
          throw new Error(
            `waitFor timed out after ${timeoutMs} ms${last ? `: ${String(last)}` : ''}`,
          );
        }
        await new Promise((ok) => setTimeout(ok, 100));
      }
    },
    /** Where to click `selector` (inside our closed UI too), or null when it is not there. */
    locate: (selector: string) => run(locateForClick, selector),
  };
}
