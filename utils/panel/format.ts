/**
 * Number, percent and URL formatting for the side panel and its exports.
 *
 * Display choice for "% of total clicks": shares are shown with two decimals
 * and rounded together by the largest-remainder method, so the displayed
 * shares of the report rows always add up to exactly 100.00% (independent
 * rounding can show 99.99% or 100.01%). Each displayed share stays within
 * 0.01 percentage points of its exact value (the Altcraft seed allows 0.02%).
 * Rates (CTR, CTOR, open rate) are independent numbers and use ordinary
 * rounding to two decimals. Counts are exact integers with locale grouping.
 *
 * Locale: without an explicit one, the browser's UI locale (utils/i18n), the
 * language the panel's words are in too; not the page's, not `navigator`'s
 * (Firefox's follows the accepted web languages, not the UI).
 */
import { uiLocale } from '../i18n/i18n.ts';

/** The placeholder for a number the source cannot give (never shown as 0). */
export const MISSING = '—';

const PERCENT_DIGITS = 2;
/** Units of the smallest displayed step: 1 = 0.01% = 1/10 000. */
const SHARE_UNITS = 10 ** (PERCENT_DIGITS + 2);

const FORMATS = {
  count: { maximumFractionDigits: 0 },
  percent: {
    style: 'percent',
    minimumFractionDigits: PERCENT_DIGITS,
    maximumFractionDigits: PERCENT_DIGITS,
  },
  wholePercent: { style: 'percent', maximumFractionDigits: 0 },
  compact: { notation: 'compact', maximumFractionDigits: 1 },
} satisfies Record<string, Intl.NumberFormatOptions>;

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * One Intl.NumberFormat per locale and format: constructing one costs ~0.1 ms,
 * and a 150-link email formats ~900 numbers for its badges and table.
 */
export function numberFormat(kind: keyof typeof FORMATS, locale?: string): Intl.NumberFormat {
  const lang = locale ?? uiLocale();
  const key = `${kind}|${lang}`;
  let format = formatters.get(key);
  if (!format) formatters.set(key, (format = new Intl.NumberFormat(lang, FORMATS[kind])));
  return format;
}

const countFormat = (locale: string | undefined) => numberFormat('count', locale);
const percentFormat = (locale: string | undefined) => numberFormat('percent', locale);

/** An exact count with locale grouping ("12,345"); null → "—". */
export function formatCount(value: number | null, locale?: string): string {
  return value === null ? MISSING : countFormat(locale).format(value);
}

/** A fraction in [0, 1] as a percent with two decimals ("12.34%"); null → "—". */
export function formatPercent(fraction: number | null, locale?: string): string {
  if (fraction === null || !Number.isFinite(fraction)) return MISSING;
  return percentFormat(locale).format(fraction);
}

/**
 * Rounds fractions to 0.01% steps so that, when they sum to 1, the rounded
 * values sum to exactly 1 too (largest remainder). nulls stay null and take
 * no part. Returns fractions (e.g. 0.1234), ready for formatPercent.
 */
export function roundSharesToTotal(shares: readonly (number | null)[]): (number | null)[] {
  const present = shares.flatMap((s, i) => (s === null || !Number.isFinite(s) ? [] : [{ i, s }]));
  const exactUnits = present.map(({ s }) => s * SHARE_UNITS);
  const floors = exactUnits.map((u) => Math.floor(u + 1e-9));
  const target = Math.round(exactUnits.reduce((a, b) => a + b, 0));
  let missingUnits = target - floors.reduce((a, b) => a + b, 0);
  // Hand the leftover units to the largest remainders; ties go to the earlier row.
  const order = floors
    .map((f, k) => ({ k, rem: (exactUnits[k] ?? 0) - f }))
    .sort((a, b) => b.rem - a.rem || a.k - b.k);
  for (const { k } of order) {
    if (missingUnits <= 0) break;
    floors[k] = (floors[k] ?? 0) + 1;
    missingUnits -= 1;
  }
  const result: (number | null)[] = shares.map(() => null);
  present.forEach(({ i }, k) => {
    result[i] = (floors[k] ?? 0) / SHARE_UNITS;
  });
  return result;
}

/** A URL as people read it: no scheme, no "www.", no trailing slash (the link column's text and sort key). */
export function bareUrl(url: string): string {
  const bare = url.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/^www\./i, '');
  return bare.length > 1 ? bare.replace(/\/$/, '') : bare;
}

/**
 * A URL shortened for a table cell: the bare URL (see bareUrl) with its query
 * and fragment folded to "?…" (tracking parameters say little to a reader;
 * the full URL is the cell's title), then middle-elided to `max` characters
 * so both the host and the end of the path show.
 */
export function shortenUrl(url: string, max = 48): string {
  const bare = bareUrl(url);
  const cut = bare.search(/[?#]/);
  // Nothing before the query or fragment ("#", "#top", "?x"): that is the whole link, show it.
  const main = cut <= 0 ? bare : bare.slice(0, cut).replace(/\/$/, '') + '?…';
  if (main.length <= max) return main;
  const keep = max - 1;
  const head = Math.ceil(keep * 0.6);
  return `${main.slice(0, head)}…${main.slice(main.length - (keep - head))}`;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A calendar day in the UI locale, as people read it ("Jan 5, 2026", "5 janv. 2026", "5 янв. 2026 г."). */
export function formatDate(millis: number, locale?: string): string {
  const lang = locale ?? uiLocale();
  let format = dateFormats.get(lang);
  if (!format)
    dateFormats.set(lang, (format = new Intl.DateTimeFormat(lang, { dateStyle: 'medium' })));
  return format.format(millis);
}

/** A date as yyyy-mm-dd in local time, the value format of <input type="date">. */
export function toDateInputValue(millis: number): string {
  const d = new Date(millis);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Start of a local calendar day given as yyyy-mm-dd; null when not a valid date. */
export function fromDateInputValue(value: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(year, month - 1, day);
  const valid = d.getFullYear() === year && d.getMonth() === month - 1 && d.getDate() === day;
  return valid ? d.getTime() : null;
}

/** A fraction as a whole percent ("25%"), for scale labels where decimals are noise. */
export function formatWholePercent(fraction: number, locale?: string): string {
  return numberFormat('wholePercent', locale).format(fraction);
}
