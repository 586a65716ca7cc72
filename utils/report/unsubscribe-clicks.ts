/**
 * List-Unsubscribe presses as clicks. Altcraft: "All clicks are counted,
 * including unsubscribe link clicks that may have been performed through email
 * client buttons." A press of the mail client's button (List-Unsubscribe header,
 * mailto or RFC 8058 one-click) is therefore counted as a click on the
 * unsubscribe link's row of the campaign's version, and in unsubscribed.
 * The link is the event's own linkId when it names one, else the version's
 * (first) unsubscribe placement; with neither, the press has its own row
 * (`list-unsubscribe`, row-keys.ts).
 */
import type { Campaign, EmailEvent, TemplateVersion, UnsubscribeEvent } from './model.ts';

export interface UnsubscribeLink {
  linkId: string;
  url: string;
}

/** campaignId → the unsubscribe placement of its version. */
export type UnsubscribeLinks = ReadonlyMap<string, UnsubscribeLink>;

/** What a List-Unsubscribe press clicks (a ClickEvent's link fields). */
export interface ClickTarget {
  linkId?: string;
  url: string;
  finalUrl?: string;
  /** A List-Unsubscribe press rather than a click in the body. */
  listUnsubscribe?: true;
}

export function unsubscribeLinksOf(
  campaigns: readonly Campaign[],
  versions: readonly TemplateVersion[],
): Map<string, UnsubscribeLink> {
  const byVersion = new Map<string, UnsubscribeLink>();
  for (const version of versions) {
    const placement = [...version.placements]
      .sort((a, b) => a.ordinal - b.ordinal)
      .find((p) => p.kind === 'unsubscribe');
    if (placement) byVersion.set(version.id, { linkId: placement.linkId, url: placement.url });
  }
  const links = new Map<string, UnsubscribeLink>();
  for (const campaign of campaigns) {
    const link = byVersion.get(campaign.versionId);
    if (link) links.set(campaign.id, link);
  }
  return links;
}

/** The click a List-Unsubscribe press counts as; null for other unsubscribe methods. */
export function listUnsubscribeClick(
  campaignId: string,
  method: UnsubscribeEvent['method'],
  linkId: string | undefined,
  links: UnsubscribeLinks,
): ClickTarget | null {
  if (method !== 'list-unsubscribe') return null;
  const known = links.get(campaignId);
  if (linkId)
    return { linkId, url: known?.linkId === linkId ? known.url : '', listUnsubscribe: true };
  return known ? { ...known, listUnsubscribe: true } : { url: '', listUnsubscribe: true };
}

/** What an event clicks: a click's own link, a List-Unsubscribe press's unsubscribe link, else null. */
export function clickTargetOf(event: EmailEvent, links: UnsubscribeLinks): ClickTarget | null {
  if (event.type === 'click') return event;
  if (event.type !== 'unsubscribe') return null;
  return listUnsubscribeClick(event.campaignId, event.method, event.linkId, links);
}
