/**
 * Report loading from an ESP's own API (Mailchimp, listmonk, Mautic). These
 * APIs have no "which campaign is this email" endpoint, so the campaign is
 * read from the preview's tracking links (utils/sources/campaign-match.ts:
 * Mailchimp mc_cid, listmonk link UUIDs, Mautic ct). A preview without such
 * links (an editor preview, before sending) is a no-match with that reason.
 */
import type {
  PreviewInfo,
  ReportMatch,
  ReportOutcome,
  ReportSelection,
} from '../messaging/protocol.ts';
import { SOURCE_LABELS } from '../settings/sources.ts';
import type { CampaignRef, DecodedCampaign } from '../sources/campaign-match.ts';
import { matchCampaign } from '../sources/campaign-match.ts';
import type { SourceDeps } from '../sources/http.ts';
import type { SourceConfig } from '../sources/index.ts';
import { createSource } from '../sources/index.ts';
import { createListmonkClient } from '../sources/listmonk.ts';
import type { SourceKind } from '../sources/source-report.ts';
import type { Cached } from './load-types.ts';

type EspConfig = Exclude<SourceConfig, { kind: 'clickmap-api' }>;

/** Where each provider's links carry the campaign, for the no-match message. */
const CARRIERS: Record<EspConfig['kind'], string> = {
  mailchimp: 'an mc_cid parameter or a list-manage unsubscribe link',
  listmonk: 'listmonk /link/… or /campaign/… tracking URLs',
  mautic: 'Mautic /r/… redirects with a ct parameter',
};

function noMatch(kind: EspConfig['kind'], reason: string): ReportOutcome {
  return { state: 'no-match', source: kind, reason };
}

function noCampaignLinks(kind: EspConfig['kind'], linkCount: number): ReportOutcome {
  return noMatch(
    kind,
    `None of the ${linkCount} links of this preview names a ${SOURCE_LABELS[kind]} campaign ` +
      `(looked for ${CARRIERS[kind]}). Tracking links exist only in sent emails: ` +
      'open a received copy, or use "Check links" for a pre-send check.',
  );
}

/** The provider's campaign id the ref names (listmonk links carry a UUID, its API wants the id). */
async function campaignIdOf(
  config: EspConfig,
  ref: CampaignRef,
  deps: SourceDeps,
  cached: Cached,
): Promise<string | null> {
  switch (ref.provider) {
    case 'mailchimp':
      return ref.campaignId;
    case 'mautic':
      return ref.emailId;
    case 'listmonk': {
      // The caller checked the ref's provider is the active source.
      if (config.kind !== 'listmonk') return null;
      const client = createListmonkClient(config, deps);
      const found = await cached(['listmonk-uuid', ref.campaignUuid], () =>
        client.campaignByUuid(ref.campaignUuid),
      );
      return found?.id ?? null;
    }
  }
}

function matchOf(decoded: DecodedCampaign, campaignId: string, templateId: string): ReportMatch {
  const total = decoded.votes + decoded.conflicting;
  const reasons = [
    `${decoded.votes} of the preview's links name campaign ${campaignId} (${decoded.evidence.via})`,
  ];
  if (decoded.conflicting > 0)
    reasons.push(`${decoded.conflicting} links name another campaign (forwarded or digest mail?)`);
  return {
    templateId,
    versionId: null,
    campaignId,
    confidence: Math.round((decoded.votes / total) * 1000) / 1000,
    reasons,
  };
}

export async function loadFromEsp(
  config: EspConfig,
  deps: SourceDeps,
  cached: Cached,
  preview: PreviewInfo,
  selection: ReportSelection,
): Promise<ReportOutcome> {
  const hrefs = preview.links.filter((l) => !l.unsafe).map((l) => l.href);
  const found = matchCampaign({ hrefs, base: preview.base });
  if (found.kind === 'lookup') return noCampaignLinks(config.kind, preview.links.length);
  const provider: SourceKind = found.ref.provider;
  if (provider !== config.kind) {
    return noMatch(
      config.kind,
      `The links of this preview name a ${SOURCE_LABELS[provider]} campaign, but the active source is ${SOURCE_LABELS[config.kind]}: choose ${SOURCE_LABELS[provider]} in the settings.`,
    );
  }
  const campaignId = await campaignIdOf(config, found.ref, deps, cached);
  if (campaignId === null) {
    const uuid = found.ref.provider === 'listmonk' ? found.ref.campaignUuid : '';
    return noMatch(
      config.kind,
      `listmonk has no campaign with UUID ${uuid} (deleted, or another install?).`,
    );
  }
  const query = { campaignIds: [campaignId], period: selection.period };
  const source = createSource(config, deps);
  const report = await cached(['report', query], () => source.report(query));
  return {
    state: 'ready',
    match: matchOf(found, campaignId, report.templateId),
    report,
    sequence: null,
  };
}
