/**
 * Matching an email received in webmail to its campaign. Where the
 * provider's link format carries the campaign (listmonk links: campaign
 * UUID; Mautic `ct`: email id; Mailchimp destinations: `mc_cid`; Mailchimp
 * unsubscribe page: `c`), the links are decoded after unwrapping security
 * rewrites (utils/links). Otherwise the result is the lookup request for the
 * source's match endpoint (links, subject, sender).
 */
import type { MatchRequest } from '../api/index.ts';
import { unwrapLink } from '../links/unwrap.ts';

export type CampaignRef =
  | { provider: 'mailchimp'; campaignId: string }
  | { provider: 'listmonk'; campaignUuid: string }
  | { provider: 'mautic'; emailId: string };

export interface DecodedCampaign {
  kind: 'decoded';
  ref: CampaignRef;
  /** Links that named this campaign, and how many named another one (forwarded mail, digests). */
  votes: number;
  conflicting: number;
  /** First link that named it, and the rule that read it. */
  evidence: { href: string; via: string };
}

export interface CampaignLookup {
  kind: 'lookup';
  request: MatchRequest;
}

export type CampaignMatch = DecodedCampaign | CampaignLookup;

export interface ReceivedEmail {
  hrefs: readonly string[];
  subject?: string;
  sender?: string;
  base?: string;
}

interface Decoded {
  ref: CampaignRef;
  via: string;
}

function fromOpaque(provider: string, ids: Record<string, string>): Decoded | null {
  if (provider === 'listmonk' && ids.campaign) {
    return {
      ref: { provider: 'listmonk', campaignUuid: ids.campaign.toLowerCase() },
      via: 'listmonk-link-uuid',
    };
  }
  if (provider === 'mautic' && ids.email) {
    return { ref: { provider: 'mautic', emailId: ids.email }, via: 'mautic-ct-email' };
  }
  return null;
}

function fromDestination(url: URL): Decoded | null {
  const mcCid = url.searchParams.get('mc_cid');
  if (mcCid && /^[0-9a-f]{10}$/i.test(mcCid)) {
    return { ref: { provider: 'mailchimp', campaignId: mcCid }, via: 'mailchimp-mc_cid' };
  }
  const isMailchimpPage =
    /(^|\.)list-manage\d*\.com$/i.test(url.hostname) && /^\/unsubscribe\b/.test(url.pathname);
  const c = url.searchParams.get('c');
  if (isMailchimpPage && c && /^[0-9a-f]{10}$/i.test(c)) {
    return { ref: { provider: 'mailchimp', campaignId: c }, via: 'mailchimp-unsubscribe-c' };
  }
  return null;
}

/** The campaign one link names, if its format carries one. */
export function decodeCampaignRef(href: string): Decoded | null {
  const unwrapped = unwrapLink(href);
  if (unwrapped.opaque) return fromOpaque(unwrapped.opaque.provider, unwrapped.opaque.ids);
  try {
    return fromDestination(new URL(unwrapped.url));
  } catch {
    return null;
  }
}

/** The id a ref carries (the provider's campaign id, or listmonk's campaign UUID). */
export function campaignRefId(ref: CampaignRef): string {
  return ref.provider === 'mailchimp'
    ? ref.campaignId
    : ref.provider === 'listmonk'
      ? ref.campaignUuid
      : ref.emailId;
}

const refKey = (ref: CampaignRef): string =>
  ref.provider === 'mailchimp'
    ? `mailchimp:${ref.campaignId}`
    : ref.provider === 'listmonk'
      ? `listmonk:${ref.campaignUuid}`
      : `mautic:${ref.emailId}`;

/** Links worth sending to a match endpoint: distinct, not empty, not in-page anchors. */
function lookupHrefs(hrefs: readonly string[]): string[] {
  const kept = hrefs.map((h) => h.trim()).filter((h) => h !== '' && !h.startsWith('#'));
  return [...new Set(kept)];
}

export function matchCampaign(email: ReceivedEmail): CampaignMatch {
  const tally = new Map<string, { decoded: Decoded; href: string; votes: number }>();
  for (const href of email.hrefs) {
    const decoded = decodeCampaignRef(href);
    if (!decoded) continue;
    const key = refKey(decoded.ref);
    const entry = tally.get(key);
    if (entry) entry.votes++;
    else tally.set(key, { decoded, href, votes: 1 });
  }
  const ranked = [...tally.values()].sort((a, b) => b.votes - a.votes);
  const best = ranked[0];
  if (best) {
    const total = ranked.reduce((sum, entry) => sum + entry.votes, 0);
    return {
      kind: 'decoded',
      ref: best.decoded.ref,
      votes: best.votes,
      conflicting: total - best.votes,
      evidence: { href: best.href, via: best.decoded.via },
    };
  }
  const request: MatchRequest = { hrefs: lookupHrefs(email.hrefs) };
  if (email.subject) request.subject = email.subject;
  if (email.sender) request.sender = email.sender;
  if (email.base) request.base = email.base;
  return { kind: 'lookup', request };
}
