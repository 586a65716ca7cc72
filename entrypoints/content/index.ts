/**
 * Content script wiring. Runs in the top page and in every frame, including
 * srcdoc, sandboxed srcdoc and script-written about:blank frames (hence
 * matchAboutBlank + matchOriginAsFallback) and frames added later.
 * Each frame announces itself; the top frame hosts the panel UI.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { announceFrame } from './announce.ts';
import { startTopFrame } from './top-frame.tsx';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  matchOriginAsFallback: true,
  runAt: 'document_idle',
  async main(ctx) {
    const isTop = window === window.top;
    if (isTop) startTopFrame(ctx);
    await announceFrame(isTop, ctx.signal);
  },
});
