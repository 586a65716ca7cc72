/**
 * Link identity: one key per "same link" for both the page (extension) and the
 * report (server), so report rows and link placements can be matched.
 * Order: unwrap redirects → drop tracking parameters → personalised? (key by
 * final domain) → normalise. Pure: runs in node and in the extension.
 */
import { cleanHref } from './clean.ts';
import { findMergeTags } from './merge-tags.ts';
import {
  normaliseHttpUrl,
  normaliseMailto,
  normaliseTel,
  removeTrackingParams,
} from './normalise.ts';
import { unwrapLink, type OpaqueLink } from './unwrap.ts';

export interface LinkIdentity {
  key: string;
  dynamic: boolean;
  domain: string | null;
  /**
   * Set (true) only for opaque tracking links whose token differs per
   * recipient: their key cannot match another reader's copy, their placement
   * can (placement-match.ts).
   */
  perReader?: true;
}

export type LinkScheme = 'http' | 'mailto' | 'tel' | 'anchor' | 'unsafe' | 'other' | 'relative';

export interface LinkDescription extends LinkIdentity {
  scheme: LinkScheme;
  /** Destination after unwrapping, tracking parameters removed (href itself when nothing applied). */
  url: string;
  /** Redirect providers unwrapped, outermost first. */
  chain: string[];
  opaque: OpaqueLink | null;
  mergeTags: string[];
}

/** Keys longer than this are shortened with a hash (a 1 MB data: URL must not become a 1 MB key). */
const MAX_KEY_LENGTH = 2048;
const UNSAFE_SCHEME = /^\s*(javascript|vbscript|data|file):/i;

export function linkIdentity(href: string, base?: string): LinkIdentity {
  return identityOf(describeLink(href, base));
}

/** The identity part of a description (perReader only when set). */
export function identityOf({ key, dynamic, domain, opaque }: LinkDescription): LinkIdentity {
  return opaque?.perReader ? { key, dynamic, domain, perReader: true } : { key, dynamic, domain };
}

export function describeLink(href: string, base?: string): LinkDescription {
  // One cleaning step for page and server: NUL, tabs, zero-width… (clean.ts).
  const raw = cleanHref(href);
  const scheme = schemeOf(raw);
  if (scheme === 'unsafe' || scheme === 'anchor' || scheme === 'other') {
    return plain(
      scheme,
      raw,
      bounded(scheme === 'other' ? raw.replace(/^[a-z+.-]+:/i, (s) => s.toLowerCase()) : raw),
    );
  }
  if (scheme === 'mailto' || scheme === 'tel') {
    const tags = findMergeTags(raw);
    if (tags.length > 0)
      return { ...plain(scheme, raw, bounded(`dynamic:${raw}`)), dynamic: true, mergeTags: tags };
    return plain(
      scheme,
      raw,
      bounded(scheme === 'mailto' ? normaliseMailto(raw) : normaliseTel(raw)),
    );
  }
  return describeWebLink(absolutise(raw, base));
}

function describeWebLink(href: string): LinkDescription {
  const unwrapped = unwrapLink(href);
  const { chain, opaque } = unwrapped;
  const url = removeTrackingParams(unwrapped.url);
  const mergeTags = findMergeTags(url);
  const parsed = parse(url);
  const host = parsed && !findMergeTags(parsed.host).length ? parsed.hostname.toLowerCase() : null;
  const scheme: LinkScheme = parsed ? 'http' : 'relative';
  if (opaque)
    return {
      key: bounded(opaque.key),
      dynamic: false,
      domain: opaque.domain,
      scheme,
      url,
      chain,
      opaque,
      mergeTags,
    };
  if (mergeTags.length > 0) {
    const key = host ? `domain:${host}` : `dynamic:${url}`;
    return {
      key: bounded(key),
      dynamic: true,
      domain: host,
      scheme,
      url,
      chain,
      opaque,
      mergeTags,
    };
  }
  const key = parsed ? normaliseHttpUrl(parsed) : url;
  return { key: bounded(key), dynamic: false, domain: host, scheme, url, chain, opaque, mergeTags };
}

function schemeOf(raw: string): LinkScheme {
  if (UNSAFE_SCHEME.test(raw)) return 'unsafe';
  if (raw.startsWith('#')) return 'anchor';
  if (/^mailto:/i.test(raw)) return 'mailto';
  if (/^tel:/i.test(raw)) return 'tel';
  if (/^https?:/i.test(raw) || !/^[a-z][a-z0-9+.-]*:/i.test(raw)) return 'http';
  return 'other';
}

function plain(scheme: LinkScheme, url: string, key: string): LinkDescription {
  return { key, dynamic: false, domain: null, scheme, url, chain: [], opaque: null, mergeTags: [] };
}

/** Resolve against base; protocol-relative links default to https. Unresolvable stays as written. */
function absolutise(raw: string, base: string | undefined): string {
  if (/^https?:\/\//i.test(raw)) return raw;
  if (raw.startsWith('//')) return `${base ? new URL(base).protocol : 'https:'}${raw}`;
  if (!base || findMergeTags(raw).length > 0) return raw;
  try {
    return new URL(raw, base).href;
  } catch {
    return raw;
  }
}

function parse(url: string): URL | null {
  if (!/^https?:\/\//i.test(url)) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

function bounded(key: string): string {
  return key.length <= MAX_KEY_LENGTH ? key : `${key.slice(0, 256)}…#${hash(key)}`;
}

/** cyrb53: fast, well-distributed 53-bit string hash (not cryptographic). */
function hash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
