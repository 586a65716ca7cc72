/**
 * The scalar schemas every Click Map API payload is built from, so one rule
 * holds in every direction (what the server stores, what the extension draws):
 * - counts are safe integers (a count of 1e308 would draw as a 300-digit
 *   number, and 2^53 + 1 is not even representable);
 * - instants are safe integer milliseconds within the JavaScript Date range;
 * - ratios are finite;
 * - strings are well-formed Unicode: a lone surrogate becomes U+FFFD in
 *   SQLite, so two distinct ids would collide.
 */
import * as v from 'valibot';

/** The JavaScript Date range: ±100 000 000 days around the epoch. */
export const MAX_DATE_MS = 8.64e15;

export const count = v.pipe(v.number(), v.safeInteger(), v.minValue(0));

export const millis = v.pipe(
  v.number(),
  v.safeInteger(),
  v.minValue(-MAX_DATE_MS),
  v.maxValue(MAX_DATE_MS),
);

/** A non-negative ratio (rates per sent may exceed 1); null when its denominator is 0. */
export const ratio = v.nullable(v.pipe(v.number(), v.finite(), v.minValue(0)));

/** A string with no lone surrogate, at most `max` UTF-16 units (at least `min`). */
export function wellFormed(max: number, min = 0) {
  return v.pipe(
    v.string(),
    v.check((s) => s.isWellFormed(), 'must be well-formed Unicode (no lone surrogates)'),
    v.minLength(min),
    v.maxLength(max),
  );
}
