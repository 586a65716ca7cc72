/**
 * POST /v1/match: which template version (and campaign) is the email a
 * preview shows? Evidence, weighted into a confidence in [0, 1]:
 * - links (0.7): the preview's link identities against each version's
 *   placements (one normaliser: utils/links/identity.ts); a personalised
 *   placement (merge tags) matches any link on its domain. Scored as the
 *   Jaccard overlap of the two distinct sets, so a version whose links are a
 *   subset or superset scores lower than an exact one.
 * - subject (0.2): equal after normalising case, spaces and merge tags, else
 *   word overlap;
 * - sender (0.1): the From address of a campaign of that version.
 * Every contribution is listed in `reasons`.
 */
import { linkIdentity } from '../utils/links/identity.ts';
import type { LinkIdentity } from '../utils/links/identity.ts';
import type { MatchCandidate, MatchRequest, MatchResult } from '../utils/api/types.ts';
import type { TemplateVersion } from '../utils/report/model.ts';
import type { StoredCampaign } from './storage/types.ts';

const MERGE_TAGS = /\{\{.*?\}\}|\{%.*?%\}|\*\|.*?\|\*|%%.*?%%|\[\[.*?\]\]|<%.*?%>|\[[A-Za-z_]+\]/g;

function normaliseSubject(subject: string): string {
  return subject.replace(MERGE_TAGS, ' ').toLowerCase().replace(/\s+/g, ' ').trim();
}

function words(text: string): Set<string> {
  return new Set(
    normaliseSubject(text)
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 1),
  );
}

function subjectScore(preview: string | undefined, version: string | undefined): number {
  if (!preview || !version) return 0;
  if (normaliseSubject(preview) === normaliseSubject(version)) return 1;
  const a = words(preview);
  const b = words(version);
  const shared = [...a].filter((w) => b.has(w)).length;
  return a.size + b.size === 0 ? 0 : (2 * shared) / (a.size + b.size);
}

const emailOf = (from: string): string =>
  (/<([^>]+)>/.exec(from)?.[1] ?? from).trim().toLowerCase();

/** Links that identify a template: web links (personalised or not), not anchors or mailto/tel. */
function isTrackable(identity: LinkIdentity): boolean {
  const key = identity.key;
  return (
    key.startsWith('http') ||
    key.startsWith('domain:') ||
    (key.startsWith('dynamic:') && !/^dynamic:(mailto|tel):/i.test(key))
  );
}

/**
 * Jaccard overlap of distinct links. A personalised placement with a known
 * domain matches a preview link on that domain; one that is only a merge tag
 * ({{action_url}}) can stand for any one otherwise unmatched preview link.
 */
function linkScore(
  preview: LinkIdentity[],
  placements: LinkIdentity[],
): { score: number; matched: number; total: number } {
  const distinct = new Map(placements.map((p) => [p.key, p]));
  const statics = new Set([...distinct.values()].filter((p) => !p.dynamic).map((p) => p.key));
  const domains = new Set(
    [...distinct.values()].filter((p) => p.dynamic && p.domain).map((p) => p.domain),
  );
  const wildcards = [...distinct.values()].filter((p) => p.dynamic && !p.domain).length;
  let matched = 0;
  let unmatched = 0;
  for (const p of preview) {
    if (statics.has(p.key) || (p.domain !== null && domains.has(p.domain))) matched++;
    else unmatched++;
  }
  matched = Math.min(distinct.size, matched + Math.min(unmatched, wildcards));
  const union = preview.length + distinct.size - matched;
  return { score: union === 0 ? 0 : matched / union, matched, total: distinct.size };
}

export function matchPreview(
  request: MatchRequest,
  versions: TemplateVersion[],
  campaigns: StoredCampaign[],
): MatchResult {
  const preview = [
    ...new Map(
      request.hrefs
        .map((h) => linkIdentity(h, request.base))
        .filter(isTrackable)
        .map((i) => [i.key, i]),
    ).values(),
  ];
  const sender = request.sender ? emailOf(request.sender) : undefined;
  const candidates: MatchCandidate[] = versions.map((version) => {
    const placements = version.placements
      .map((p) => linkIdentity(p.url, request.base))
      .filter(isTrackable);
    const links = linkScore(preview, placements);
    const subject = subjectScore(request.subject, version.subject);
    const own = campaigns
      .filter((c) => c.versionId === version.id)
      .sort((a, b) => b.sentAt - a.sentAt);
    const bySender = sender ? own.find((c) => c.sender && emailOf(c.sender) === sender) : undefined;
    const reasons = [
      `${links.matched} of ${preview.length} preview links match ${links.total} distinct links of version ${version.id}`,
    ];
    if (subject > 0)
      reasons.push(
        subject === 1 ? 'subject matches' : `subject ${Math.round(subject * 100)}% similar`,
      );
    if (bySender) reasons.push(`sender ${sender} sent campaign ${bySender.id}`);
    const confidence =
      Math.round((0.7 * links.score + 0.2 * subject + (bySender ? 0.1 : 0)) * 1000) / 1000;
    const campaign = bySender ?? own[0];
    return {
      templateId: version.templateId,
      versionId: version.id,
      campaignId: campaign?.id ?? null,
      confidence,
      reasons,
    };
  });
  candidates.sort((a, b) => b.confidence - a.confidence || (a.versionId < b.versionId ? -1 : 1));
  const top = candidates.slice(0, 5).filter((c) => c.confidence > 0);
  return { best: top[0] ?? null, candidates: top };
}
