/**
 * Report engine options and their documented defaults (docs/report-semantics.md).
 * Every threshold is explicit so the reference server can pass the same values
 * and get the same numbers.
 */
import type { LinkIdentity } from '../links/identity.ts';
import { linkIdentity } from '../links/identity.ts';
import type { Millis } from './model.ts';
import type { UnsubscribeLinks } from './unsubscribe-clicks.ts';

export type Identify = (href: string) => LinkIdentity;

export interface MachineClickRules {
  /** A click less than this after the message's delivery (else sending) is a scanner's. */
  nearDeliveryMs: Millis;
  /** Clicks of one message closer than this to the previous one form one burst chain. */
  burstGapMs: Millis;
  /** A burst chain touching at least this many distinct link rows is a scanner's. */
  burstDistinctLinks: number;
  /** Case-insensitive user-agent pattern of known scanners / non-browsers. */
  scannerUserAgent: RegExp;
}

export interface ReportOptions {
  /**
   * Count machine (scanner) clicks like human ones. Default true, the seed's reading
   * (Altcraft: "All clicks are counted"); false gives the human-only view. Machine
   * clicks are detected and reported (`machineClicks`) either way.
   */
  includeMachineClicks: boolean;
  /** Repeated clicks on one row by one message closer than this to the last counted one are not counted. */
  uniquenessWindowMs: Millis;
  /** A row whose clicks landed on at least this many distinct final URLs is reported as dynamic. */
  dynamicFinalUrls: number;
  machine: MachineClickRules;
  /** The link normaliser shared with the page (utils/links/identity.ts). */
  identify: Identify;
  /** campaignId → its version's unsubscribe link: the row a List-Unsubscribe press is counted on. */
  unsubscribeLinks: UnsubscribeLinks;
  /** generatedAt of the report (injected: utils/ has no clock). */
  now: Millis;
}

export const DAY_MS = 86_400_000;

/**
 * Scanner / non-browser user agents seen clicking every link of a message:
 * mail security gateways, link-preview fetchers and HTTP libraries.
 */
export const SCANNER_USER_AGENT =
  /barracuda|proofpoint|mimecast|urldefense|safelinks|symantec|messagelabs|trendmicro|forcepoint|sophos|fireeye|ironport|zscaler|bingpreview|headlesschrome|phantomjs|python-requests|python-urllib|go-http-client|java\/|okhttp|libwww-perl|curl\/|wget\/|apache-httpclient|[a-z]*bot\/|\bbot\b|spider|crawler|slurp/i;

export const DEFAULT_MACHINE_RULES: MachineClickRules = {
  nearDeliveryMs: 10_000,
  burstGapMs: 2_000,
  burstDistinctLinks: 3,
  scannerUserAgent: SCANNER_USER_AGENT,
};

export function resolveOptions(partial: Partial<ReportOptions> = {}): ReportOptions {
  return {
    includeMachineClicks: partial.includeMachineClicks ?? true,
    uniquenessWindowMs: partial.uniquenessWindowMs ?? DAY_MS,
    dynamicFinalUrls: partial.dynamicFinalUrls ?? 5,
    machine: { ...DEFAULT_MACHINE_RULES, ...partial.machine },
    identify: partial.identify ?? ((href) => linkIdentity(href)),
    unsubscribeLinks: partial.unsubscribeLinks ?? new Map(),
    now: partial.now ?? 0,
  };
}
