/**
 * Turns selector matches into usable email body roots: never our own UI,
 * never an editor (a compose box is not a preview; gmail.js skips
 * contenteditable bodies for the same reason), never an empty placeholder,
 * and outermost only so links are not counted twice.
 */
import { isOwnUi } from './own-ui.ts';

const MAX_CANDIDATES = 200;
const EDITABLE = '[contenteditable]:not([contenteditable="false"])';

function isBlank(el: Element): boolean {
  return el.childElementCount === 0 && (el.textContent ?? '').trim() === '';
}

function isUsable(el: Element): boolean {
  return !isOwnUi(el) && el.closest(EDITABLE) === null && !isBlank(el);
}

/** Matches are in document order, so an ancestor is always seen before its descendants. */
export function usableRoots(found: ArrayLike<Element>): Element[] {
  const kept: Element[] = [];
  const max = Math.min(found.length, MAX_CANDIDATES);
  for (let i = 0; i < max; i++) {
    const el = found[i];
    if (!el || !isUsable(el)) continue;
    if (kept.some((root) => root.contains(el))) continue;
    kept.push(el);
  }
  return kept;
}

/** A document-level root (body) needs some content and must not be our UI. */
export function usableBody(doc: Document): HTMLElement | null {
  const body = doc.body;
  if (!body || isOwnUi(body) || body.childElementCount === 0) return null;
  return body;
}
