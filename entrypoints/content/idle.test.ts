/**
 * Work that can wait (the top frame's own announcement) runs after the
 * page's load event, when the main thread is idle, and never after abort.
 */
import { describe, expect, it, vi } from 'vitest';
import { whenLoadedAndIdle } from './idle.ts';

function fakeView(readyState: DocumentReadyState) {
  const target = new EventTarget();
  const idle: Array<() => void> = [];
  const view = {
    document: { readyState },
    addEventListener: target.addEventListener.bind(target),
    requestIdleCallback: vi.fn((run: () => void) => idle.push(run)),
    cancelIdleCallback: vi.fn(),
    setTimeout,
  } as unknown as Window;
  return { view, idle, load: () => target.dispatchEvent(new Event('load')) };
}

describe('whenLoadedAndIdle', () => {
  it('waits for the load event, then for idle time', () => {
    const { view, idle, load } = fakeView('interactive');
    const work = vi.fn();
    whenLoadedAndIdle(work, new AbortController().signal, view);
    expect(view.requestIdleCallback).not.toHaveBeenCalled();
    load();
    expect(work).not.toHaveBeenCalled();
    idle.forEach((run) => run());
    expect(work).toHaveBeenCalledOnce();
  });

  it('asks for idle time at once on a page already loaded', () => {
    const { view, idle } = fakeView('complete');
    const work = vi.fn();
    whenLoadedAndIdle(work, new AbortController().signal, view);
    idle.forEach((run) => run());
    expect(work).toHaveBeenCalledOnce();
  });

  it('does nothing once aborted, and cancels the idle request', () => {
    const { view, idle, load } = fakeView('loading');
    const work = vi.fn();
    const controller = new AbortController();
    whenLoadedAndIdle(work, controller.signal, view);
    load();
    controller.abort();
    idle.forEach((run) => run());
    expect(work).not.toHaveBeenCalled();
    expect(view.cancelIdleCallback).toHaveBeenCalledOnce();
  });
});
