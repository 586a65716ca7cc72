/**
 * Types of preview detection: which site profile recognised a frame's
 * document as (containing) an email preview, and where the email body roots
 * are. Pure types, shared by the profiles, the detector and the watcher.
 */

export type ProfileId =
  | 'gmail'
  | 'outlook'
  | 'yahoo'
  | 'proton'
  | 'roundcube'
  | 'sogo'
  | 'horde'
  | 'zimbra'
  | 'zimbra-html'
  | 'listmonk'
  | 'mautic'
  | 'generic-frame'
  | 'view-in-browser';

/** What the content script knows about the frame it runs in. */
export interface FrameInfo {
  isTop: boolean;
  /** location.href of this frame ('about:blank', 'about:srcdoc' for injected frames). */
  url: string;
  /** location.origin ('null' for sandboxed frames; the parent's for about:blank). */
  origin: string;
}

export interface Detection {
  profileId: ProfileId;
  /** Email body roots in this document, outermost only, never our own UI. */
  roots: Element[];
  /** 0..1: how sure the profile is (host + selector > selector only > heuristics). */
  confidence: number;
  /** Human-readable: which rule or which signals matched. */
  reason: string;
}

/** A CSS selector plus what it is and where that knowledge comes from. */
export interface SelectorRule {
  readonly selector: string;
  readonly source: string;
}

/** A pattern on the frame URL (pathname + search), with its provenance. */
export interface UrlRule {
  readonly pattern: RegExp;
  readonly source: string;
}

/** Which frames a profile applies to. */
export type FrameScope = 'top' | 'child' | 'any';

interface ProfileBase {
  readonly id: ProfileId;
  readonly name: string;
  /** Higher is tried first. */
  readonly priority: number;
  readonly frame: FrameScope;
  /** Host patterns ('mail.google.com', '*.mail.live.com'). */
  readonly hosts?: readonly string[];
  /** Where the host list comes from. */
  readonly hostSource?: string;
  /**
   * true: the profile applies only on its hosts, and on those hosts it is the
   * only candidate (a SaaS webmail is never also a self-hosted one).
   * false: hosts are not checked (self-hosted software runs at any host).
   */
  readonly hostRequired: boolean;
  /** When present, the frame URL must match one of them. */
  readonly urls?: readonly UrlRule[];
  readonly confidence: number;
}

/** Profile whose roots are elements found by selectors (fallback chain, first hit wins). */
export interface ElementProfile extends ProfileBase {
  readonly kind: 'elements';
  readonly roots: readonly SelectorRule[];
  /**
   * A trace the webmail leaves in the document: when present, the profile
   * applies only to documents that contain it (for a root as plain as <body>);
   * it is then the profile's probe (probeSelector).
   */
  readonly requires?: SelectorRule;
}

/** Profile whose root is the whole document body (the document is the email). */
export interface DocumentProfile extends ProfileBase {
  readonly kind: 'document';
  /** Minimum email-likeness score (see email-signals.ts). */
  readonly minEmailScore: number;
  /** Require the cheap email gate (a link inside a table) before scoring. */
  readonly requireGate: boolean;
}

export type SiteProfile = ElementProfile | DocumentProfile;
