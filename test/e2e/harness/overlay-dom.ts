/**
 * Readers of what Clickmap Lens shows, run INSIDE the test page (passed to
 * TestPage.evaluate/waitFor, so each function is self-contained: no imports,
 * no outer variables). The panel is the open shadow root of
 * <clickmap-lens-ui>; the preview is the same-origin iframe#preview, whose
 * badge layer is the open shadow root of <clickmap-lens-layer>.
 */

export interface PanelView {
  state: string | null;
  /** The error/no-data text. */
  message: string;
  template: string;
  /** data-metric id → displayed text. */
  totals: Record<string, string>;
  rows: {
    ordinal: number;
    url: string;
    name: string;
    /** Cell texts by column id (the header's data-column; "locate" for the last). */
    cells: Record<string, string>;
    locateDisabled: boolean;
  }[];
  /** Markup found in the panel that must never come from email content. */
  foreignElements: string[];
}

/** The panel's state, totals and link table; null while it is not mounted. */
export function readPanel(): PanelView | null {
  const root = document.querySelector('clickmap-lens-ui')?.shadowRoot;
  const panel = root?.querySelector('.cml-panel');
  if (!root || !panel) return null;
  const text = (el: Element | null | undefined) => (el?.textContent ?? '').trim();
  const totals: Record<string, string> = {};
  for (const metric of root.querySelectorAll('[data-metric]')) {
    totals[metric.getAttribute('data-metric') ?? ''] = text(metric.querySelector('dd'));
  }
  const columns = [...root.querySelectorAll('.cml-links thead th')].map(
    (th) => th.getAttribute('data-column') ?? 'locate',
  );
  const rows = [...root.querySelectorAll('.cml-links tbody tr[data-ordinal]')].map((tr) => {
    const tds = [...tr.querySelectorAll('td')];
    const cells = Object.fromEntries(tds.map((td, i) => [columns[i] ?? String(i), text(td)]));
    const url = tds[columns.indexOf('url')];
    return {
      ordinal: Number(tr.getAttribute('data-ordinal')),
      url: url?.querySelector('span[title]')?.getAttribute('title') ?? '',
      name: cells.name ?? '',
      cells,
      locateDisabled: tr.querySelector('button.cml-locate')?.hasAttribute('disabled') ?? true,
    };
  });
  const foreign = [...root.querySelectorAll('img, script, iframe, object, embed, a[href]')].map(
    (el) => el.outerHTML.slice(0, 200),
  );
  return {
    state: panel.getAttribute('data-state'),
    message: text(panel.querySelector('.cml-status')),
    template: text(panel.querySelector('.cml-template')),
    totals,
    rows,
    foreignElements: foreign,
  };
}

/** The panel's data-state once it is one of `states`, else null (for waitFor). */
export function panelStateIn(states: string[]): string | null {
  const panel = document.querySelector('clickmap-lens-ui')?.shadowRoot?.querySelector('.cml-panel');
  const state = panel?.getAttribute('data-state') ?? null;
  return state !== null && states.includes(state) ? state : null;
}

export interface PreviewView {
  /** Links of the email body in document order (the extension's placements). */
  links: { ordinal: number; href: string; visible: boolean; top: number; bottom: number }[];
  badges: { ordinal: number; label: string; title: string; hidden: boolean }[];
  /** Tag of the badge layer host's parent (HTML: outside <body>), null without a layer. */
  layerParent: string | null;
  /** Elements inside <body> that are ours (tag or data attribute). */
  oursInBody: number;
  bodyHtml: string;
  viewportHeight: number;
  scrollY: number;
  ring: { visible: boolean; top: number; bottom: number; left: number; right: number } | null;
}

