/**
 * When a match is a match: the one threshold the reference server applies
 * to POST /v1/match and the extension applies again to whatever server it
 * talks to. Below it, the panel says that no campaign matched (a report on
 * weak evidence would show one campaign's numbers on another email).
 */
import { t, uiLocale } from '../i18n/i18n.ts';

export const MIN_MATCH_CONFIDENCE = 0.25;

/** The reason shown when the best candidate is below the threshold (no template named). */
export function belowThresholdReason(confidence: number): string {
  const score = new Intl.NumberFormat(uiLocale(), {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
    // Down: a score just under the threshold must not read as the threshold itself.
    roundingMode: 'floor',
  });
  return t('clickmapBelowThreshold', score.format(confidence), score.format(MIN_MATCH_CONFIDENCE));
}

/**
 * What one match request carries at most: real newsletters have a few
 * hundred links and tracking URLs of a few kB. Links beyond these bounds are
 * left out of matching (client and server), never a reason to refuse it:
 * one 9,029-character tracking URL must not cost the whole report.
 */
export const MATCH_LIMITS = { links: 2000, hrefLength: 8192, textLength: 300 } as const;

/** Keeps the links matching can use: hrefs within the length bound, at most `links` of them. */
export function boundMatchLinks(
  hrefs: readonly string[],
  texts: readonly string[] | undefined,
): { hrefs: string[]; texts: string[] | undefined; notes: string[] } {
  const kept = hrefs
    .map((href, i) => ({ href, text: texts?.[i] }))
    .filter(({ href }) => href.length <= MATCH_LIMITS.hrefLength);
  const notes: string[] = [];
  const long = hrefs.length - kept.length;
  if (long > 0) {
    notes.push(
      `${long} links longer than ${MATCH_LIMITS.hrefLength} characters were left out of matching`,
    );
  }
  if (kept.length > MATCH_LIMITS.links) {
    notes.push(
      `${kept.length - MATCH_LIMITS.links} links beyond the first ${MATCH_LIMITS.links} were left out of matching`,
    );
  }
  const bounded = kept.slice(0, MATCH_LIMITS.links);
  return {
    hrefs: bounded.map((l) => l.href),
    texts:
      texts === undefined
        ? undefined
        : bounded.map((l) => (l.text ?? '').slice(0, MATCH_LIMITS.textLength)),
    notes,
  };
}
