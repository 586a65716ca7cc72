/**
 * The table of redirect / security-gateway / ESP click-tracking link formats,
 * from ../shared/corpus/tracking-links.json: data, not a chain of ifs. A
 * format either recovers the original URL ("unwrapped", then unwrapping
 * continues for chains), strips the per-recipient parts of a provider page
 * ("cleaned"), or, when the destination lives only on the provider's server,
 * names the link by the provider's own ids ("opaque"). Host-specific and
 * path-only formats do not overlap, so recoverable ones simply come first.
 */
import type { RedirectOutcome, RedirectFormat } from './format-kit.ts';
import { OPAQUE_FORMATS } from './opaque-formats.ts';
import { RECOVERABLE_FORMATS } from './recoverable-formats.ts';

export type { RedirectFormat, RedirectOutcome } from './format-kit.ts';

export const REDIRECT_FORMATS: readonly RedirectFormat[] = [
  ...RECOVERABLE_FORMATS,
  ...OPAQUE_FORMATS,
];
/** First format whose host and path match and whose decoder succeeds. */
export function applyRedirectFormats(
  url: URL,
  href: string,
): { format: RedirectFormat; outcome: RedirectOutcome } | null {
  const host = url.hostname.toLowerCase();
  for (const format of REDIRECT_FORMATS) {
    if (format.host && !format.host.test(host)) continue;
    const match = format.path ? format.path.exec(url.pathname) : null;
    if (format.path && !match) continue;
    const outcome = format.apply(url, match, href);
    if (outcome) return { format, outcome };
  }
  return null;
}
