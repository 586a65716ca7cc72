/**
 * Decoders for redirect tokens that embed the original URL (one per encoding
 * scheme). Each returns the recovered URL or null; never throws.
 */
import {
  base64ToBytes,
  base64ToJson,
  base64ToText,
  bytesToUtf8,
  parseJsonObject,
} from './codec.ts';
import { inflateZlib } from './inflate.ts';
import { safeDecode } from './normalise.ts';
import { phpUnserialize } from './php-serialize.ts';

function asHttpUrl(value: unknown): string | null {
  return typeof value === 'string' && /^https?:\/\//i.test(value) ? value : null;
}

/** A destination written without a scheme ("www.host.tld/path") is an https link. */
function asWebUrl(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const target = value.trim();
  return (
    asHttpUrl(target) ??
    (/^[a-z0-9.-]+\.[a-z]{2,}(?::\d+)?([/?#]|$)/i.test(target) ? `https://${target}` : null)
  );
}

/** Query parameter already percent-decoded once by URLSearchParams (nested encodings stay). */
export function fromParam(url: URL, ...names: string[]): string | null {
  for (const name of names) {
    const value = url.searchParams.get(name);
    if (value) return value;
  }
  return null;
}

/** Proofpoint v2: "-" stands for "%" and "_" for "/", then percent-decode. */
export function decodeProofpointV2(encoded: string): string {
  return safeDecode(encoded.replace(/-/g, '%').replace(/_/g, '/'));
}

const PROOFPOINT_RUN_LENGTHS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * Proofpoint v3: each "*" in the URL takes the next character of the base64url
 * string after "__;"; "**X" takes a run whose length is X's index + 2.
 */
export function decodeProofpointV3(href: string): string | null {
  const match = /\/v3\/__(.+?)__;([A-Za-z0-9_-]*)!!/.exec(href);
  if (!match) return null;
  const [, template = '', encoded = ''] = match;
  const bytes = base64ToBytes(encoded);
  if (bytes === null) return null;
  const chars = [...bytesToUtf8(bytes)];
  let next = 0;
  return template.replace(/\*(\*.)?/g, (token: string) => {
    const run = token.length === 3 ? PROOFPOINT_RUN_LENGTHS.indexOf(token.charAt(2)) + 2 : 1;
    const replacement = chars.slice(next, next + run).join('');
    next += run;
    return replacement;
  });
}

/** Mandrill: base64 JSON in `p` whose own `p` is a JSON string holding `url`. */
export function decodeMandrill(url: URL): string | null {
  const outer = base64ToJson(url.searchParams.get('p') ?? '');
  const inner = typeof outer?.p === 'string' ? parseJsonObject(outer.p) : null;
  return asHttpUrl(inner?.url);
}

/** Mailgun: zlib + base64url query string whose `l` is the original URL. */
export function decodeMailgun(token: string): string | null {
  const bytes = base64ToBytes(token);
  const inflated = bytes ? inflateZlib(bytes) : null;
  if (!inflated) return null;
  return asWebUrl(new URLSearchParams(bytesToUtf8(inflated)).get('l'));
}

/** Mailjet: the last path segment is the base64url original URL. */
export function decodeMailjet(segment: string): string | null {
  return asHttpUrl(base64ToText(segment));
}

/** Substack: JWT-like "<base64 JSON>.<signature>", destination in `e`. */
export function decodeSubstack(payload: string): string | null {
  return asHttpUrl(base64ToJson(payload)?.e);
}

/** Amazon SES /L0/ and /CL0/: the segment is the percent-encoded original. */
export function decodeSesSegment(segment: string): string | null {
  return asHttpUrl(safeDecode(segment));
}

/** Mautic `ct`: base64(PHP serialize(array)) → email / contact (lead) / stat ids. */
export function decodeMauticClickthrough(ct: string | null): Record<string, string> {
  const value = ct ? phpUnserialize(base64ToText(ct) ?? '') : undefined;
  const ids: Record<string, string> = {};
  if (!value || typeof value !== 'object') return ids;
  for (const field of ['email', 'lead', 'stat']) {
    const id = value[field];
    if (typeof id === 'string' || typeof id === 'number') ids[field] = String(id);
  }
  return ids;
}

/** Postmark: the segment is the percent-encoded target without its scheme. */
export function decodePostmark(segment: string): string | null {
  const target = safeDecode(segment);
  return /^https?:/i.test(target) ? null : asWebUrl(target);
}
