/**
 * Content script wiring. Runs in the top page and in every frame, including
 * srcdoc, sandboxed srcdoc and script-written about:blank frames (hence
 * matchAboutBlank + matchOriginAsFallback) and frames added later. Every
 * frame watches for an email preview and announces itself; the top frame
 * also hosts the side panel.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { serveContent } from '../../utils/browser/messaging.ts';
import { announceFrame } from './announce.ts';
import { startPreviewFrame } from './preview-frame.ts';
import { startTopFrame } from './top-frame.tsx';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  matchOriginAsFallback: true,
  runAt: 'document_idle',
  main(ctx) {
    const isTop = window === window.top;
    const top = isTop ? startTopFrame(ctx) : null;
    const preview = startPreviewFrame(ctx, { isTop, url: location.href, origin: self.origin });
    serveContent(
      {
        framesChanged: ({ frames }) => {
          top?.onFrames(frames);
          return { shown: frames.length };
        },
        toggleOverlay: () => {
          if (!top) return { visible: false };
          top.setVisible(!top.visible.value);
          void top.mount();
          return { visible: top.visible.value };
        },
        frameCommand: (command) => ({ done: preview.run(command) }),
      },
      ctx.signal,
    );
    // Frames without a preview announce too, so the panel's diagnostics list every frame reached.
    void announceFrame(isTop, ctx.signal, null);
  },
});
