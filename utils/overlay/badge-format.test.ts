// @vitest-environment node
import { describe, expect, test } from 'vitest';
import { formatCount, numberFormat } from '../panel/format.ts';
import { badgeCount } from './badge-format.ts';

describe('badge counts', () => {
  test.each([
    [0, '0'],
    [999, '999'],
    [9_999, '9,999'],
    [10_000, '10K'],
    [12_345, '12.3K'],
    [4_560_000, '4.6M'],
  ])('%d reads %s (en-US)', (value, text) => {
    expect(badgeCount(value, 'en-US')).toBe(text);
  });

  test('below the compact threshold they read exactly like the panel, in any locale', () => {
    for (const locale of ['en-US', 'de-DE', 'fr-FR', 'ru-RU', undefined]) {
      for (const value of [0, 7, 1_502, 9_999]) {
        expect(badgeCount(value, locale)).toBe(formatCount(value, locale));
      }
    }
  });

  test('formatters are built once per locale and format', () => {
    expect(numberFormat('count', 'de-DE')).toBe(numberFormat('count', 'de-DE'));
    expect(numberFormat('count', 'de-DE')).not.toBe(numberFormat('percent', 'de-DE'));
  });
});
