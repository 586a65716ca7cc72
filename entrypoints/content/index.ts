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
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { PanelChunk } from '../panel-chunk/index.ts';
import type { TopFrame } from '../panel-chunk/top-frame.tsx';
import type { PreviewChunk } from '../preview-chunk/index.ts';
import type { PreviewRuntime } from '../preview-chunk/preview-runtime.ts';
import { loadChunk } from '../../utils/browser/chunk-loader.ts';
import { serveContent } from '../../utils/browser/messaging.ts';
import { watchForPreviews } from '../../utils/detection/watch.ts';
import type { FrameRecord } from '../../utils/messaging/protocol.ts';
import { announceFrame } from './announce.ts';

export default defineContentScript({
  registration: 'runtime',
  runAt: 'document_idle',
  main(ctx) {
    const isTop = window === window.top;
    const { signal } = ctx;
    let runtime: PreviewRuntime | null = null;
    let top: Promise<TopFrame> | null = null;
    const loadTop = () =>
      (top ??= loadChunk<PanelChunk>('panel').then((chunk) => chunk.startTopFrame(ctx)));

    watchForPreviews(
      document,
      (detection) => {
        if (!detection && !runtime) return; // nothing found, nothing drawn: the first hello stands
        void loadChunk<PreviewChunk>('preview').then((chunk) => {
          runtime ??= chunk.createPreviewRuntime(document, signal);
          return announceFrame(isTop, signal, runtime.describe(detection));
        });
      },
      signal,
      { frameInfo: { isTop, url: location.href, origin: self.origin } },
    );

    const showFrames = (frames: FrameRecord[]) => {
      // The panel loads once a frame of this tab holds a preview (or the user asked for it).
      if (!top && !frames.some((f) => f.preview)) return;
      void loadTop().then((panel) => panel.onFrames(frames));
    };
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
      },
      signal,
    );
    // Every frame announces itself, so the panel's diagnostics list every frame reached.
    void announceFrame(isTop, signal, null);
  },
});
