/**
 * The watcher re-detects on DOM changes (coalesced to one run per scheduled
 * frame), reports only real changes, ignores our own UI, stops on abort.
 */
import { describe, expect, it } from 'vitest';
import { detectPreview } from './detect.ts';
import type { Detection, FrameInfo } from './types.ts';
import { watchForPreviews } from './watch.ts';

const GMAIL: FrameInfo = {
  isTop: true,
  url: 'https://mail.google.com/mail/u/0/',
  origin: 'https://mail.google.com',
};
const message = (id: string): string =>
  `<div class="ii gt"><div class="a3s" id="${id}">Hi <a href="https://e.com/${id}">go</a></div></div>`;
const flushMicrotasks = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function setup(html: string) {
  document.body.innerHTML = html;
  const queue: Array<() => void> = [];
  const seen: Array<Detection | null> = [];
  let detections = 0;
  const controller = new AbortController();
  watchForPreviews(document, (d) => seen.push(d), controller.signal, {
    frameInfo: GMAIL,
    schedule: (run) => queue.push(run),
    detect: (doc, frame) => {
      detections += 1;
      return detectPreview(doc, frame);
    },
  });
  const flush = (): void => {
    for (const run of queue.splice(0)) run();
  };
  return { queue, seen, flush, controller, detections: () => detections };
}

describe('watchForPreviews', () => {
  it('reports the first message, then a swapped message, once per frame', async () => {
    const w = setup(`<main id="pane">${message('m1')}</main>`);
    expect(w.queue).toHaveLength(1);
    w.flush();
    expect(w.seen.map((d) => d?.roots.map((r) => r.id))).toEqual([['m1']]);

    const pane = document.getElementById('pane') as HTMLElement;
    pane.innerHTML = '<p>loading…</p>';
    pane.innerHTML = message('m2');
    pane.setAttribute('class', 'opened');
    await flushMicrotasks();
    expect(w.queue).toHaveLength(1);
    w.flush();
    expect(w.detections()).toBe(2);
    expect(w.seen.map((d) => d?.roots.map((r) => r.id))).toEqual([['m1'], ['m2']]);
    w.controller.abort();
  });

  it('reports null when the message closes, and nothing when the result is unchanged', async () => {
    const w = setup(`<main id="pane">${message('m1')}</main>`);
    w.flush();
    document.getElementById('m1')?.append(document.createElement('span'));
    await flushMicrotasks();
    w.flush();
    expect(w.seen).toHaveLength(1);
    (document.getElementById('pane') as HTMLElement).innerHTML = '';
    await flushMicrotasks();
    w.flush();
    expect(w.seen.at(-1)).toBeNull();
    expect(w.seen).toHaveLength(2);
    w.controller.abort();
  });

  it('reports the next message swapped into the same root (its links changed, not the root)', async () => {
    const w = setup(`<main id="pane">${message('m1')}</main>`);
    w.flush();
    const root = document.getElementById('m1') as HTMLElement;
    root.innerHTML = 'Next <a href="https://e.com/other">other</a>';
    await flushMicrotasks();
    w.flush();
    expect(w.seen).toHaveLength(2);
    expect(w.seen[1]?.roots).toEqual([root]);
    // The same message re-rendered in place (new link elements, same hrefs): the
    // preview runtime must hear of it to move its badges to the new elements.
    root.replaceChildren(...[...root.childNodes].map((node) => node.cloneNode(true)));
    await flushMicrotasks();
    w.flush();
    expect(w.seen).toHaveLength(3);
    w.controller.abort();
  });

  it('ignores changes inside our own UI', async () => {
    const w = setup(`<main>${message('m1')}</main><clickmap-lens-ui id="ui"></clickmap-lens-ui>`);
    w.flush();
    document.getElementById('ui')?.append(document.createElement('div'));
    document.body.append(document.createElement('clickmap-lens-ui'));
    await flushMicrotasks();
    expect(w.queue).toHaveLength(0);
    w.controller.abort();
  });

  it('stops after abort: no scheduling, no callback', async () => {
    const w = setup(`<main id="pane">${message('m1')}</main>`);
    w.flush();
    w.controller.abort();
    (document.getElementById('pane') as HTMLElement).innerHTML = message('m2');
    await flushMicrotasks();
    expect(w.queue).toHaveLength(0);
    expect(w.seen).toHaveLength(1);
  });

  it('drops a frame already scheduled when aborted before it runs', async () => {
    const w = setup(`<main>${message('m1')}</main>`);
    w.controller.abort();
    w.flush();
    expect(w.detections()).toBe(0);
    expect(w.seen).toEqual([]);
  });
});

describe('watchForPreviews back-off on a page that is not email', () => {
  it('waits longer between detections while nothing is found, and resets on a find', async () => {
    document.body.innerHTML = '<main id="grid"><p>row</p></main>';
    const queue: Array<() => void> = [];
    const timers: Array<{ run: () => void; ms: number }> = [];
    let found: Detection | null = null;
    let detections = 0;
    const controller = new AbortController();
    watchForPreviews(document, () => undefined, controller.signal, {
      frameInfo: GMAIL,
      schedule: (run) => queue.push(run),
      delay: (run, ms) => timers.push({ run, ms }),
      now: () => 0, // every burst comes right after the previous detection
      detect: () => {
        detections += 1;
        return found;
      },
    });
    const grid = document.getElementById('grid') as HTMLElement;
    /** One burst of changes, then whatever is due: the timer, if any, then the frame. */
    const burst = async (): Promise<number | null> => {
      for (let i = 0; i < 5; i++) grid.append(document.createElement('p'));
      await flushMicrotasks();
      const timer = timers.shift();
      timer?.run();
      for (const run of queue.splice(0)) run();
      return timer?.ms ?? null;
    };
    for (const run of queue.splice(0)) run(); // first detection: nothing
    const waits: Array<number | null> = [];
    for (let i = 0; i < 6; i++) waits.push(await burst());
    // Two more immediate frames, then 100, 200, 400, 400 ms apart (capped).
    expect(waits).toEqual([null, null, 100, 200, 400, 400]);
    expect(detections).toBe(7);

    found = { profileId: 'gmail', roots: [grid], confidence: 1, reason: 'test' };
    await burst();
    expect(await burst()).toBeNull(); // an email is there: every frame again
    controller.abort();
  });

  it('drops a back-off wait that ends after abort', async () => {
    document.body.innerHTML = '<main id="grid"></main>';
    const queue: Array<() => void> = [];
    const timers: Array<() => void> = [];
    const controller = new AbortController();
    let detections = 0;
    watchForPreviews(document, () => undefined, controller.signal, {
      frameInfo: GMAIL,
      schedule: (run) => queue.push(run),
      delay: (run) => timers.push(run),
      detect: () => {
        detections += 1;
        return null;
      },
    });
    for (let i = 0; i < 4; i++) {
      document.getElementById('grid')?.append(document.createElement('p'));
      await flushMicrotasks();
      for (const t of timers.splice(0)) t();
      for (const run of queue.splice(0)) run();
    }
    document.getElementById('grid')?.append(document.createElement('p'));
    await flushMicrotasks();
    expect(timers).toHaveLength(1);
    controller.abort();
    timers[0]?.();
    expect(queue).toHaveLength(0);
    expect(detections).toBe(4);
  });
});
