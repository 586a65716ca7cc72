/**
 * POST /v1/match: which template version (and campaign) is the email a
 * preview shows? Evidence, weighted into a confidence in [0, 1]:
 * - links (0.7): the preview's link identities against each version's
 *   placements (one normaliser: utils/links/identity.ts), click-tracking
 *   links included (keyed by their provider's ids); a personalised
 *   placement (merge tags) matches any link on its domain; per-reader
 *   tracking tokens by placement (text/alt, order, position). Scored as the
 *   Jaccard overlap of the two distinct sets, so a version whose links are a
 *   subset or superset scores lower than an exact one.
 * - subject (0.2): equal after normalising case, spaces and merge tags, else
 *   word overlap;
 * - sender (0.1): the From address of a campaign of that version.
 * Weak evidence never matches alone: a merge-tag-only placement standing in
 * for some link, or a personalised link's domain, is something any page can
 * produce, so it counts only next to strong evidence (a link matched by its
 * identity or placement, an equal or close subject, a campaign's sender).
 * A version below MIN_MATCH_CONFIDENCE is no match at all.
 * Every contribution is listed in `reasons`, saying what actually matched.
 */
import { describeLink, identityOf } from '../utils/links/identity.ts';
import type { LinkDescription, LinkIdentity } from '../utils/links/identity.ts';
import { pairByPlacement } from '../utils/links/placement-match.ts';
import type { MatchCandidate, MatchRequest, MatchResult } from '../utils/api/types.ts';
import { MIN_MATCH_CONFIDENCE } from '../utils/api/match-rules.ts';
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

/** A link of either side, in the email's order. */
interface MatchLink {
  identity: LinkIdentity;
  text: string;
  ordinal: number;
}

/**
 * Links that identify a template: every web link (plain, personalised, or a
 * click-tracking link keyed by its provider's ids, so an email whose links are
 * all tracked still matches), not anchors, mailto/tel or relative hrefs.
 */
function isTrackable(description: LinkDescription): boolean {
  return (
    description.scheme === 'http' || (description.scheme === 'relative' && description.dynamic)
  );
}

function trackableLinks(
  hrefs: readonly string[],
  texts: readonly string[],
  base?: string,
): MatchLink[] {
  const links: MatchLink[] = [];
  hrefs.forEach((href, ordinal) => {
    const description = describeLink(href, base);
    if (isTrackable(description))
      links.push({ identity: identityOf(description), text: texts[ordinal] ?? '', ordinal });
  });
  return links;
}

interface LinkScore {
  score: number;
  matched: number;
  total: number;
  /** Per-reader tracking links paired by placement, and the evidence that paired them. */
  placed: number;
  evidence: Set<string>;
  /** Preview links equal to a placement (strong evidence). */
  exact: number;
  /** Weak evidence: links matched by a personalised placement's domain, and merge-tag stand-ins. */
  byDomain: number;
  standIns: number;
}

/**
 * Jaccard overlap of distinct links. A personalised placement with a known
 * domain matches a preview link on that domain; one that is only a merge tag
 * ({{action_url}}) can stand for any one otherwise unmatched preview link.
 * Per-reader tracking tokens never share a key across readers: they pair by
 * placement (utils/links/placement-match.ts) and count by the pair's
 * confidence, and only when text or alt agrees (order alone cannot tell two
 * templates of one ESP apart).
 */
