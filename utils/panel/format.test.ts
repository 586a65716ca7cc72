// @vitest-environment node
import { describe, expect, it, test } from 'vitest';
import en from '../../public/_locales/en/messages.json' with { type: 'json' };
import { useCatalog } from '../i18n/i18n.ts';
import {
  formatCount,
  formatDate,
  formatPercent,
  fromDateInputValue,
  MISSING,
  roundSharesToTotal,
  shortenUrl,
  toDateInputValue,
} from './format.ts';
import { mailchimpRows } from './testing/fixtures.ts';

describe('formatCount', () => {
  test.each([
    [0, 'en-US', '0'],
    [61234, 'en-US', '61,234'],
    [61234, 'de-DE', '61.234'],
    [1234567, 'fr-FR', '1\u202f234\u202f567'],
    [null, 'en-US', MISSING],
  ])('%s in %s → %s', (value, locale, expected) => {
    expect(formatCount(value, locale)).toBe(expected);
  });
});

describe('formatPercent', () => {
  test.each([
    [0.1234, 'en-US', '12.34%'],
    [0, 'en-US', '0.00%'],
    [1, 'en-US', '100.00%'],
    [0.00005, 'en-US', '0.01%'],
    [3465 / 61234, 'en-US', '5.66%'],
    [0.1234, 'de-DE', '12,34\u00a0%'],
    [null, 'en-US', MISSING],
    [Number.NaN, 'en-US', MISSING],
  ])('%s in %s → %s', (value, locale, expected) => {
    expect(formatPercent(value, locale)).toBe(expected);
  });
});

describe('roundSharesToTotal', () => {
  test('Mailchimp click shares (real fixture) display as they round and sum to 100.00%', () => {
    const shares = mailchimpRows().map((r) => r.shareOfClicks);
    const rounded = roundSharesToTotal(shares);
    expect(rounded.map((s) => formatPercent(s, 'en-US'))).toEqual([
      '43.35%',
      '23.12%',
      '15.58%',
      '9.93%',
      '5.48%',
      '2.54%',
    ]);
    expect(rounded.reduce<number>((a, s) => a + Math.round((s ?? 0) * 10000), 0)).toBe(10000);
  });

  test.each([
    ['thirds: independent rounding shows 99.99%', [1 / 3, 1 / 3, 1 / 3], [0.3334, 0.3333, 0.3333]],
    [
      'sevenths',
      [1, 1, 1, 1, 1, 1, 1].map((x) => x / 7),
      [0.1429, 0.1429, 0.1429, 0.1429, 0.1428, 0.1428, 0.1428],
    ],
    ['largest remainder wins', [0.12345, 0.45678, 0.41977], [0.1234, 0.4568, 0.4198]],
    ['nulls stay out', [null, 0.5, 0.5], [null, 0.5, 0.5]],
    ['empty', [], []],
  ])('%s', (_name, shares, expected) => {
    const rounded = roundSharesToTotal(shares);
    expect(rounded).toEqual(expected);
    // Every displayed share is within one display step of the exact one.
    rounded.forEach((r, i) => {
      const exact = shares[i];
      if (r !== null && exact !== null && exact !== undefined) {
        expect(Math.abs(r - exact)).toBeLessThan(0.0001 + 1e-12);
      }
    });
  });
});

describe('shortenUrl', () => {
  test.each([
    ['https://www.wired.com/', 48, 'wired.com'],
    [
      'https://spectrum.ieee.org/electromagnetic-waves',
      48,
      'spectrum.ieee.org/electromagnetic-waves',
    ],
    ['mailto:letters@example.com', 48, 'mailto:letters@example.com'],
    ['mailto:letters@example.com?subject=Hi', 48, 'mailto:letters@example.com?…'],
    [
      'https://www.technologyreview.com/subscribe?truid=&utm_source=the_download',
      48,
      'technologyreview.com/subscribe?…',
    ],
    ['https://example.com/a/#top', 48, 'example.com/a?…'],
    ['#', 48, '#'],
    ['#top', 48, '#top'],
    ['', 48, ''],
    [
      'https://www.nytimes.com/2024/06/24/technology/apple-european-union-competition-law.html',
      30,
      'nytimes.com/2024/0…on-law.html',
    ],
  ])('%s (max %i) → %s', (url, max, expected) => {
    const short = shortenUrl(url, max);
    expect(short).toBe(expected);
    expect(short.length).toBeLessThanOrEqual(max);
  });
});

describe('date inputs', () => {
  test('round trip through a local calendar day', () => {
    const start = new Date(2024, 5, 20).getTime();
    expect(toDateInputValue(start)).toBe('2024-06-20');
    expect(fromDateInputValue('2024-06-20')).toBe(start);
  });
  test.each(['', '2024-02-30', '20-06-2024', '2024-13-01'])('invalid %j → null', (value) => {
    expect(fromDateInputValue(value)).toBeNull();
  });
});

describe('formatting in the UI locale', () => {
  const NBSP = '\u00a0';
  const NNBSP = '\u202f';
  it.each([
    ['en', '1,234', '12.35%', 'Jan 5, 2026'],
    ['fr', `1${NNBSP}234`, `12,35${NBSP}%`, '5 janv. 2026'],
    ['ru', `1${NBSP}234`, `12,35${NBSP}%`, '5 янв. 2026 г.'],
  ])('%s: counts, percentages and dates', (lang, count, percent, date) => {
    useCatalog(en, lang);
    expect(formatCount(1234)).toBe(count);
    expect(formatPercent(0.12345)).toBe(percent);
    expect(formatDate(new Date(2026, 0, 5).getTime())).toBe(date);
  });

  it('an explicit locale wins over the UI one', () => {
    useCatalog(en, 'fr');
    expect(formatCount(1234, 'en-US')).toBe('1,234');
  });
});
