/**
 * Email-likeness of a whole document, for frames and pages that ARE an email
 * (ESP previews, view-in-browser pages). Reads only; work is bounded: a gate
 * (one querySelector for a link inside a table, then an element-count cap)
 * rules out most web pages before any scoring, and each signal inspects a
 * capped number of matches. Markers are what email builders emit for email
 * clients (Apple/Outlook/Gmail hacks) and web pages never need.
 */
import { firstOutsideOwnUi } from './own-ui.ts';

/** Emails are small documents; larger ones are apps or long web pages. */
export const MAX_EMAIL_ELEMENTS = 20_000;
const SHOW_COMMENT = 0x80;
const MAX_COMMENTS = 300;
const MAX_SCANNED = 60;

export interface EmailScore {
  total: number;
  /** Matched signals as "name+weight" / "name-weight", in evaluation order. */
  signals: string[];
}

interface Signal {
  readonly name: string;
  readonly weight: number;
  readonly test: (doc: Document, body: HTMLElement) => boolean;
}

const has = (scope: ParentNode, selector: string): boolean =>
  firstOutsideOwnUi(scope, selector) !== null;

/** MSO conditional comments (`<!--[if mso]>`, `<!--[if gte mso 9]>`, `<![if !mso]>`). */
function hasMsoComment(doc: Document): boolean {
  const walker = doc.createTreeWalker(doc.documentElement, SHOW_COMMENT);
  for (let i = 0; i < MAX_COMMENTS; i++) {
    const node = walker.nextNode();
    if (!node) return false;
    if (/\[if[^\]]*mso/i.test(node.nodeValue ?? '')) return true;
  }
  return false;
}

