/**
 * Recognises the extension's own UI in a page so detection never treats it
 * as email content. Our UI lives in a shadow root under a host element named
 * `clickmap-lens-ui` (or any element flagged `data-clickmap-lens`); its
 * shadow content is invisible to selectors, but the light-DOM host is not.
 */

export const OWN_UI_TAG = 'clickmap-lens-ui';
export const OWN_UI_ATTR = 'data-clickmap-lens';
export const OWN_UI_SELECTOR = `${OWN_UI_TAG}, [${OWN_UI_ATTR}]`;

/** True when the element is our UI host or inside it. */
export function isOwnUi(el: Element): boolean {
  return el.closest(OWN_UI_SELECTOR) !== null;
}

/** First element matching the selector that is not part of our UI, scanning at most `limit` matches. */
export function firstOutsideOwnUi(
  scope: ParentNode,
  selector: string,
  limit = 200,
): Element | null {
  // Usually the first match is the page's own: querySelector stops there, where
  // querySelectorAll walks the whole document.
  const first = scope.querySelector(selector);
  if (first === null || !isOwnUi(first)) return first;
  const found = scope.querySelectorAll(selector);
  const max = Math.min(found.length, limit);
  for (let i = 0; i < max; i++) {
    const el = found[i];
    if (el && !isOwnUi(el)) return el;
  }
  return null;
}
