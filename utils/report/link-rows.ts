/**
 * Which report row a click belongs to. Rows are keyed by the placement id
 * (linkId) when the event has one, else by the link identity of the authored
 * URL (utils/links/identity.ts, the same normaliser the page uses). A
 * personalised URL without a linkId (merge tags) is counted by its FINAL
 * domain: row key `domain:<final host>`.
 */
import type { LinkIdentity } from '../links/identity.ts';
import type { ClickEvent } from './model.ts';
import type { Identify } from './options.ts';

export interface ClickRowRef {
  rowKey: string;
  linkId: string | null;
  /** URL as authored (from the event). */
  url: string;
  /** Identity key of the authored URL. */
  key: string;
  /** Host of the authored URL. */
  domain: string | null;
  /** The authored URL holds merge tags. */
  templateDynamic: boolean;
}

/** Memo size bound: authored URLs repeat, personalised final URLs may not. */
const MEMO_LIMIT = 50_000;

export class LinkRowResolver {
  readonly #identify: Identify;
  readonly #identities = new Map<string, LinkIdentity>();
  readonly #domains = new Map<string, string | null>();

  constructor(identify: Identify) {
    this.#identify = identify;
  }

  rowOf(click: Pick<ClickEvent, 'linkId' | 'url' | 'finalUrl'>): ClickRowRef {
    const identity = this.identity(click.url);
    const base = {
      url: click.url,
      key: identity.key,
      domain: identity.domain,
      templateDynamic: identity.dynamic,
    };
    if (click.linkId !== undefined && click.linkId !== '') {
      return { rowKey: click.linkId, linkId: click.linkId, ...base };
    }
    if (identity.dynamic) {
      const domain = this.finalDomain(click.finalUrl) ?? identity.domain;
      return { rowKey: domain ? `domain:${domain}` : identity.key, linkId: null, ...base };
    }
    return { rowKey: identity.key, linkId: null, ...base };
  }

  identity(href: string): LinkIdentity {
    let identity = this.#identities.get(href);
    if (!identity) {
      identity = this.#identify(href);
      remember(this.#identities, href, identity);
    }
    return identity;
  }

  /** Lower-cased host of a final URL, or null when absent / unparsable. */
  finalDomain(finalUrl: string | undefined): string | null {
    if (!finalUrl) return null;
    let domain = this.#domains.get(finalUrl);
    if (domain === undefined) {
      domain = this.#identify(finalUrl).domain;
      remember(this.#domains, finalUrl, domain);
    }
    return domain;
  }
}

function remember<V>(memo: Map<string, V>, key: string, value: V): void {
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, value);
}
