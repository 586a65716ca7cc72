/**
 * Keyboard focus around the panel (issue 12, item 6). When the user asks for
 * the panel (launcher, toolbar button, shortcut) focus moves to its heading;
 * when the panel closes (Escape, close button) focus goes back to where it
 * was: the page's element (an email link inside a preview frame included:
 * focusing the frame returns to its focused link), or, when it came from our
 * own launcher or the browser's toolbar, to the caller (onReturnFocus). A
 * panel that opened on its own (an email was found) never takes focus.
 */
import { useEffect, useRef } from 'preact/hooks';

type MutableRef<T> = { current: T };

export interface PanelFocusOptions {
  /** Opened at the user's request: take focus on mount. */
  takeFocus?: boolean | undefined;
  /** Grows each time the user asks for the panel while it is open (the shortcut). */
  focusRequest?: number | undefined;
  onReturnFocus?: (() => void) | undefined;
}

export function usePanelFocus(
  asideRef: MutableRef<HTMLElement | null>,
  headingRef: MutableRef<HTMLHeadingElement | null>,
  options: PanelFocusOptions,
): void {
  /** Where focus was when the user asked for the panel; null: it opened on its own. */
  const opener = useRef<Element | null>(null);
  const optionsRef = useRef(options);
  optionsRef.current = options;

  const take = () => {
    const host = hostOf(asideRef.current);
    const active = deepActiveElement();
    // Asked again while focus is already in the panel: keep the first opener.
    if (active !== host || opener.current === null) opener.current = active;
    headingRef.current?.focus();
  };

  useEffect(() => {
    // Captured now: refs are already cleared when the cleanup runs.
    const aside = asideRef.current;
    const host = hostOf(aside);
    if (options.takeFocus) take();
    return () => {
      const root = aside?.getRootNode();
      const focused = root instanceof ShadowRoot ? root.activeElement : document.activeElement;
      const active = document.activeElement;
      const dropped = active === null || active === document.body || active === host;
      // A user reading the page keeps their place: only when focus was in the panel as it goes.
      if (!aside || !(dropped || (focused !== null && aside.contains(focused)))) return;
      const back = opener.current as HTMLElement | null;
      // Not instanceof: an element of a preview frame belongs to that frame's realm.
      const toPage = back && back !== host && back !== back.ownerDocument.body;
      if (toPage && back.isConnected && typeof back.focus === 'function') back.focus();
      else optionsRef.current.onReturnFocus?.();
    };
    // On open and close only.
  }, []);

  useEffect(() => {
    if (options.focusRequest) take();
  }, [options.focusRequest]);
}

/**
 * The focused element, inside same-origin frames too (an email link in a
 * preview iframe, not just the iframe): focusing the iframe element later
 * would land on its body, as the frame forgets its focus once left.
 */
function deepActiveElement(): Element | null {
  let active = document.activeElement;
  for (let depth = 0; depth < 8 && active; depth++) {
    if (active.localName !== 'iframe' && active.localName !== 'frame') break;
    let inner: Element | null;
    try {
      inner = (active as HTMLIFrameElement).contentDocument?.activeElement ?? null;
    } catch {
      break; // another origin's frame: the frame itself
    }
    if (!inner || inner === inner.ownerDocument.body) break;
    active = inner;
  }
  return active;
}

function hostOf(aside: HTMLElement | null): Element | null {
  const root = aside?.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}
