/** Tell the background this frame exists and what it holds. */
import { sendToBackground } from '../../utils/browser/messaging.ts';
import type { FrameHello, PreviewInfo } from '../../utils/messaging/protocol.ts';

export function describeFrame(isTop: boolean, preview: PreviewInfo | null): FrameHello {
  return {
    // The frame's own URL: Roundcube swaps previews without changing the iframe's src.
    url: location.href,
    // location.origin is "null" in srcdoc/about:blank frames only by accident of
    // inheritance rules; self.origin is the frame's real (possibly opaque) origin.
    origin: self.origin,
    isTop,
    linkCount: document.links.length,
    title: document.title,
    preview,
  };
}

/** Announces the frame; true when the background refused it (its site is switched off). */
export async function announceFrame(
  isTop: boolean,
  signal: AbortSignal,
  preview: PreviewInfo | null,
): Promise<boolean> {
  if (signal.aborted) return false;
  try {
    const { off } = await sendToBackground('frameHello', describeFrame(isTop, preview));
    return off;
  } catch (error) {
    // The extension was reloaded or the frame is going away: nothing to repair here.
    console.debug('[clickmap-lens] frame not announced:', error);
    return false;
  }
}
