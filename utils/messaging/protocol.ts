/**
 * The one message protocol between content scripts, the options page and the
 * background worker. Every message name and its request/response types live
 * here; senders and handlers are typed from this map, so a renamed field or a
 * missing handler is a compile error, not a silent `undefined` at run time.
 *
 * Replies are wrapped in a Result so an error in the background reaches the
 * sender as a reason it can show, never as an unhandled rejection.
 */

/** What one frame's content script reports about itself to the background. */
export interface FrameHello {
  /** The frame's own URL (Roundcube's preview iframe keeps a stale `src`). */
  url: string;
  /** `self.origin`: "null" in srcdoc / sandboxed / about:blank frames. */
  origin: string;
  isTop: boolean;
  /** Number of links in this frame's document when the script started. */
  linkCount: number;
  title: string;
}

/** A frame as the background knows it: the hello plus the ids the sender carried. */
export interface FrameRecord extends FrameHello {
  tabId: number;
  frameId: number;
  /** Background clock when the hello arrived. */
  seenAt: number;
}

export interface ProtocolMap {
  /** Liveness check; answers the extension version. */
  ping: { request: { from: 'content' | 'options' | 'test' }; response: { version: string } };
  /** A content script announces its frame; the background records it per tab. */
  frameHello: { request: FrameHello; response: { tabId: number; frameId: number } };
  /** The frames of the sender's tab that announced themselves, in arrival order. */
  listFrames: { request: Record<string, never>; response: { frames: FrameRecord[] } };
  /** Options page: can the saved API be reached with the saved token? */
  checkConnection: { request: Record<string, never>; response: { ok: boolean; detail: string } };
}

/** Messages the background pushes to one frame's content script (tabs.sendMessage). */
export interface ContentProtocolMap {
  /** The set of announced frames of this tab changed (sent to the top frame). */
  framesChanged: { request: { frames: FrameRecord[] }; response: { shown: number } };
  /** Toolbar button or keyboard shortcut: show or hide the overlay (sent to the top frame). */
  toggleOverlay: { request: Record<string, never>; response: { visible: boolean } };
}

export type MessageName = keyof ProtocolMap;
export type ContentMessageName = keyof ContentProtocolMap;
type AllMessages = ProtocolMap & ContentProtocolMap;
export type AnyMessageName = keyof AllMessages;
export type RequestOf<N extends AnyMessageName> = AllMessages[N]['request'];
export type ResponseOf<N extends AnyMessageName> = AllMessages[N]['response'];

/** The wire format of a request. `channel` keeps other extensions' messages apart. */
export interface Envelope<N extends AnyMessageName = AnyMessageName> {
  channel: typeof CHANNEL;
  name: N;
  data: RequestOf<N>;
}

export type Reply<N extends AnyMessageName = AnyMessageName> =
  { ok: true; data: ResponseOf<N> } | { ok: false; error: string };

export const CHANNEL = 'clickmap-lens/v1';

/** Every name, checked against the maps: adding a message without listing it fails to compile. */
const BACKGROUND_NAMES = {
  ping: 1,
  frameHello: 1,
  listFrames: 1,
  checkConnection: 1,
} satisfies Record<MessageName, 1>;
const CONTENT_NAMES = { framesChanged: 1, toggleOverlay: 1 } satisfies Record<
  ContentMessageName,
  1
>;

function hasName(message: unknown, names: object): message is Envelope {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Partial<Envelope>;
  return m.channel === CHANNEL && typeof m.name === 'string' && Object.hasOwn(names, m.name);
}

/** Narrow an unknown runtime message to one for the background (others are not answered). */
export function isBackgroundEnvelope(message: unknown): message is Envelope<MessageName> {
  return hasName(message, BACKGROUND_NAMES);
}

/** Narrow an unknown runtime message to one for a content script. */
export function isContentEnvelope(message: unknown): message is Envelope<ContentMessageName> {
  return hasName(message, CONTENT_NAMES);
}

export function envelope<N extends AnyMessageName>(name: N, data: RequestOf<N>): Envelope<N> {
  return { channel: CHANNEL, name, data };
}
