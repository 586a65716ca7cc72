/**
 * The one message protocol between content scripts, the options page and the
 * background worker. Every message name and its request/response types live
 * here; senders and handlers are typed from this map, so a renamed field or a
 * missing handler is a compile error, not a silent `undefined` at run time.
 *
 * Replies are wrapped in a Result so an error in the background reaches the
 * sender as a reason it can show, never as an unhandled rejection.
 */

import type { ViewPrefs } from '../settings/view-prefs.ts';
import type { PanelLayout } from '../settings/panel-layout.ts';
import type { Period } from '../report/model.ts';
import type { SourceErrorKind, SourceKind, SourceReport } from '../sources/index.ts';
import type { SequenceReport } from '../report/report-types.ts';
import type { BadgeView } from '../overlay/badge-model.ts';
import type { AuditResult } from '../audit/types.ts';
import type { ChunkName } from './chunks.ts';

/** One link placement of a preview, as frames report it (no DOM references). */
export interface PreviewLink {
  ordinal: number;
  linkId: string;
  /** href as authored. */
  href: string;
  text: string;
  /** Where `text` came from (link text, image alt, title/aria-label): placement evidence. */
  textFrom?: 'text' | 'alt' | 'label';
  kind: 'link' | 'unsubscribe' | 'view-in-browser' | 'mailto' | 'tel' | 'anchor';
  /** Not rendered (hidden by style, or no visible box): listed in the panel, not badged. */
  hidden: boolean;
  unsafe: boolean;
  /**
   * Measured box in CSS px (the pre-send audit's tap-target rule); absent
   * from frames that do not measure, null when the frame has no layout.
   */
  box?: { width: number; height: number; visible: boolean; inText?: boolean } | null;
}

/** What a frame found: an email preview, by which site profile, with its links. */
export interface PreviewInfo {
  profileId: string;
  profileName: string;
  confidence: number;
  reason: string;
  /** Base URL for relative hrefs. */
  base: string;
  links: PreviewLink[];
  /** Subject / sender when the page shows them (webmail headers), else null. */
  subject: string | null;
  sender: string | null;
}

/** What the panel asks for: which version and period, with or without machine clicks. */
export interface ReportSelection {
  versionId: string | null;
  period: Period;
  /** null: the user's default from the settings. */
  includeMachineClicks: boolean | null;
  /**
   * One campaign of the matched template, picked in the panel (e.g. the
   * sequence step this email is); unset/null: all campaigns of the template.
   */
  campaignId?: string | null;
}

/** A campaign of the matched template the panel offers to pick (Click Map API). */
export interface CampaignChoice {
  id: string;
  name: string;
  sentAt: number;
  /** The sales sequence it is a step of, if any. */
  sequence: { sequenceId: string; step: number } | null;
}

/** Which report the preview was matched to, and why (shown in the panel). */
export interface ReportMatch {
  templateId: string;
  /** null: the source has no template versions (ESP campaigns). */
  versionId: string | null;
  campaignId: string | null;
  confidence: number;
  reasons: string[];
}

export type ReportOutcome =
  | { state: 'not-configured' }
  | {
      state: 'no-match';
      reason: string;
      source?: SourceKind;
      /** Every campaign the source knows, to pick the right one by hand (Click Map API). */
      campaigns?: CampaignChoice[];
    }
  | { state: 'error'; kind: SourceErrorKind | 'unknown'; message: string }
  | {
      state: 'ready';
      match: ReportMatch;
      report: SourceReport;
      /** The sequence the matched campaign is a step of, when it is one. */
      sequence: SequenceReport | null;
      /** Campaigns of the matched template (Click Map API), to pick one; absent for ESP sources. */
      campaigns?: CampaignChoice[];
      /** The campaign the report is restricted to; null: all campaigns of the template. */
      campaignId?: string | null;
      /** The matched template's name, when the source has one. */
      templateName?: string | null;
    };

