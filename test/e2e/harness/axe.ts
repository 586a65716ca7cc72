/**
 * axe-core over our UI in the real browsers. axe cannot enter the panel's
 * closed shadow root, and extension pages forbid the eval axe needs, so the
 * same markup and the same style sheets are copied into an open root (the
 * panel) or a plain page of the test server (the options page) laid out the
 * same way, and axe runs there; violations come back as "rule: target".
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { TestPage } from './browsers.ts';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The panel's closed shadow root as markup with its styles (read with the extension's privileges). */
function panelMarkup(): { markup: string; width: number } | null {
  const host = document.querySelector('clickmap-lens-ui');
  const root = host?.shadowRoot;
  const panel = root?.querySelector('.cml-panel');
  if (!root || !panel) return null;
  return { markup: root.innerHTML, width: panel.getBoundingClientRect().width };
}

type Axe = { run: (...a: unknown[]) => Promise<unknown> };
type AxeResult = { violations: { id: string; nodes: { target: unknown }[] }[] };

async function axeMirror(input: { source: string; markup: string; width: number }) {
  const w = window as unknown as { axe?: Axe };
  if (!w.axe) (0, eval)(input.source);
  const host = document.createElement('cml-axe-mirror');
  host.setAttribute(
    'style',
    `position: fixed; inset: 0 0 0 auto; width: ${input.width}px; z-index: 2147483647`,
  );
  host.attachShadow({ mode: 'open' }).innerHTML = input.markup;
  document.documentElement.append(host);
  try {
    const result = (await w.axe!.run(
      { include: [['cml-axe-mirror', '.cml-panel']] },
      { resultTypes: ['violations'] },
    )) as AxeResult;
    return result.violations.flatMap((v) =>
      v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)}`),
    );
  } finally {
    host.remove();
  }
}

/** axe-core's violations in the panel as it is now (every `<details>` opened first, if asked). */
export async function axePanel(page: TestPage): Promise<string[]> {
  const copy = await page.evaluate(panelMarkup, undefined);
  if (!copy) throw new Error('no panel');
  return page.evaluateAsPage(axeMirror, { source: AXE, ...copy });
}

/** An extension page's document with its style sheets inlined (run in the extension page). */
function pageCopy(): { html: string; lang: string; title: string } {
  const css = [...document.styleSheets]
    .flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText))
    .join('\n');
  const body = document.body.cloneNode(true) as HTMLElement;
  for (const script of body.querySelectorAll('script')) script.remove();
  // Form state lives in properties: carry the current values over as attributes.
  const live = document.body.querySelectorAll('input, select, textarea');
  body.querySelectorAll('input, select, textarea').forEach((el, i) => {
    const from = live[i] as HTMLInputElement;
    if (from.type === 'checkbox' || from.type === 'radio')
      el.toggleAttribute('checked', from.checked);
    else el.setAttribute('value', from.value);
  });
  return {
    html: `<style>${css}</style>${body.innerHTML}`,
    lang: document.documentElement.lang,
    title: document.title,
  };
}

async function axeDocument(input: { source: string; html: string; lang: string; title: string }) {
  const w = window as unknown as { axe?: Axe };
  if (!w.axe) (0, eval)(input.source);
  document.documentElement.lang = input.lang;
  document.title = input.title;
  document.body.innerHTML = input.html;
  const result = (await w.axe!.run(document, { resultTypes: ['violations'] })) as AxeResult;
  return result.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)}`),
  );
}

/** axe-core over an extension page (e.g. options.html) copied into `blank`, a page of the test server. */
export async function axeExtensionPage(page: TestPage, blank: TestPage): Promise<string[]> {
  const copy = await page.evaluateAsPage(pageCopy, undefined);
  return blank.evaluateAsPage(axeDocument, { source: AXE, ...copy });
}
