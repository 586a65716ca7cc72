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
/** Drop per-recipient parameters so every recipient's copy of the page link is one link. */
export function cleaned(url: URL, recipientParams: string[]): RedirectOutcome {
  const copy = new URL(url.href);
  for (const name of recipientParams) copy.searchParams.delete(name);
  return { kind: 'cleaned', url: copy.href };
}

export function pick(url: URL, ...names: string[]): Record<string, string> {
  const ids: Record<string, string> = {};
  for (const name of names) {
    const value = url.searchParams.get(name);
    if (value !== null) ids[name] = value;
  }
  return ids;
}
