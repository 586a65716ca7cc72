/**
 * Recursive unwrapping of redirect chains (Safe Links → beehiiv, Mailgun →
 * listmonk…) with the format table. Stops at the first URL no format
 * recognises (the destination), at an opaque tracking link, or after
 * MAX_DEPTH hops (a hostile self-referencing chain cannot loop).
 */
import { cleanHref } from './clean.ts';
import { dropReaderParts } from './reader-parts.ts';
import { applyRedirectFormats } from './redirect-formats.ts';

const MAX_DEPTH = 8;

export interface OpaqueLink {
  provider: string;
  /** Provider-scoped key (`mailchimp:<u>:<id>`), the same for every recipient. */
  key: string;
  /** Provider ids decoded from the link (listmonk link/campaign/subscriber…). */
  ids: Record<string, string>;
  /** Destination host when the link reveals it (Mimecast ?domain=). */
  domain: string | null;
  /** The token differs per recipient (RedirectFormat.perReader): match by placement. */
  perReader: boolean;
}

export interface UnwrapResult {
  /** The recovered destination, or the innermost tracking link when it is opaque. */
  url: string;
  /** Provider ids of the hops, outermost first. */
  chain: string[];
  opaque: OpaqueLink | null;
}

/**
 * Invisible characters (clean.ts), HTML-escaped ampersands from copied source,
 * and a doubled scheme ("https://https://host").
 */
export function repairHref(href: string): string {
  return cleanHref(href)
    .replace(/&amp;/gi, '&')
    .replace(/^(?:https?:\/\/)+(https?:\/\/)/i, '$1');
}

function parseAbsolute(href: string): URL | null {
  if (!/^https?:\/\//i.test(href)) return null;
  try {
    return new URL(href);
  } catch {
    return null;
  }
}

export function unwrapLink(href: string): UnwrapResult {
  let current = repairHref(href);
  const chain: string[] = [];
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const url = parseAbsolute(current);
    const applied = url ? applyRedirectFormats(url, current) : null;
    if (!applied) break;
    const { format, outcome } = applied;
    chain.push(format.id);
    if (outcome.kind === 'opaque') {
      const { key, ids, domain } = outcome;
      const perReader = format.perReader === true;
      return { url: current, chain, opaque: { provider: format.id, key, ids, domain, perReader } };
    }
    current = dropReaderParts(repairHref(outcome.url), format);
    if (outcome.kind === 'cleaned') break;
  }
  return { url: current, chain, opaque: null };
}
