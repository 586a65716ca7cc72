/**
 * Report loading from an ESP's own API (Mailchimp, listmonk, Mautic, Brevo…,
 * any source whose descriptor has a `campaign` finder). These APIs have no
 * "which campaign is this email" endpoint, so the campaign is read from the
 * preview's tracking links (utils/sources/campaign-match.ts: Mailchimp
 * mc_cid, listmonk link UUIDs, Mautic ct), or, for sources whose links are
 * opaque, looked up by the source (Brevo: the subject among sent campaigns).
 * A preview without either (an editor preview, before sending) is a
 * no-match with that reason.
 */
import type {
  PreviewInfo,
  ReportMatch,
  ReportOutcome,
  ReportSelection,
} from '../messaging/protocol.ts';
import { campaignRefId, matchCampaign, type DecodedCampaign } from '../sources/campaign-match.ts';
import type { AnySource } from '../sources/registry.ts';
import { sourceOf, type SourceKind } from '../sources/registry.ts';
import type { Cached, FoundCampaign } from '../sources/descriptor.ts';
import type { SourceDeps } from '../sources/http.ts';
import { t, tn } from '../i18n/i18n.ts';

function noMatch(kind: string, reason: string): ReportOutcome {
  return { state: 'no-match', source: kind as SourceKind, reason };
}

function noCampaignLinks(source: AnySource, linkCount: number, carriers: string): ReportOutcome {
  return noMatch(source.kind, tn('espNoCampaignLinks', linkCount, source.label, carriers));
}

function fromLinks(decoded: DecodedCampaign, campaignId: string): FoundCampaign {
  const total = decoded.votes + decoded.conflicting;
  const reasons = [tn('espLinksNameCampaign', decoded.votes, campaignId, decoded.evidence.via)];
  if (decoded.conflicting > 0) reasons.push(tn('espLinksNameOther', decoded.conflicting));
  return { campaignId, confidence: Math.round((decoded.votes / total) * 1000) / 1000, reasons };
}

/** The campaign the preview names, or the no-match outcome saying why not. */
async function findCampaign(
  source: AnySource,
  config: { kind: string },
  deps: SourceDeps,
  cached: Cached,
  preview: PreviewInfo,
): Promise<FoundCampaign | ReportOutcome> {
  const finder = source.campaign;
  if (!finder) return noMatch(source.kind, t('espCannotFind', source.label));
  const hrefs = preview.links.filter((l) => !l.unsafe).map((l) => l.href);
  const found = matchCampaign({ hrefs, base: preview.base });
  if (found.kind === 'decoded') {
    const provider: string = found.ref.provider;
    if (provider !== source.kind) {
      const named = sourceOf(provider)?.label ?? provider;
      return noMatch(source.kind, t('espOtherProvider', named, source.label));
    }
    const ref = campaignRefId(found.ref);
    const campaignId = finder.resolve ? await finder.resolve(ref, config, deps, cached) : ref;
    if (campaignId === null) {
      return noMatch(
        source.kind,
        t('espNoSuchCampaign', source.label, finder.refName ?? t('espRefId'), ref),
      );
    }
    return fromLinks(found, campaignId);
  }
  if (finder.lookup) {
    const looked = await finder.lookup(preview, config, deps, cached);
    return 'reason' in looked ? noMatch(source.kind, looked.reason) : looked;
  }
  return noCampaignLinks(source, preview.links.length, finder.carriers);
}

export async function loadFromEsp(
  source: AnySource,
  config: { kind: string },
  deps: SourceDeps,
  cached: Cached,
  preview: PreviewInfo,
  selection: ReportSelection,
): Promise<ReportOutcome> {
  const found = await findCampaign(source, config, deps, cached, preview);
  if ('state' in found) return found;
  const query = { campaignIds: [found.campaignId], period: selection.period };
  const adapter = source.create(config, deps);
  const report = await cached(['report', query], () => adapter.report(query));
  const match: ReportMatch = {
    templateId: report.templateId,
    versionId: null,
    campaignId: found.campaignId,
    confidence: found.confidence,
    reasons: found.reasons,
  };
  return { state: 'ready', match, report, sequence: null };
}
