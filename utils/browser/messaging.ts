/**
 * Runtime glue for the typed protocol in utils/messaging/protocol.ts. This is
 * the one place that touches browser.runtime / browser.tabs messaging.
 *
 * Handlers answer through `sendResponse` and `return true` rather than a
 * returned promise: Chromium only honours the former, and WXT's fakeBrowser
 * (unit tests) ignores promise-returning listeners.
 */
import { browser, type Browser } from 'wxt/browser';
import {
  envelope,
  isBackgroundEnvelope,
  isContentEnvelope,
  type AnyMessageName,
  type ContentMessageName,
  type Envelope,
  type MessageName,
  type Reply,
  type RequestOf,
  type ResponseOf,
} from '../messaging/protocol.ts';

type Sender = Browser.runtime.MessageSender;
type Handler<N extends AnyMessageName> = (
  data: RequestOf<N>,
  sender: Sender,
) => ResponseOf<N> | Promise<ResponseOf<N>>;

export type BackgroundHandlers = { [N in MessageName]: Handler<N> };
export type ContentHandlers = { [N in ContentMessageName]: Handler<N> };

function unwrap<N extends AnyMessageName>(name: N, reply: Reply<N> | undefined): ResponseOf<N> {
  if (reply === undefined) throw new Error(`No answer to "${name}" (is the extension reloading?)`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.data;
}

/** Ask the background; rejects with the background's reason on failure. */
export async function sendToBackground<N extends MessageName>(
  name: N,
  data: RequestOf<N>,
): Promise<ResponseOf<N>> {
  const reply = (await browser.runtime.sendMessage(envelope(name, data))) as Reply<N> | undefined;
  return unwrap(name, reply);
}

/** Push to one frame of one tab (background side). */
export async function sendToFrame<N extends ContentMessageName>(
  target: { tabId: number; frameId: number },
  name: N,
  data: RequestOf<N>,
): Promise<ResponseOf<N>> {
  const reply = (await browser.tabs.sendMessage(target.tabId, envelope(name, data), {
    frameId: target.frameId,
  })) as Reply<N> | undefined;
  return unwrap(name, reply);
}

/** Push to every frame of one tab where the content script listens (background side). */
export async function sendToTab<N extends ContentMessageName>(
  tabId: number,
  name: N,
  data: RequestOf<N>,
): Promise<void> {
  await browser.tabs.sendMessage(tabId, envelope(name, data));
}

function answer(
  handler: (data: unknown, sender: Sender) => unknown,
  message: Envelope,
  sender: Sender,
  sendResponse: (reply: Reply) => void,
): true {
  Promise.resolve()
    .then(() => handler(message.data, sender))
    .then(
      (data) => sendResponse({ ok: true, data } as Reply),
      (error: unknown) =>
        sendResponse({ ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
  return true;
}

function listen(
  accepts: (message: unknown) => message is Envelope,
  handlers: Record<string, (data: never, sender: Sender) => unknown>,
  signal: AbortSignal,
): void {
  const listener = (message: unknown, sender: Sender, sendResponse: (r: unknown) => void) => {
    if (!accepts(message)) return false;
    const handler = handlers[message.name] as (data: unknown, sender: Sender) => unknown;
    return answer(handler, message, sender, sendResponse);
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), {
    once: true,
  });
}

/** Serve every background message; the handler map must cover the whole protocol. */
export function serveBackground(handlers: BackgroundHandlers, signal: AbortSignal): void {
  listen(isBackgroundEnvelope, handlers, signal);
}

/** Serve the messages the background pushes to content scripts. */
export function serveContent(handlers: ContentHandlers, signal: AbortSignal): void {
  listen(isContentEnvelope, handlers, signal);
}
