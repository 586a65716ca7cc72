/**
 * Content script wiring. Not in the manifest: the background registers it at
 * run time for the hosts the user enabled only (every frame of them,
 * including srcdoc, sandboxed srcdoc, about:blank and late frames: see
 * entrypoints/background/content-registration.ts), or injects it once into a
 * tab when the user clicks the toolbar button there (activeTab). So when it
 * runs, the user wants it here: it reads no settings (no token, no source
 * credentials ever reach a page's process through it). It stays small: it
 * watches for an email preview and announces the frame; what a preview needs
 * (extraction, badges) and what the top frame needs (the panel) are chunks
 * the background injects on demand.
 *
 * Cheap where it runs (issue 11, item 7): a child frame that holds no email
 * (an ad, a widget: pages embed dozens) stays dormant — no message to the
 * background, no listener, no chunk — until its document looks like email.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { PanelChunk } from '../panel-chunk/index.ts';
import type { TopFrame } from '../panel-chunk/top-frame.tsx';
import type { PreviewChunk } from '../preview-chunk/index.ts';
import type { PreviewRuntime } from '../preview-chunk/preview-runtime.ts';
import { loadChunk } from '../../utils/browser/chunk-loader.ts';
import { serveContent } from '../../utils/browser/messaging.ts';
import { watchForPreviews } from '../../utils/detection/watch.ts';
import type { FrameRecord, PreviewInfo } from '../../utils/messaging/protocol.ts';
import { frameTurnedOff } from '../../utils/sites/sites.ts';
import { announceFrame } from './announce.ts';
import { frameAnnouncer } from './announcer.ts';
import { whenLoadedAndIdle } from './idle.ts';

export default defineContentScript({
  registration: 'runtime',
  runAt: 'document_idle',
  // WXT's legacy "script started" postMessage would wake every page listener in
  // every frame (and tell the page the lens is there); its custom event is enough.
  noScriptStartedPostMessage: true,
  main(ctx) {
    const isTop = window === window.top;
    const { signal } = ctx;
    const frameInfo = { isTop, url: location.href, origin: self.origin };
    // Switched off in the options (issue 11): everything hangs on this signal and stops.
    const stop = () => ctx.abort('site switched off');
    const announcer = frameAnnouncer((preview: PreviewInfo | null) =>
      announceFrame(isTop, signal, preview).then((off) => off && stop()),
    );
    let runtime: PreviewRuntime | null = null;
    let top: Promise<TopFrame> | null = null;
    const loadTop = () =>
      (top ??= loadChunk<PanelChunk>('panel').then((chunk) => chunk.startTopFrame(ctx)));
    const showFrames = (frames: FrameRecord[]) => {
      // The panel loads once a frame of this tab holds a preview (or the user asked for it).
      if (!top && !frames.some((f) => f.preview)) return;
      void loadTop().then((panel) => panel.onFrames(frames));
    };
    let serving = false;
    const serve = () => {
      if (serving) return;
      serving = true;
      serveContent(
        {
          framesChanged: ({ frames }) => {
            if (isTop) showFrames(frames);
            return { shown: frames.length };
          },
          toggleOverlay: async () => {
            if (!isTop) return { visible: false };
            const panel = await loadTop();
            const visible = panel.summon();
            await panel.mount();
            return { visible };
          },
          frameCommand: (command) => ({ done: runtime?.run(command) ?? false }),
          siteOff: ({ hosts, tabOff }) => {
            const off = frameTurnedOff(frameInfo, hosts, tabOff);
            if (off) queueMicrotask(stop); // after this answer is on its way
            return { stopped: off };
          },
        },
        signal,
      );
    };

    watchForPreviews(
      document,
      (detection) => {
        if (!detection && !runtime) return; // nothing found, nothing drawn: stay dormant
        serve(); // a preview frame takes the panel's commands from here on
        announcer.claim(); // the top frame's late hello must not overwrite what follows
        void loadChunk<PreviewChunk>('preview').then((chunk) => {
          runtime ??= chunk.createPreviewRuntime(document, signal);
          return announcer.say(runtime.describe(detection));
        });
      },
      signal,
      { frameInfo },
    );

    if (!isTop) return;
    // The top frame hears the toolbar button at once, and lists itself in the panel's
    // diagnostics once the page has loaded and is idle: never a cost to the load event.
    serve();
    whenLoadedAndIdle(() => void announcer.sayIfSilent(), signal);
  },
});
