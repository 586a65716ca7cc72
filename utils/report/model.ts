/**
 * The domain model shared by the report engine, the reference server, the
 * source adapters and the extension. Pure types: no DOM, no browser API.
 *
 * Vocabulary (from the seeds in ../shared/seeds):
 * - template: the email design a click map is "based on" (Altcraft: the report
 *   is per template, summed over every campaign that used it);
 * - version: one content of a template (content hash), picked by date period;
 * - campaign: one sending of one template version to recipients;
 * - message: one campaign delivered to one recipient (the unit counted once for
 *   unique opens / unique clicks across the whole message);
 * - placement: one link position in a version (ordinal in document order). Two
 *   placements may share one URL; the report tells them apart when the source
 *   records which one was clicked (linkId), else by URL ("one of N").
 * - sequence: ordered steps (Datananas), each step a campaign.
 */

/** Epoch milliseconds (UTC). */
export type Millis = number;

interface EventBase {
  /** Source-unique id of this event: re-delivery of the same id is a no-op. */
  id: string;
  campaignId: string;
  /** Stable recipient key (address or provider's subscriber id). */
  recipient: string;
  at: Millis;
  userAgent?: string;
  ip?: string;
}

export interface SentEvent extends EventBase {
  type: 'sent';
}
export interface DeliveredEvent extends EventBase {
  type: 'delivered';
}
export interface BounceEvent extends EventBase {
  type: 'bounce';
  kind: 'hard' | 'soft';
}
export interface OpenEvent extends EventBase {
  type: 'open';
}
export interface ClickEvent extends EventBase {
  type: 'click';
  /** Placement id within the campaign's version when the source records it. */
  linkId?: string;
  /** URL as written in the template (may hold merge tags). */
  url: string;
  /** URL the recipient actually landed on (personalised links differ per recipient). */
  finalUrl?: string;
}
export interface UnsubscribeEvent extends EventBase {
  type: 'unsubscribe';
  /**
   * link: the unsubscribe link in the body (also a click on it);
   * list-unsubscribe: the mail client's button (mailto or RFC 8058 one-click),
   * no click in the body; other: preference centre, API, support.
   */
  method: 'link' | 'list-unsubscribe' | 'other';
  linkId?: string;
}
export interface ComplaintEvent extends EventBase {
  type: 'complaint';
}

export type EmailEvent =
  | SentEvent
  | DeliveredEvent
  | BounceEvent
  | OpenEvent
  | ClickEvent
  | UnsubscribeEvent
  | ComplaintEvent;

export type EmailEventType = EmailEvent['type'];

/** One link position of a template version, in document order. */
export interface Placement {
  /** Stable id within the version (source's link id, else `L<ordinal>`). */
  linkId: string;
  /** 0-based position among the version's links in document order. */
  ordinal: number;
  /** href as authored (may hold merge tags). */
  url: string;
  /** Visible text or image alt, for the table's "name" column. */
  text: string;
  kind?: 'link' | 'unsubscribe' | 'view-in-browser' | 'mailto' | 'tel';
}

export interface TemplateVersion {
  id: string;
  templateId: string;
  contentHash: string;
  /** First use; a version is current until the next version's createdAt. */
  createdAt: Millis;
  subject?: string;
  placements: Placement[];
}

export interface Template {
  id: string;
  name: string;
}

export interface Campaign {
  id: string;
  templateId: string;
  versionId: string;
  name: string;
  sentAt: Millis;
  /** Set when the campaign is a step of a sales sequence. */
  sequence?: { sequenceId: string; step: number };
}

export interface Sequence {
  id: string;
  name: string;
  /** Steps in order; step numbers start at 1. */
  steps: { step: number; campaignId: string; name: string }[];
}

/** Half-open period [from, to) in epoch ms; either end may be open. */
export interface Period {
  from?: Millis;
  to?: Millis;
}