/** CSS resets that only make sense for email clients (Outlook.com, Outlook desktop). */
function hasEmailClientCss(doc: Document): boolean {
  const styles = doc.getElementsByTagName('style');
  const max = Math.min(styles.length, 10);
  for (let i = 0; i < max; i++) {
    const css = (styles[i]?.textContent ?? '').slice(0, 30_000);
    if (/\.ExternalClass|#outlook a|\.ReadMsgBody|mso-table-lspace|mso-line-height-rule/i.test(css))
      return true;
  }
  return false;
}

const inEmailWidth = (px: number): boolean => px >= 480 && px <= 720;

/** A centred fixed-width column of ~600px (width attribute or inline max-width/width). */
function hasEmailWidthContainer(body: HTMLElement): boolean {
  const sized = body.querySelectorAll('table[width], td[width]');
  for (let i = 0; i < Math.min(sized.length, MAX_SCANNED); i++) {
    if (inEmailWidth(Number.parseInt(sized[i]?.getAttribute('width') ?? '', 10))) return true;
  }
  const styled = body.querySelectorAll('[style*="width"]');
  for (let i = 0; i < Math.min(styled.length, MAX_SCANNED); i++) {
    const match = /(?:^|[;\s])(?:max-)?width\s*:\s*(\d+)px/i.exec(
      styled[i]?.getAttribute('style') ?? '',
    );
    if (match?.[1] && inEmailWidth(Number(match[1]))) return true;
  }
  return false;
}

function inlineStyleDensity(body: HTMLElement): number {
  const all = body.getElementsByTagName('*').length;
  return all === 0 ? 0 : body.querySelectorAll('[style]').length / all;
}

function hasExternalStylesheet(doc: Document): boolean {
  const links = doc.querySelectorAll('link[rel~="stylesheet"]');
  for (let i = 0; i < Math.min(links.length, MAX_SCANNED); i++) {
    const href = links[i]?.getAttribute('href') ?? '';
    if (!/fonts\.googleapis|use\.typekit|fonts\.bunny/i.test(href)) return true;
  }
  return false;
}

const SIGNALS: readonly Signal[] = [
  {
    name: 'apple-reformatting-meta',
    weight: 3,
    test: (d) => has(d, 'meta[name="x-apple-disable-message-reformatting"]'),
  },
  {
    name: 'office-namespaces',
    weight: 3,
    test: (d) =>
      d.documentElement.hasAttribute('xmlns:v') || d.documentElement.hasAttribute('xmlns:o'),
  },
  { name: 'mso-conditional-comment', weight: 3, test: (d) => hasMsoComment(d) },
  {
    name: 'schema-email-message',
    weight: 3,
    test: (d) => has(d, '[itemtype*="schema.org/EmailMessage"]'),
  },
  { name: 'email-client-css', weight: 2, test: (d) => hasEmailClientCss(d) },
  { name: 'presentation-tables', weight: 2, test: (_d, b) => has(b, 'table[role="presentation"]') },
  { name: 'email-width-container', weight: 2, test: (_d, b) => hasEmailWidthContainer(b) },
  {
    name: 'legacy-table-attributes',
    weight: 1,
    test: (_d, b) =>
      has(b, 'table[cellpadding], table[cellspacing], table[bgcolor], td[bgcolor], td[valign]'),
  },
  { name: 'inline-style-density', weight: 1, test: (_d, b) => inlineStyleDensity(b) >= 0.3 },
  { name: 'table-layout', weight: 1, test: (_d, b) => b.getElementsByTagName('table').length >= 3 },
  {
    name: 'unsubscribe-link',
    weight: 1,
    test: (_d, b) => has(b, 'a[href*="unsub"], a[href*="Unsub"], a[href*="UNSUB"]'),
  },
  { name: 'scripts', weight: -2, test: (d) => has(d, 'script:not([type="application/ld+json"])') },
  {
    name: 'form-controls',
    weight: -2,
    test: (_d, b) => has(b, 'input:not([type="hidden"]), select, textarea'),
  },
  {
    name: 'editor',
    weight: -3,
    test: (d) => has(d, '[contenteditable]:not([contenteditable="false"])'),
  },
  {
    name: 'page-landmarks',
    weight: -1,
    test: (_d, b) => has(b, 'nav, aside, [role="navigation"], [role="banner"]'),
  },
  {
    name: 'article-structure',
    weight: -1,
    test: (_d, b) => has(b, 'main, article, [role="main"]'),
  },
  { name: 'external-stylesheet', weight: -1, test: (d) => hasExternalStylesheet(d) },
];

/** An email lays its links out in tables: a page without one is not an email. */
export const EMAIL_GATE_SELECTOR = 'table a[href]';

/** Cheap rule-out: an email has a link inside a table and few elements. */
export function passesEmailGate(doc: Document): boolean {
  const body = doc.body;
  if (!body || firstOutsideOwnUi(body, EMAIL_GATE_SELECTOR) === null) return false;
  return doc.getElementsByTagName('*').length <= MAX_EMAIL_ELEMENTS;
}

/** Sum of the positive weights of SIGNALS from index i on (what is still reachable). */
const GAIN_AFTER = SIGNALS.map((_, i) =>
  SIGNALS.slice(i).reduce((sum, s) => sum + Math.max(0, s.weight), 0),
);

/**
 * Sum of matched signal weights; null when the document has no body. With
 * `atLeast`, scoring stops as soon as that total can no longer be reached
 * (most web pages): the remaining signals are whole-document walks whose
 * answer would not change the outcome. A reachable score is always complete.
 */
export function scoreEmailDocument(doc: Document, atLeast?: number): EmailScore | null {
  const body = doc.body;
  if (!body || !doc.documentElement) return null;
  const score: EmailScore = { total: 0, signals: [] };
  for (const [i, signal] of SIGNALS.entries()) {
    if (atLeast !== undefined && score.total + (GAIN_AFTER[i] ?? 0) < atLeast) break;
    if (!signal.test(doc, body)) continue;
    score.total += signal.weight;
    score.signals.push(`${signal.name}${signal.weight > 0 ? '+' : ''}${signal.weight}`);
  }
  return score;
}