function linkScore(
  previewLinks: MatchLink[],
  placementLinks: MatchLink[],
  corroborated: boolean,
): LinkScore {
  const preview = [
    ...new Map(
      previewLinks.filter((l) => !l.identity.perReader).map((l) => [l.identity.key, l.identity]),
    ).values(),
  ];
  const distinct = new Map(
    placementLinks.filter((l) => !l.identity.perReader).map((l) => [l.identity.key, l.identity]),
  );
  const statics = new Set([...distinct.values()].filter((p) => !p.dynamic).map((p) => p.key));
  const domains = new Set(
    [...distinct.values()].filter((p) => p.dynamic && p.domain).map((p) => p.domain),
  );
  const wildcards = [...distinct.values()].filter((p) => p.dynamic && !p.domain).length;
  let exact = 0;
  let byDomain = 0;
  let unmatched = 0;
  for (const p of preview) {
    if (statics.has(p.key)) exact++;
    else if (p.domain !== null && domains.has(p.domain)) byDomain++;
    else unmatched++;
  }
  const placed = placePerReader(previewLinks, placementLinks);
  // Weak evidence never matches alone: it counts only next to a strong match.
  const strong = exact + placed.pairs > 0 || corroborated;
  const standIns = strong ? Math.min(unmatched, wildcards) : 0;
  if (!strong) byDomain = 0;
  const matched = Math.min(distinct.size, exact + byDomain + standIns);
  const previewCount = preview.length + placed.previewCount;
  const total = distinct.size + placed.versionCount;
  const union = previewCount + total - matched - placed.pairs;
  const score = union === 0 ? 0 : (matched + placed.weight) / union;
  return {
    score,
    matched: matched + placed.pairs,
    total,
    placed: placed.pairs,
    evidence: placed.evidence,
    exact,
    byDomain,
    standIns,
  };
}

/** What matched, in words: exact links, then the weak kinds (named as such). */
function linkReason(links: LinkScore, previewCount: number, versionId: string): string {
  const weak = [
    links.byDomain > 0 ? `${links.byDomain} by a personalised link's domain` : '',
    links.standIns > 0 ? `${links.standIns} standing in for merge-tag-only links` : '',
  ].filter(Boolean);
  return (
    `${links.exact} of ${previewCount} preview links equal links of version ${versionId} ` +
    `(${links.total} distinct)${weak.length > 0 ? `; weak evidence: ${weak.join(', ')}` : ''}`
  );
}

function placePerReader(preview: MatchLink[], version: MatchLink[]) {
  const provider = (l: MatchLink) => l.identity.key.slice(0, l.identity.key.indexOf(':'));
  const previewPer = preview.filter((l) => l.identity.perReader);
  const versionPer = version.filter((l) => l.identity.perReader);
  const result = {
    pairs: 0,
    weight: 0,
    evidence: new Set<string>(),
    previewCount: previewPer.length,
    versionCount: versionPer.length,
  };
  for (const name of new Set(versionPer.map(provider))) {
    const rows = versionPer
      .filter((l) => provider(l) === name)
      .map((l) => ({ name: l.text, ordinal: l.ordinal }));
    const page = previewPer.filter((l) => provider(l) === name);
    for (const { proof } of pairByPlacement(rows, page)) {
      if (!proof.evidence.includes('text') && !proof.evidence.includes('alt')) continue;
      result.pairs++;
      result.weight += proof.confidence;
      for (const e of proof.evidence) result.evidence.add(e);
    }
  }
  return result;
}

export function matchPreview(
  request: MatchRequest,
  versions: TemplateVersion[],
  campaigns: StoredCampaign[],
): MatchResult {
  const preview = trackableLinks(request.hrefs, request.texts ?? [], request.base);
  const sender = request.sender ? emailOf(request.sender) : undefined;
  const candidates: MatchCandidate[] = versions.map((version) => {
    const placements = trackableLinks(
      version.placements.map((p) => p.url),
      version.placements.map((p) => p.text),
      request.base,
    );
    const subject = subjectScore(request.subject, version.subject);
    const own = campaigns
      .filter((c) => c.versionId === version.id)
      .sort((a, b) => b.sentAt - a.sentAt);
    const bySender = sender ? own.find((c) => c.sender && emailOf(c.sender) === sender) : undefined;
    const links = linkScore(preview, placements, subject >= 0.5 || bySender !== undefined);
    const reasons = [linkReason(links, preview.length, version.id)];
    if (links.placed > 0)
      reasons.push(
        `${links.placed} per-reader tracking links matched by placement (${[...links.evidence].join(', ')})`,
      );
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
  // Below the threshold a version is no match: not even listed (nothing to show on weak evidence).
  const top = candidates.slice(0, 5).filter((c) => c.confidence >= MIN_MATCH_CONFIDENCE);
  return { best: top[0] ?? null, candidates: top };
}
