/**
 * URL facts about a frame: which host it belongs to (about:blank and srcdoc
 * frames inherit their parent's origin, sandboxed ones have origin "null"),
 * host-pattern matching, and URL-rule matching. Never throws on junk URLs.
 */
import type { FrameInfo, UrlRule } from './types.ts';

function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

function isHttp(url: URL): boolean {
  return url.protocol === 'http:' || url.protocol === 'https:';
}

/** Host the frame's content belongs to, lower-cased; '' when unknown (opaque origin). */
export function frameHost(frame: FrameInfo): string {
  const url = parseUrl(frame.url);
  if (url && isHttp(url)) return url.hostname.toLowerCase();
  const origin = parseUrl(frame.origin);
  if (origin && isHttp(origin)) return origin.hostname.toLowerCase();
  return '';
}

/** 'a.b' matches exactly; '*.a.b' matches a.b and any subdomain of it. */
export function hostMatches(host: string, patterns: readonly string[]): boolean {
  if (!host) return false;
  return patterns.some((pattern) => {
    const p = pattern.toLowerCase();
    if (!p.startsWith('*.')) return host === p;
    const apex = p.slice(2);
    return host === apex || host.endsWith(`.${apex}`);
  });
}

/** Path + query of an http(s) frame URL; null for about:, data:, junk. */
export function framePathAndQuery(frame: FrameInfo): string | null {
  const url = parseUrl(frame.url);
  return url && isHttp(url) ? url.pathname + url.search : null;
}

export function urlMatches(frame: FrameInfo, rules: readonly UrlRule[]): UrlRule | null {
  const path = framePathAndQuery(frame);
  if (path === null) return null;
  return rules.find((rule) => rule.pattern.test(path)) ?? null;
}

/** Extension pages (our own UI in a frame, other extensions) are never previews. */
export function isExtensionUrl(url: string): boolean {
  return /^(chrome|moz|safari-web)-extension:/i.test(url);
}
