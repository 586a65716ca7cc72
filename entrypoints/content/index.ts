/**
 * Content script wiring, injected into every page and frame (including
 * srcdoc, sandboxed srcdoc, script-written about:blank frames — hence
 * matchAboutBlank + matchOriginAsFallback — and frames added later). It stays
 * small: it only watches for an email preview and announces the frame. What
 * a preview needs (extraction, badges) and what the top frame needs (the
 * panel) are chunks loaded on demand.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { PanelChunk } from '../panel-chunk/index.ts';
import type { TopFrame } from '../panel-chunk/top-frame.tsx';
import type { PreviewChunk } from '../preview-chunk/index.ts';
import type { PreviewRuntime } from '../preview-chunk/preview-runtime.ts';
import { browser } from 'wxt/browser';
import { loadChunk } from '../../utils/browser/chunk-loader.ts';
import { serveContent } from '../../utils/browser/messaging.ts';
import { watchForPreviews } from '../../utils/detection/watch.ts';
import type { FrameRecord } from '../../utils/messaging/protocol.ts';
import { isSiteEnabled, parseSettings } from '../../utils/settings/settings.ts';
import { announceFrame } from './announce.ts';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  matchOriginAsFallback: true,
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

    /** The user switched the overlay off on this site (options page): only the toolbar opens it. */
    const siteEnabled = async () => {
      const { settings } = await browser.storage.local.get('settings');
      return isSiteEnabled(parseSettings(settings), location.hostname);
    };
    const showFrames = async (frames: FrameRecord[]) => {
      // The panel loads once a frame of this tab holds a preview (or the user asked for it).
      if (!top && (!frames.some((f) => f.preview) || !(await siteEnabled()))) return;
      void loadTop().then((panel) => panel.onFrames(frames));
    };
    serveContent(
      {
        framesChanged: ({ frames }) => {
          if (isTop) void showFrames(frames);
          return { shown: frames.length };
        },
        toggleOverlay: async () => {
          if (!isTop) return { visible: false };
          const panel = await loadTop();
          panel.setVisible(!panel.visible.value);
          await panel.mount();
          return { visible: panel.visible.value };
        },
        frameCommand: (command) => ({ done: runtime?.run(command) ?? false }),
      },
      signal,
    );
    // Every frame announces itself, so the panel's diagnostics list every frame reached.
    void announceFrame(isTop, signal, null);
  },
});
