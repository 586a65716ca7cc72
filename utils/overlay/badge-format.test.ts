// @vitest-environment node
import { describe, expect, test } from 'vitest';
import { formatCount, formatPercent } from '../panel/format.ts';
import { countText, percentText } from './badge-format.ts';

const COUNTS: (number | null)[] = [0, 7, 999, 1_000, 1_502, 123_456_789, null];
const SHARES: (number | null)[] = [0, 0.0001, 0.1234, 0.4335, 0.99995, 1, Number.NaN, null];

describe('badge numbers read exactly like the panel', () => {
  test.each(['en-US', 'de-DE', 'fr-FR', 'ru-RU', undefined])('locale %s', (locale) => {
    expect(COUNTS.map((v) => countText(v, locale))).toEqual(
      COUNTS.map((v) => formatCount(v, locale)),
    );
    expect(SHARES.map((v) => percentText(v, locale))).toEqual(
      SHARES.map((v) => formatPercent(v, locale)),
    );
  });

  test('exact texts (en-US)', () => {
    expect(COUNTS.map((v) => countText(v, 'en-US'))).toEqual([
      '0',
      '7',
      '999',
      '1,000',
      '1,502',
      '123,456,789',
      '—',
    ]);
    expect(SHARES.map((v) => percentText(v, 'en-US'))).toEqual([
      '0.00%',
      '0.01%',
      '12.34%',
      '43.35%',
      '100.00%',
      '100.00%',
      '—',
      '—',
    ]);
  });
});
