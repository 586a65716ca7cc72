/**
 * What wakes the watcher on busy pages (issue 11, "cheap where it runs"):
 * text alone never does, a found email narrows it to changes around the
 * email's roots, the observer hears nothing while a detection is pending,
 * and back-off counts from the last detection.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { detectPreview } from './detect.ts';
import type { Detection, FrameInfo } from './types.ts';
import { watchForPreviews, type WatchOptions } from './watch.ts';

const GMAIL: FrameInfo = {
  isTop: true,
  url: 'https://mail.google.com/mail/u/0/',
  origin: 'https://mail.google.com',
};
const message = (id: string): string =>
  `<div class="ii gt"><div class="a3s" id="${id}">Hi <a href="https://e.com/${id}">go</a></div></div>`;
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
const byId = (id: string): HTMLElement => document.getElementById(id) as HTMLElement;

function watch(html: string, options: WatchOptions = {}) {
  document.body.innerHTML = html;
  const queue: Array<() => void> = [];
  const timers: Array<{ run: () => void; ms: number }> = [];
  const seen: Array<Detection | null> = [];
  let detections = 0;
  const controller = new AbortController();
  watchForPreviews(document, (d) => seen.push(d), controller.signal, {
    frameInfo: GMAIL,
    schedule: (run) => queue.push(run),
    delay: (run, ms) => timers.push({ run, ms }),
    detect: (doc, frame) => {
      detections += 1;
      return detectPreview(doc, frame);
    },
    ...options,
  });
  /** Runs the due timers, then the scheduled frames. */
  const flush = (): void => {
    for (const t of timers.splice(0)) t.run();
    for (const run of queue.splice(0)) run();
  };
  flush();
  return { queue, timers, seen, flush, controller, detections: () => detections };
}

let stop: AbortController | null = null;
afterEach(() => {
  stop?.abort();
  stop = null;
});

describe('watcher wake-ups', () => {
  it('a counter changing its text never wakes it; a <style> text change does', async () => {
    const w = watch(
      '<main><p>Updated <span id="n">0</span> times</p><style id="s"></style></main>',
    );
    stop = w.controller;
    for (let i = 1; i <= 5; i++) {
      byId('n').textContent = String(i);
      await settle();
    }
    expect(w.queue.length + w.timers.length).toBe(0);
    expect(w.detections()).toBe(1);
    byId('s').textContent = '#outlook a { padding: 0 }';
    await settle();
    expect(w.queue).toHaveLength(1);
  });

  it('once an email is found, changes around it do not wake it; changes that can swap it do', async () => {
    const w = watch(
      `<ul id="list"><li class="row">a</li></ul><div id="clock">1</div><main id="pane">${message('m1')}</main>`,
    );
    stop = w.controller;
    expect(w.seen.map((d) => d?.roots.map((r) => r.id))).toEqual([['m1']]);
    const pending = (): number => w.queue.length + w.timers.length;

    // The app around the message: its list and its classes churn.
    byId('list').append(Object.assign(document.createElement('li'), { className: 'row' }));
    byId('list').className = 'refreshed';
    byId('clock').append(document.createElement('b'));
    await settle();
    expect(pending()).toBe(0);

    // Inside the root: the next message swapped into the same element.
    byId('m1').innerHTML = 'Next <a href="https://e.com/next">next</a>';
    await settle();
    expect(pending()).toBe(1);
    w.flush();
    expect(w.seen).toHaveLength(2);

    // Another message opened elsewhere (an element the profile's selectors match).
    byId('list').insertAdjacentHTML('afterend', message('m2'));
    await settle();
    expect(pending()).toBe(1);
    w.flush();

    // An element becoming a message body by its class.
    byId('clock').className = 'a3s';
    await settle();
    expect(pending()).toBe(1);
    w.flush();

    // The message closed: its root left with an ancestor.
    byId('pane').remove();
    await settle();
    expect(pending()).toBe(1);
  });

  it('hears no records while a detection is pending (a page changing every frame)', async () => {
    const delivered: number[] = [];
    const Original = window.MutationObserver;
    class Counting extends Original {
      constructor(callback: MutationCallback) {
        super((records, observer) => {
          delivered.push(records.length);
          callback(records, observer);
        });
      }
    }
    window.MutationObserver = Counting;
    try {
      const w = watch('<table><tbody id="grid"><tr><td>0</td></tr></tbody></table>', {
        detect: () => null,
      });
      stop = w.controller;
      for (let frame = 0; frame < 10; frame++) {
        byId('grid').append(document.createElement('tr'));
        await settle();
      }
      // The first batch asked for a detection; the nine frames after it went unheard.
      expect(delivered).toEqual([1]);
      expect(w.queue).toHaveLength(1);
      w.flush();
      byId('grid').append(document.createElement('tr'));
      await settle();
      expect(delivered).toEqual([1, 1]); // listening again right after the detection
    } finally {
      window.MutationObserver = Original;
    }
  });

  it('backs off from the last detection: after a quiet spell the next change is seen at once', async () => {
    let clock = 0;
    const w = watch('<main id="grid"></main>', { detect: () => null, now: () => clock });
    stop = w.controller;
    const burst = async (): Promise<number | null> => {
      byId('grid').append(document.createElement('p'));
      await settle();
      const ms = w.timers[0]?.ms ?? null;
      w.flush();
      return ms;
    };
    for (let i = 0; i < 5; i++) await burst();
    expect(await burst()).toBe(400);
    clock += 150; // busy again 150 ms after the last detection: wait out the rest only
    expect(await burst()).toBe(250);
    clock += 10_000; // quiet for ten seconds
    expect(await burst()).toBeNull();
  });
});
