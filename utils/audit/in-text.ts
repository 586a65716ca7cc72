/**
 * Whether a link sits in a run of text (a sentence), the case WCAG 2.5.8
 * exempts from the target-size rule: an inline link is as tall as its line
 * and cannot grow without breaking the paragraph. Buttons, image links and
 * links standing alone in their block are not exempt. Reads the DOM only.
 */

/** Elements that start a block of text in email HTML (tables are the layout). */
const BLOCKS = new Set([
  'p',
  'div',
  'td',
  'th',
  'li',
  'dd',
  'dt',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'center',
  'section',
  'article',
  'header',
  'footer',
  'body',
  'table',
  'tr',
]);

/** A letter or digit: the "|" or "·" between footer links is not a sentence. */
const WORDS = /[\p{L}\p{N}]/u;

function blockOf(element: Element): Element | null {
  for (let node = element.parentElement; node; node = node.parentElement) {
    if (BLOCKS.has(node.localName.toLowerCase())) return node;
  }
  return null;
}

function textOutsideLinks(node: Node, out: string[]): void {
  for (const child of node.childNodes) {
    if (child.nodeType === 3) out.push(child.nodeValue ?? '');
    else if (child.nodeType === 1 && !(child as Element).matches('a[href], area, button')) {
      textOutsideLinks(child, out);
    }
  }
}

/** True when the link's block holds words outside any link (the link is part of a sentence). */
export function isInTextLink(link: Element): boolean {
  if (link.querySelector('img, svg, picture')) return false;
  const block = blockOf(link);
  if (!block) return false;
  const words: string[] = [];
  textOutsideLinks(block, words);
  return WORDS.test(words.join(''));
}
