/**
 * Report loading from the project's Click Map API: the API's match endpoint
 * (the preview's links, subject and sender) names the template and campaign,
 * then the template's click map for the chosen version and period, and the
 * sequence when the matched campaign is a step of one.
 */
import type { MatchRequest } from '../../api/index.ts';
import {
  belowThresholdReason,
  boundMatchLinks,
  MIN_MATCH_CONFIDENCE,
} from '../../api/match-rules.ts';
import type {
  CampaignChoice,
  PreviewInfo,
  ReportMatch,
  ReportOutcome,
  ReportSelection,
} from '../../messaging/protocol.ts';
import type { ReportQuery } from '../source.ts';
import type { ClickMapApiSource } from './api.ts';
import type { SequenceReport } from '../../report/report-types.ts';
import type { Cached } from '../descriptor.ts';
import type { Campaign } from '../../report/model.ts';
import { t, tn } from '../../i18n/i18n.ts';

function originOf(base: string): { base?: string } {
  try {
    const url = new URL(base);
    return /^https?:$/.test(url.protocol) ? { base: `${url.origin}/` } : {};
  } catch {
    return {};
  }
}

/** Links worth matching on: real destinations, not anchors or unsafe schemes. */
export function matchRequestOf(preview: PreviewInfo): MatchRequest {
  const links = preview.links.filter((l) => !l.unsafe && l.kind !== 'anchor');
  // One overlong tracking URL or a page of 2,001 links never costs the whole report.
  const { hrefs, texts } = boundMatchLinks(
    links.map((l) => l.href),
    links.map((l) => l.text),
  );
  return {
    hrefs,
    // Placement evidence for per-reader tracking links.
    texts: texts ?? [],
    // Relative hrefs need the page's origin, not its path (mailbox and message ids).
    ...originOf(preview.base),
    ...(preview.subject ? { subject: preview.subject } : {}),
    ...(preview.sender ? { sender: preview.sender } : {}),
  };
}

async function findTemplate(
  source: ClickMapApiSource,
  cached: Cached,
  preview: PreviewInfo,
): Promise<ReportMatch | null> {
  const request = matchRequestOf(preview);
  if (request.hrefs.length === 0) return null;
  const result = await cached(['match', request], () => source.match(request));
  return result.best;
}

/** The sequence `campaignId` is a step of, or null. */
async function sequenceOf(
  source: ClickMapApiSource,
  cached: Cached,
  campaigns: readonly CampaignChoice[],
  campaignId: string | null,
): Promise<SequenceReport | null> {
  const step = campaigns.find((c) => c.id === campaignId)?.sequence;
  if (!step) return null;
  return cached(['sequence', step.sequenceId], () => source.sequenceReport(step.sequenceId));
}

/** Campaigns as the panel's picker lists them: newest first. */
function choices(campaigns: readonly Campaign[]): CampaignChoice[] {
  return campaigns
    .map((c) => ({ id: c.id, name: c.name, sentAt: c.sentAt, sequence: c.sequence ?? null }))
    .sort((a, b) => b.sentAt - a.sentAt || a.id.localeCompare(b.id));
}

/** The template's campaigns, for narrowing its report to one. */
async function campaignsOf(
  source: ClickMapApiSource,
  cached: Cached,
  templateId: string,
): Promise<CampaignChoice[]> {
  return choices(await cached(['campaigns', templateId], () => source.campaigns(templateId)));
}

/** Every campaign the API knows (the picker offered when no campaign matched). */
function allCampaigns(source: ClickMapApiSource, cached: Cached): Promise<Campaign[]> {
  return cached(['campaigns', null], () => source.campaigns());
}

/**
 * Nothing matched (or only on weak evidence): the user's own pick of a
 * campaign loads its report; otherwise the no-match reason and the picker.
 */
async function withoutMatch(
  source: ClickMapApiSource,
  cached: Cached,
  reason: string,
  selection: ReportSelection,
  includeMachineClicks: boolean,
): Promise<ReportOutcome> {
  // A failing list costs the picker, never the reason.
  const all = await allCampaigns(source, cached).catch(() => null);
  const picked = all?.find((c) => c.id === selection.campaignId);
  if (!picked) {
    return {
      state: 'no-match',
      source: 'clickmap-api',
      reason,
      ...(all?.length ? { campaigns: choices(all) } : {}),
    };
  }
  const match: ReportMatch = {
    templateId: picked.templateId,
    versionId: null,
    campaignId: picked.id,
    // Not evidence from the email: the user chose the campaign.
    confidence: 0,
    reasons: [t('clickmapPickedByYou', reason)],
  };
  return loadMatched(source, cached, match, selection, includeMachineClicks);
}

export async function loadFromClickMapApi(
  source: ClickMapApiSource,
  cached: Cached,
  preview: PreviewInfo,
  selection: ReportSelection,
  includeMachineClicks: boolean,
): Promise<ReportOutcome> {
  const match = await findTemplate(source, cached, preview);
  if (!match) {
    const reason = tn('clickmapNoTemplate', preview.links.length);
    return withoutMatch(source, cached, reason, selection, includeMachineClicks);
  }
  // Whatever server answers: no report on weak evidence (the reference server applies it too).
  if (match.confidence < MIN_MATCH_CONFIDENCE) {
    const reason = belowThresholdReason(match.confidence);
    return withoutMatch(source, cached, reason, selection, includeMachineClicks);
  }
  return loadMatched(source, cached, match, selection, includeMachineClicks);
}

/** The report of a matched (or picked) template, narrowed to the picked campaign if any. */
async function loadMatched(
  source: ClickMapApiSource,
  cached: Cached,
  match: ReportMatch,
  selection: ReportSelection,
  includeMachineClicks: boolean,
): Promise<ReportOutcome> {
  const campaigns = await campaignsOf(source, cached, match.templateId);
  // A campaign the user picked (one of this template's) narrows the report and names the step.
  const picked = campaigns.find((c) => c.id === selection.campaignId)?.id ?? null;
  const query: ReportQuery = {
    templateId: match.templateId,
    campaignIds: picked ? [picked] : [],
    period: selection.period,
    includeMachineClicks,
    ...(selection.versionId ? { versionId: selection.versionId } : {}),
  };
  const [report, sequence, names] = await Promise.all([
    cached(['report', query], () => source.report(query)),
    sequenceOf(source, cached, campaigns, picked ?? match.campaignId),
    // The name is a nicety: a failing template list must not cost the report.
    cached(['template-names'], () => source.templateNames()).catch(() => null),
  ]);
  const templateName = names?.get(match.templateId) ?? null;
  return { state: 'ready', match, report, sequence, campaigns, campaignId: picked, templateName };
}
