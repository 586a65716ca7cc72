/**
 * What one report source is, in one place: its name, what it can give
 * (capabilities), the options page's fields, how saved settings become a
 * config (validation with a reason, the one host it calls), the adapter that
 * turns its API into the one report shape (SourceReport), the options page's
 * connection check, and how a preview names its campaign. Each source folder
 * (utils/sources/<kind>/index.ts) exports one descriptor; registry.ts lists
 * them, one line each. Pure: the network comes in through SourceDeps.
 */
import type { PreviewInfo, ReportOutcome, ReportSelection } from '../messaging/protocol.ts';
import type { Capability } from '../report/report-types.ts';
import type { SourceDeps } from './http.ts';
import type { ReportSource } from './source.ts';
import { originPattern } from '../settings/url-check.ts';
import { t } from '../i18n/i18n.ts';

/** A cache shared by the loads of one source: key → one in-flight or settled load. */
export type Cached = <T>(key: unknown[], load: () => Promise<T>) => Promise<T>;

/** Saved settings of a source: its kind and one string per field (typed as entered). */
export type SettingsBase = { kind: string } & Record<string, string>;

/** One input of the options page (all values are strings, saved as typed, trimmed on use). */
export interface FieldSpec {
  /** The settings key. */
  key: string;
  /** The input's DOM id (stable: tests and the e2e harness fill fields by id). */
  id: string;
  label: string;
  type: 'url' | 'text' | 'password' | 'choice';
  placeholder?: string;
  /** Help under the field; a function sees the source's current settings. */
  hint?: string | ((settings: Record<string, string>) => string);
  /** type 'choice': radio buttons; the first is the default. */
  choices?: readonly { value: string; label: string }[];
  /** Shown only when this holds (e.g. Mautic's password only with Basic auth). */
  when?(settings: Record<string, string>): boolean;
}

export type SourceCheck<C> =
  | {
      ok: true;
      /** What the adapter takes. */
      config: C;
      /** The URL requests go to (for messages). */
      baseUrl: string;
      /** Host permission pattern for browser.permissions.request. */
      origin: string;
    }
  | { ok: false; reason: string };

/** A campaign found for a preview: the provider's id, and why we think so. */
export interface FoundCampaign {
  campaignId: string;
  /** 0–1: how sure (share of the links that named it, or 1 for an exact subject). */
  confidence: number;
  reasons: string[];
}

/**
 * How an ESP's preview names its campaign. Links that carry it are decoded
 * by utils/sources/campaign-match.ts for every provider (so a Mailchimp
 * email under the listmonk source says so); `resolve` turns such a ref into
 * the API's id. Sources whose links carry nothing (opaque tokens) `lookup`
 * the campaign another way (e.g. by subject among the sent campaigns).
 */
export interface CampaignFinder<C> {
  /** Where this provider's links carry the campaign, for the no-match message. */
  carriers: string;
  /** What a link's ref is, in messages ("UUID"); default "id". */
  refName?: string;
  resolve?(ref: string, config: C, deps: SourceDeps, cached: Cached): Promise<string | null>;
  lookup?(
    preview: PreviewInfo,
    config: C,
    deps: SourceDeps,
    cached: Cached,
  ): Promise<FoundCampaign | { reason: string }>;
}

export interface SourceDescriptor<K extends string, S extends { kind: K }, C> {
  readonly kind: K;
  /** The name users see ("Mailchimp"). */
  readonly label: string;
  /** What the source can give; the panel says what it cannot ("—" with the reason). */
  readonly capabilities: readonly Capability[];
  readonly fields: readonly FieldSpec[];
  /** Whether the settings can be used, and the config and host they give. */
  check(settings: S): SourceCheck<C>;
  create(config: C, deps: SourceDeps): ReportSource;
  /** One cheap authenticated request for the options page; resolves to what it found. */
  probe(config: C, deps: SourceDeps): Promise<string>;
  /** ESP sources: how a preview names the campaign (then utils/loading/load-esp.ts loads it). */
  campaign?: CampaignFinder<C>;
  /** Sources with their own matching (the Click Map API's match endpoint) load the preview's report themselves. */
  load?(
    config: C,
    deps: SourceDeps,
    cached: Cached,
    preview: PreviewInfo,
    selection: ReportSelection & { includeMachineClicks: boolean },
  ): Promise<ReportOutcome>;
}

/** The options page's hint under an API address field. */
export const urlHint = (): string => t('sourceUrlHint');

export const missing = (what: string): { ok: false; reason: string } => ({
  ok: false,
  reason: t('sourceMissing', what),
});

export function ready<C>(config: C, baseUrl: string): SourceCheck<C> {
  return { ok: true, config, baseUrl, origin: originPattern(baseUrl) };
}
