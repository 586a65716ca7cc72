/**
 * Shared vocabulary of the redirect-format tables: the outcome of applying a
 * format to a link, and small constructors for those outcomes.
 */

export type RedirectOutcome =
  | { kind: 'unwrapped'; url: string }
  | { kind: 'cleaned'; url: string }
  | { kind: 'opaque'; key: string; ids: Record<string, string>; domain: string | null };

export interface RedirectFormat {
  /** Short provider id, also the prefix of opaque keys. */
  id: string;
  host?: RegExp;
  path?: RegExp;
  /** `path` match is passed in; null: the token did not decode (format not applied). */
  apply(url: URL, match: RegExpExecArray | null, href: string): RedirectOutcome | null;
  /**
   * Parameters that name the reader in the URL this format yields (the
   * destination once unwrapped, the page itself once cleaned): the ESP's own
   * report lists the link without them, so identity drops them.
   */
  readerParams?: readonly string[];
  /**
   * Also drop any parameter or path segment of that URL whose value is, or
   * base64-encodes, an email address (unsubscribe tokens holding the reader).
   */
  readerAddresses?: boolean;
  /**
   * The opaque token differs per recipient by design: two readers' copies of
   * one link never share a key, so they are matched by placement instead.
   */
  perReader?: boolean;
}

export const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

export const unwrapped = (url: string | null): RedirectOutcome | null =>
  url ? { kind: 'unwrapped', url } : null;
export const opaque = (
  key: string,
  ids: Record<string, string> = {},
  domain: string | null = null,
): RedirectOutcome => ({
  kind: 'opaque',
  key,
  ids,
  domain,
});
/** A provider page, not a redirect: kept, minus the format's readerParams (see unwrap.ts). */
export const cleaned = (url: URL): RedirectOutcome => ({ kind: 'cleaned', url: url.href });

export function pick(url: URL, ...names: string[]): Record<string, string> {
  const ids: Record<string, string> = {};
  for (const name of names) {
    const value = url.searchParams.get(name);
    if (value !== null) ids[name] = value;
  }
  return ids;
}
