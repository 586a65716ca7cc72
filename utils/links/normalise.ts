/**
 * URL normalisation for link identity: two spellings of one destination give
 * one string. Scheme/host case, default ports, credentials, trailing slash,
 * fragment, percent-encoding case, parameter order and tracking parameters
 * are not part of a link's identity; everything else is kept.
 */
import { isTrackingParam } from './tracking-params.ts';

const UNRESERVED = /[A-Za-z0-9\-._~]/;

/** Decode escapes of unreserved characters and upper-case the rest (RFC 3986 §6.2.2). */
function normalisePercentEncoding(text: string): string {
  return text.replace(/%([0-9a-fA-F]{2})/g, (_m, hex: string) => {
    const char = String.fromCharCode(parseInt(hex, 16));
    return UNRESERVED.test(char) ? char : `%${hex.toUpperCase()}`;
  });
}

function normalisePath(pathname: string): string {
  const path = normalisePercentEncoding(pathname).replace(/\/+$/, '');
  return path === '' ? '/' : path;
}

/** Parameters sorted by name then value; tracking ones removed. */
function normaliseQuery(search: string): string {
  const kept = [...new URLSearchParams(search)].filter(([name]) => !isTrackingParam(name));
  if (kept.length === 0) return '';
  kept.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  return `?${new URLSearchParams(kept).toString()}`;
}

/** Hash routes (#/settings, #!/x) address a page in single-page apps; plain fragments do not. */
function keptFragment(hash: string): string {
  return hash.startsWith('#/') || hash.startsWith('#!') ? hash : '';
}

/** Key form of an http(s) URL. */
export function normaliseHttpUrl(url: URL): string {
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  const port = url.port ? `:${url.port}` : '';
  return `${url.protocol}//${host}${port}${normalisePath(url.pathname)}${normaliseQuery(url.search)}${keptFragment(url.hash)}`;
}

/** mailto: addresses lower-cased and sorted; subject/body kept (they distinguish links). */
export function normaliseMailto(href: string): string {
  const [addressPart = '', query = ''] = href.slice('mailto:'.length).split('?', 2);
  const addresses = safeDecode(addressPart)
    .split(',')
    .map((address) => address.trim().toLowerCase())
    .filter(Boolean)
    .sort();
  return `mailto:${addresses.join(',')}${normaliseQuery(query)}`;
}

/** tel: digits and a leading + only ("+1 (555) 010-0000" ≡ "+15550100000"). */
export function normaliseTel(href: string): string {
  const number = safeDecode(href.slice('tel:'.length)).replace(/[^\d+*#]/g, '');
  return `tel:${number}`;
}

/**
 * Remove tracking parameters from a URL string without touching anything else
 * (order, encoding, fragment): the "clean" URL a user would recognise.
 */
export function removeTrackingParams(href: string): string {
  return removeParams(href, (name) => isTrackingParam(name));
}

/** Remove the query parameters `drop` names (decoded name and value), leaving the rest as written. */
export function removeParams(href: string, drop: (name: string, value: string) => boolean): string {
  const hashAt = href.indexOf('#');
  const fragment = hashAt >= 0 ? href.slice(hashAt) : '';
  const beforeHash = hashAt >= 0 ? href.slice(0, hashAt) : href;
  const queryAt = beforeHash.indexOf('?');
  if (queryAt < 0) return href;
  const kept = beforeHash
    .slice(queryAt + 1)
    .split('&')
    .filter((pair) => {
      if (pair === '') return false;
      const at = pair.indexOf('=');
      const name = at < 0 ? pair : pair.slice(0, at);
      const value = at < 0 ? '' : pair.slice(at + 1);
      return !drop(safeDecode(name), safeDecode(value));
    });
  const query = kept.length > 0 ? `?${kept.join('&')}` : '';
  return `${beforeHash.slice(0, queryAt)}${query}${fragment}`;
}

export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
