/**
 * Link placements of an email body: every clickable link of a document or
 * subtree (passed in) in document order, with its identity and purpose.
 * Works on webmail-rewritten bodies: only href (kept by Gmail, Roundcube,
 * Outlook) is read, never target/rel/ids, which webmails rewrite. Gmail's
 * data-saferedirecturl is ignored (the href stays the original URL).
 *
 * Outlook VML buttons (<v:roundrect href>) sit inside <!--[if mso]> comments,
 * which a browser parses as comments: in any preview only the <a> fallback is
 * rendered and clickable, so VML is not a placement. `includeVml` exists for a
 * DOM that really holds VML elements (not seen in the corpus).
 */
import { classifyLink, type LinkKind } from './classify.ts';
import { describeLink, identityOf, type LinkDescription, type LinkIdentity } from './identity.ts';

export interface LinkBox {
  width: number;
  height: number;
  /** Rendered and not clipped/hidden, as the measuring side judges it. */
  visible: boolean;
  /** Part of a sentence (utils/audit/in-text.ts): exempt from the tap-target rule. */
  inText?: boolean;
}

export interface ExtractOptions {
  /** Base for relative hrefs; defaults to the document's base URI when it is http(s). */
  base?: string;
  /** Layout measurement (the extension passes getBoundingClientRect-based code; node has no layout). */
  measure?: (element: Element) => LinkBox | null;
  /** Attribute holding a source placement id (e.g. "data-link-id"); else linkId is `L<ordinal>`. */
  linkIdAttribute?: string;
  includeVml?: boolean;
}

export interface LinkPlacement {
  /** 0-based position among the extracted links, in document order. */
  ordinal: number;
  linkId: string;
  element: Element;
  tag: 'a' | 'area' | 'v:roundrect';
  /** href as authored (getAttribute), untouched. */
  href: string;
  /** Absolute URL when the href resolves to one, else null. */
  resolved: string | null;
  /** Visible text, else image alt, else title/aria-label. */
  text: string;
  /** Which of those `text` is (an image link's alt is weaker placement evidence). */
  textFrom: TextSource;
  kind: LinkKind;
  /** javascript:, vbscript:, data:, file: — never followed, flagged for the UI. */
  unsafe: boolean;
  /** Hidden by inline style or the hidden attribute on the link or an ancestor (no layout needed). */
  hiddenByStyle: boolean;
  /** From `measure`; null without layout. */
  box: LinkBox | null;
  identity: LinkIdentity;
  mergeTags: string[];
}

const MAX_TEXT = 300;

export function extractLinks(root: ParentNode, options: ExtractOptions = {}): LinkPlacement[] {
  const base = options.base ?? emailBase(root);
  const elements = options.includeVml
    ? withVml(root)
    : root.querySelectorAll('a[href], area[href]');
  const context: ExtractContext = { base, options, descriptions: new Map(), hidden: new Map() };
  const placements: LinkPlacement[] = [];
  for (const element of elements) placements.push(toPlacement(element, placements.length, context));
  return placements;
}

/** Per-extraction memo: emails repeat hrefs, and links share most ancestors. */
interface ExtractContext {
  base: string | undefined;
  options: ExtractOptions;
  descriptions: Map<string, LinkDescription>;
  hidden: Map<Element, boolean>;
}

function toPlacement(element: Element, ordinal: number, context: ExtractContext): LinkPlacement {
  const { base, options } = context;
  const href = element.getAttribute('href') ?? '';
  const { text, from: textFrom } = linkText(element);
  let description = context.descriptions.get(href);
  if (!description) {
    description = describeLink(href, base);
    context.descriptions.set(href, description);
  }
  const sourceId = options.linkIdAttribute ? element.getAttribute(options.linkIdAttribute) : null;
  return {
    ordinal,
    linkId: sourceId || `L${ordinal}`,
    element,
    tag: tagOf(element),
    href,
    resolved: resolve(href, base),
    text,
    textFrom,
    kind: classifyLink({ href, text, description }),
    unsafe: description.scheme === 'unsafe',
    hiddenByStyle: isHiddenByStyle(element, context.hidden),
    box: options.measure ? options.measure(element) : null,
    identity: identityOf(description),
    mergeTags: description.mergeTags,
  };
}

function tagOf(element: Element): LinkPlacement['tag'] {
  const name = element.localName.toLowerCase();
  return name === 'area' ? 'area' : name === 'a' ? 'a' : 'v:roundrect';
}

/**
 * The email's own <base href>, if any. Never the hosting page's URL: a
 * relative href in a webmail preview must get the same key as on the server,
 * which has no page.
 */
function emailBase(root: ParentNode): string | undefined {
  const href = root.querySelector('base[href]')?.getAttribute('href')?.trim();
  return href && /^https?:\/\//i.test(href) ? href : undefined;
}

/** VML elements are not reachable by CSS selector in every DOM; merged back in document order. */
function withVml(root: ParentNode): Element[] {
  const links = [...root.querySelectorAll('a[href], area[href]')];
  const vml =
    'getElementsByTagName' in root
      ? [...(root as Element).getElementsByTagName('v:roundrect')]
      : [];
  const all = [...links, ...vml.filter((element) => element.hasAttribute('href'))];
  return all.sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1));
}

const RESOLVABLE = /^(https?|mailto|tel):/i;

/** Absolute URL or null; relative hrefs only with a base (no exception path on the hot loop). */
function resolve(href: string, base: string | undefined): string | null {
  const trimmed = href.trim();
  if (!base && !RESOLVABLE.test(trimmed)) return null;
  try {
    const url = new URL(trimmed, base);
    return RESOLVABLE.test(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

function collapse(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_TEXT);
}

export type TextSource = 'text' | 'alt' | 'label';

function linkText(element: Element): { text: string; from: TextSource } {
  const text = collapse(element.textContent);
  if (text) return { text, from: 'text' };
  const alts = [...element.querySelectorAll('img[alt]')].map((img) =>
    collapse(img.getAttribute('alt')),
  );
  const alt = alts.find(Boolean) ?? collapse(element.getAttribute('alt'));
  if (alt) return { text: alt, from: 'alt' };
  const label =
    collapse(element.getAttribute('title')) || collapse(element.getAttribute('aria-label'));
  return { text: label, from: 'label' };
}

const HIDDEN_STYLE =
  /(^|;)\s*(display\s*:\s*none|visibility\s*:\s*hidden)\s*(!important)?\s*(;|$)/i;

function isHiddenByStyle(element: Element | null, memo: Map<Element, boolean>): boolean {
  if (!element) return false;
  const known = memo.get(element);
  if (known !== undefined) return known;
  const style = element.getAttribute('style');
  const hidden =
    element.hasAttribute('hidden') ||
    (style !== null && HIDDEN_STYLE.test(style)) ||
    isHiddenByStyle(element.parentElement, memo);
  memo.set(element, hidden);
  return hidden;
}
