/**
 * Which report row a click belongs to: the rule is row-keys.ts; this resolves
 * a click's URLs through the link normaliser (utils/links/identity.ts, the
 * same the page uses) with bounded memos.
 */
import type { LinkIdentity } from '../links/identity.ts';
import type { Identify } from './options.ts';
import { rowKeyOf } from './row-keys.ts';
import type { ClickTarget } from './unsubscribe-clicks.ts';

export interface ClickRowRef {
  rowKey: string;
  /** The row's placement id (null for final-domain and URL rows). */
  linkId: string | null;
  /** The click's own link id, also when its row is a final domain (names such a row). */
  sourceLinkId: string | null;
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

  rowOf(click: ClickTarget): ClickRowRef {
    const identity = this.identity(click.url);
    const finalDomain = identity.dynamic ? this.finalDomain(click.finalUrl) : null;
    return {
      ...rowKeyOf(click.linkId, identity, finalDomain, click.listUnsubscribe),
      sourceLinkId: click.linkId || null,
      url: click.url,
      key: identity.key,
      domain: identity.domain,
      templateDynamic: identity.dynamic,
    };
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
