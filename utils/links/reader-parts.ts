/**
 * The parts of a URL that name one reader (per redirect format, as data in
 * the format tables: RedirectFormat.readerParams / readerAddresses). An ESP's
 * report lists a link once for all readers, so a received copy's identity
 * must not carry them: Substack's referral code r=, Mailgun's email=, an
 * unsubscribe token that is the reader's address in base64…
 */
import { base64ToText } from './codec.ts';
import type { RedirectFormat } from './format-kit.ts';
import { removeParams, safeDecode } from './normalise.ts';

const ADDRESS = /[^\s@/?#&=]+@[^\s@/?#&=]+\.[a-z]{2,}/i;

/** The value is an email address, or base64(url) of text holding one. */
export function holdsAddress(value: string): boolean {
  if (ADDRESS.test(value)) return true;
  if (value.length < 8 || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(value)) return false;
  return ADDRESS.test(base64ToText(value) ?? '');
}

/** Path segments that hold an address are removed (with the parameters, below). */
function withoutAddressSegments(href: string): string {
  const match = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)([^?#]*)(.*)$/i.exec(href);
  if (!match) return href;
  const [, origin = '', path = '', rest = ''] = match;
  const segments = path.split('/').filter((segment) => !holdsAddress(safeDecode(segment)));
  return `${origin}${segments.join('/')}${rest}`;
}

export function dropReaderParts(
  href: string,
  format: Pick<RedirectFormat, 'readerParams' | 'readerAddresses'>,
): string {
  const names = new Set(format.readerParams?.map((name) => name.toLowerCase()) ?? []);
  if (names.size === 0 && !format.readerAddresses) return href;
  const stripped = removeParams(
    href,
    (name, value) =>
      names.has(name.toLowerCase()) || (format.readerAddresses === true && holdsAddress(value)),
  );
  return format.readerAddresses ? withoutAddressSegments(stripped) : stripped;
}
