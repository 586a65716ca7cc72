/**
 * Injects a content script's on-demand chunk into the one frame that asked
 * (chunks are not web-accessible, so no page can load them by URL). The
 * request is data from a frame: only names from utils/messaging/chunks.ts,
 * only into the sender's own tab and frame.
 */
import { browser, type Browser } from 'wxt/browser';
import { chunkFor } from '../../utils/messaging/chunks.ts';

export async function injectChunk(
  name: unknown,
  sender: Browser.runtime.MessageSender,
): Promise<{ loaded: true }> {
  const tabId = sender.tab?.id;
  const frameId = sender.frameId;
  if (tabId === undefined || frameId === undefined) throw new Error('loadChunk from outside a tab');
  const chunk = chunkFor(name, frameId);
  if (!chunk.ok) throw new Error(chunk.reason);
  await browser.scripting.executeScript({
    target: { tabId, frameIds: [frameId] },
    files: [chunk.path],
  });
  return { loaded: true };
}
