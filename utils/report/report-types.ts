/**
 * The shape of a click map report: what the engine computes, what the
 * reference API returns, what source adapters produce and what the panel shows.
 * Counts are exact integers; rates are fractions in [0, 1] or null when the
 * denominator is 0 (never NaN, never invented).
 */
import type { Millis, Period } from './model.ts';

/**
 * Numbers a source can provide. A source lists the ones it has so the UI can
 * say which it lacks instead of inventing them; the engine has them all.
 */
export const ALL_CAPABILITIES = [
  'unique-24h', // uniqueness by the 24 h rule (else: the source's own uniqueness)
  'per-placement', // clicks per link position (else: per URL only)
  'opens',
  'delivered',
  'bounces',
  'unsubscribes',
  'list-unsubscribe', // client-button unsubscribes without a click
  'machine-clicks', // bot / security-scanner click detection
  'click-implied-opens',
  'all-links', // every link reported (listmonk: top 50 only)
] as const;

export type Capability = (typeof ALL_CAPABILITIES)[number];

export interface ClickMapTotals {
  sent: number;
  delivered: number | null;
  bounces: { hard: number; soft: number };
  /** Messages with at least one tracked (pixel) open in the period, bounced messages excluded. */
  uniqueOpens: number;
  /** Messages clicked in the period without any tracked open (image blocking). */
  clickImpliedOpens: number;
  /** Opens recorded on messages that bounced (server pinging the pixel); not in uniqueOpens. */
  bouncePixelOpens: number;
  /** Messages with at least one counted click in the period (each message once). */
  uniqueClicks: number;
  /** Every click event in the period (machine clicks excluded unless included). */
  totalClicks: number;
  /** Recipients unsubscribed in the period by any method, each once. */
  unsubscribed: number;
  unsubscribedBy: { link: number; listUnsubscribe: number; other: number };
  complaints: number;
  /** Clicks flagged as machine (scanner) clicks in the period. */
  machineClicks: number;
  /** uniqueClicks / delivered (sent when delivered is unknown). */
  ctr: number | null;
  /** uniqueClicks / uniqueOpens. */
  ctor: number | null;
}

export interface ClickMapLinkRow {
  /** Placement id when the source records placements, else the link identity key. */
  rowKey: string;
  linkId: string | null;
  ordinal: number | null;
  /** URL as authored; for dynamic links the template URL. */
  url: string;
  /** Normalised identity key (one normaliser for page and report). */
  key: string;
  /** Link text / image alt, when known. */
  name: string;
  /** Personalised link: counted by final domain. */
  dynamic: boolean;
  finalDomain: string | null;
  isUnsubscribe: boolean;
  /** Clicks counted by the 24 h uniqueness rule. */
  uniqueClicks: number;
  totalClicks: number;
  machineClicks: number;
  /** uniqueClicks / sum of all rows' uniqueClicks. */
  shareOfClicks: number | null;
  /** uniqueClicks / delivered (sent when delivered is unknown). */
  ctr: number | null;
  /** uniqueClicks / uniqueOpens. */
  ctor: number | null;
}

export interface VersionPeriod {
  versionId: string;
  contentHash: string;
  /** [from, to): from the version's first use until the next version's. */
  from: Millis;
  to: Millis | null;
}

export interface ClickMapReport {
  templateId: string;
  /** null: all versions. */
  versionId: string | null;
  period: Period;
  campaignIds: string[];
  machineClicksIncluded: boolean;
  totals: ClickMapTotals;
  links: ClickMapLinkRow[];
  versions: VersionPeriod[];
  /** Capabilities of the data behind this report (all for the engine). */
  capabilities: Capability[];
  generatedAt: Millis;
}

export interface SequenceStepRow {
  step: number;
  name: string;
  campaignId: string;
  sent: number;
  /** Recipients with at least one open of this step (single openings), bounce pixel pings included. */
  singleOpens: number;
  /** Of singleOpens: bounced messages whose pixel was pinged (Datananas' caveat). */
  bouncePixelOpens?: number;
  /** Recipients with at least one click in this step (single clicks). */
  singleClicks: number;
  openRate: number | null;
  clickRate: number | null;
}

export interface ClickPerformanceRow {
  /** Link address as used in the email. */
  address: string;
  name: string;
  step: number;
  clicks: number;
  /** clicks / sent of that step. */
  clickRate: number | null;
}

export interface SequenceReport {
  sequenceId: string;
  name: string;
  steps: SequenceStepRow[];
  summary: {
    sent: number;
    singleOpens: number;
    singleClicks: number;
    /** sum of single opens / sum of sent (never above 100%). */
    openRate: number | null;
    clickRate: number | null;
  };
  clickPerformance: ClickPerformanceRow[];
}