/** A message the top frame sends to one preview frame through the background. */
export type FrameCommand =
  | { command: 'drawBadges'; badges: BadgeView[]; visible: boolean }
  | { command: 'setVisible'; visible: boolean }
  | { command: 'highlight'; ordinal: number | null }
  | { command: 'locate'; ordinal: number }
  | { command: 'clearBadges' };

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
  /** Set when this frame holds an email preview. */
  preview: PreviewInfo | null;
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
  /**
   * A content script announces its frame; the background records it per tab.
   * `off`: the frame's host or its tab's is switched off in the options, the
   * frame was not recorded and its lens stops.
   */
  frameHello: { request: FrameHello; response: { tabId: number; frameId: number; off: boolean } };
  /** The frames of the sender's tab that announced themselves, in arrival order. */
  listFrames: { request: Record<string, never>; response: { frames: FrameRecord[] } };
  /** The panel asks for the click map of one preview frame's links. */
  loadReport: {
    request: { frameId: number; selection: ReportSelection };
    response: ReportOutcome;
  };
  /**
   * "Check links": the pre-send audit of one preview frame's links (run in
   * the background: Firefox content scripts cannot iterate URLSearchParams).
   */
  auditPreview: { request: { frameId: number }; response: AuditResult };
  /** The top frame sends a command to one frame of its own tab. */
  relay: { request: { frameId: number; command: FrameCommand }; response: { delivered: boolean } };
  /**
   * A content script asks for one of its on-demand parts: the background
   * injects it into the asking frame only (chunks are not web-accessible).
   */
  loadChunk: { request: { name: ChunkName }; response: { loaded: true } };
  /** Open the options page (content scripts cannot do it themselves). */
  openOptions: { request: Record<string, never>; response: { opened: boolean } };
  /** Options page: can the active source be reached with the saved credentials? */
  checkConnection: { request: Record<string, never>; response: { ok: boolean; detail: string } };
  /** The panel reads its remembered view prefs, or changes some (validated by the background). */
  viewPrefs: { request: { change?: Partial<ViewPrefs> }; response: ViewPrefs };
  /**
   * The top frame's panel reads or changes where it sits on this site (dock
   * side, width, collapsed); the background takes the site from the sender.
   */
  panelLayout: { request: { change?: Partial<PanelLayout> }; response: PanelLayout };
  /** The browser's keyboard shortcut for the lens (shown in the panel); null when unset. */
  keyboardShortcut: { request: Record<string, never>; response: { shortcut: string | null } };
  /** The panel's machine-click switch: remembered as the default for the next reports. */
  rememberMachineClicks: { request: { include: boolean }; response: { include: boolean } };
}

/** Messages the background pushes to one frame's content script (tabs.sendMessage). */
export interface ContentProtocolMap {
  /** The set of announced frames of this tab changed (sent to the top frame). */
  framesChanged: { request: { frames: FrameRecord[] }; response: { shown: number } };
  /** Toolbar button or keyboard shortcut: show or hide the overlay (sent to the top frame). */
  toggleOverlay: { request: Record<string, never>; response: { visible: boolean } };
  /** A command from the top frame's panel to this (preview) frame. */
  frameCommand: { request: FrameCommand; response: { done: boolean } };
  /**
   * Hosts just switched off (or no longer enabled) in the options: a frame on
   * one of them, or in a tab whose page is (`tabOff`), stops its lens.
   */
  siteOff: { request: { hosts: string[]; tabOff: boolean }; response: { stopped: boolean } };
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
  loadReport: 1,
  auditPreview: 1,
  relay: 1,
  loadChunk: 1,
  openOptions: 1,
  checkConnection: 1,
  viewPrefs: 1,
  panelLayout: 1,
  keyboardShortcut: 1,
  rememberMachineClicks: 1,
} satisfies Record<MessageName, 1>;
const CONTENT_NAMES = {
  framesChanged: 1,
  toggleOverlay: 1,
  frameCommand: 1,
  siteOff: 1,
} satisfies Record<ContentMessageName, 1>;

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
