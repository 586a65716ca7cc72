/**
 * Row keys: which report row a click belongs to, in one place for every path
 * (both counting cores, the server's aggregates, the naive oracle's reading).
 *
 * Altcraft: "Clicks on individual links (in the table) - unique clicks for each
 * specific link" and "Dynamic links - for personalized URLs, statistics are
 * collected by the final domain, not by the original link template". So:
 * - a personalised authored URL (merge tags) → `domain:<host of the final URL>`
 *   (the authored host when no final URL is known), with or without a link id;
 * - else the placement id → `link:<linkId>`;
 * - else the link identity of the authored URL → `url:<identity key>`;
 * - a List-Unsubscribe press whose unsubscribe link is unknown → `list-unsubscribe`.
 * Every key carries its kind as a prefix, so keys never collide whatever a link
 * id contains (a link id `domain:shop.example` is `link:domain:shop.example`).
 */
import type { LinkIdentity } from '../links/identity.ts';

export const LIST_UNSUBSCRIBE_ROW = 'list-unsubscribe';
const LINK = 'link:';
const URL_KEY = 'url:';
const DOMAIN = 'domain:';

export interface RowKeyed {
  rowKey: string;
  /** The row's placement id: null for final-domain and URL rows. */
  linkId: string | null;
}

export function rowKeyOf(
  linkId: string | undefined,
  identity: LinkIdentity,
  finalDomain: string | null,
  listUnsubscribe = false,
): RowKeyed {
  const placed = linkId !== undefined && linkId !== '';
  if (identity.dynamic) {
    const domain = finalDomain ?? identity.domain;
    if (domain) return { rowKey: DOMAIN + domain, linkId: null };
  }
  if (placed) return { rowKey: LINK + linkId, linkId };
  if (listUnsubscribe) return { rowKey: LIST_UNSUBSCRIBE_ROW, linkId: null };
  return { rowKey: URL_KEY + identity.key, linkId: null };
}

/** The row key of a placement (its zero row when nothing was clicked on it). */
export function placementRowKey(linkId: string): string {
  return LINK + linkId;
}

/** The host of a final-domain row, else null. */
export function domainOfRowKey(rowKey: string): string | null {
  return rowKey.startsWith(DOMAIN) ? rowKey.slice(DOMAIN.length) : null;
}
