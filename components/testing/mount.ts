/**
 * Test-only: renders a component into a fresh container (optionally inside a
 * shadow root, as the content script does) and offers DOM queries that fail
 * loudly instead of returning null.
 */
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';

export interface Mounted {
  /** The element the component was rendered into. */
  root: HTMLElement;
  $(selector: string): HTMLElement;
  $$(selector: string): HTMLElement[];
  rerender(vnode: ComponentChild): void;
  unmount(): void;
}

export function mount(vnode: ComponentChild, options: { shadow?: boolean } = {}): Mounted {
  const host = document.createElement('div');
  document.body.append(host);
  let root: HTMLElement = host;
  if (options.shadow) {
    const shadow = host.attachShadow({ mode: 'open' });
    root = document.createElement('div');
    shadow.append(root);
  }
  act(() => render(vnode, root));
  return {
    root,
    $(selector) {
      const el = root.querySelector<HTMLElement>(selector);
      if (!el) throw new Error(`no element matches ${selector}`);
      return el;
    },
    $$(selector) {
      return [...root.querySelectorAll<HTMLElement>(selector)];
    },
    rerender(next) {
      act(() => render(next, root));
    },
    unmount() {
      act(() => render(null, root));
      host.remove();
    },
  };
}

/** Dispatches a DOM event inside act() so Preact and signals settle before the assertions. */
export function fire(target: Element, event: Event): void {
  act(() => {
    target.dispatchEvent(event);
  });
}

export function click(target: Element): void {
  act(() => {
    (target as HTMLElement).click();
  });
}

/** Text of each matched element, trimmed. */
export function texts(elements: readonly Element[]): string[] {
  return elements.map((el) => (el.textContent ?? '').trim());
}