/** The preview frame's links, badges and layer, read through the same-origin iframe. */
export function readPreview(): PreviewView | null {
  const frame = document.getElementById('preview') as HTMLIFrameElement | null;
  const doc = frame?.contentDocument;
  const win = frame?.contentWindow;
  if (!doc?.body || !win) return null;
  type Visibility = { checkVisibility?: (o: object) => boolean };
  const hasBox = (el: Element) => [...el.getClientRects()].some((r) => r.width > 0 && r.height > 0);
  const links = [...doc.body.querySelectorAll('a[href], area[href]')].map((a, ordinal) => {
    const rect = a.getBoundingClientRect();
    const styled = (a as Element & Visibility).checkVisibility?.({
      visibilityProperty: true,
      opacityProperty: true,
    });
    const boxed = hasBox(a) || [...a.querySelectorAll('img')].some(hasBox);
    return {
      ordinal,
      href: a.getAttribute('href') ?? '',
      visible: styled !== false && boxed,
      top: rect.top,
      bottom: rect.bottom,
    };
  });
  const host = doc.querySelector('clickmap-lens-layer');
  const badges = [...(host?.shadowRoot?.querySelectorAll('.badge') ?? [])].map((b) => ({
    ordinal: Number(b.getAttribute('data-ordinal')),
    label: b.textContent ?? '',
    title: b.getAttribute('title') ?? '',
    hidden: (b as HTMLElement).hidden === true,
  }));
  const ringEl = host?.shadowRoot?.querySelector('.box.ring') as HTMLElement | null | undefined;
  const ringRect = ringEl?.getBoundingClientRect();
  return {
    links,
    badges,
    layerParent: host?.parentElement?.tagName ?? null,
    oursInBody: doc.body.querySelectorAll(
      'clickmap-lens-layer, clickmap-lens-ui, [data-clickmap-lens], [class*="cml-"]',
    ).length,
    bodyHtml: doc.body.innerHTML,
    viewportHeight: win.innerHeight,
    scrollY: win.scrollY,
    ring:
      ringEl && ringRect
        ? {
            visible: !ringEl.hidden,
            top: ringRect.top,
            bottom: ringRect.bottom,
            left: ringRect.left,
            right: ringRect.right,
          }
        : null,
  };
}

/** Number of badges drawn in the preview once it is at least `min`, else null. */
export function badgesAtLeast(min: number): number | null {
  const frame = document.getElementById('preview') as HTMLIFrameElement | null;
  const host = frame?.contentDocument?.querySelector('clickmap-lens-layer');
  const n = host?.shadowRoot?.querySelectorAll('.badge:not([hidden])').length ?? 0;
  return n >= min && n > 0 ? n : null;
}

/** One line for failure messages: the panel's state and its frame diagnostics. */
export function describePanel(): string {
  const host = document.querySelector('clickmap-lens-ui');
  const panel = host?.shadowRoot?.querySelector('.cml-panel');
  if (!host) return 'no <clickmap-lens-ui> on the page';
  if (!panel) return `<clickmap-lens-ui> without a panel: ${host.shadowRoot?.textContent ?? ''}`;
  const frames = host.shadowRoot?.querySelector('.frames')?.textContent ?? '';
  return `state=${panel.getAttribute('data-state')}; frames: ${frames}`;
}

export interface PageBadge {
  ordinal: number;
  label: string;
  hidden: boolean;
}

/**
 * The badges of the layer in the same-origin iframe matched by `frameSelector`
 * (a webmail that writes the email into an iframe of its page, e.g. Horde
 * IMP's iframe.htmlMsgData), or of the top document's own layer when null;
 * in link order, hidden ones included.
 */
export function readBadgesIn(frameSelector: string | null): PageBadge[] {
  const doc =
    frameSelector === null
      ? document
      : (document.querySelector(frameSelector) as HTMLIFrameElement | null)?.contentDocument;
  const host = doc?.querySelector('clickmap-lens-layer');
  return [...(host?.shadowRoot?.querySelectorAll('.badge') ?? [])]
    .map((b) => ({
      ordinal: Number(b.getAttribute('data-ordinal')),
      label: (b.textContent ?? '').trim(),
      hidden: (b as HTMLElement).hidden === true,
    }))
    .sort((a, b) => a.ordinal - b.ordinal);
}

/** What is drawn on top at the centre of every badge under the panel (top document). */
export function topmostOverBadges() {
  const panel = document.querySelector('clickmap-lens-ui');
  const layer = document.querySelector('clickmap-lens-layer')?.shadowRoot;
  const box = panel?.shadowRoot?.querySelector('.cml-panel')?.getBoundingClientRect();
  if (!panel || !layer || !box) return null;
  const hits: string[] = [];
  for (const badge of layer.querySelectorAll('.badge:not([hidden])')) {
    const b = badge.getBoundingClientRect();
    const [x, y] = [b.left + b.width / 2, b.top + b.height / 2];
    if (x < box.left || x > box.right || y < 0 || y > innerHeight) continue;
    hits.push(document.elementFromPoint(x, y)?.localName ?? 'none');
  }
  return hits;
}

/** A badge is shown in the top document's own layer (a view-in-browser page). */
export function topBadgeShown(): boolean {
  return (
    document
      .querySelector('clickmap-lens-layer')
      ?.shadowRoot?.querySelector('.badge:not([hidden])') != null
  );
}
