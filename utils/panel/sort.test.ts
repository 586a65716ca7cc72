// @vitest-environment node
import { describe, expect, test } from 'vitest';
import { initialDirection, nextSort, placementName, sortPlacements } from './sort.ts';
import { mailchimpMatch } from './testing/fixtures.ts';
import type { SortColumn, SortDirection } from './view-types.ts';

const { placements } = mailchimpMatch();
const ordinals = (column: SortColumn, direction: SortDirection): number[] =>
  sortPlacements(placements, { column, direction }, 'en-US').map((p) => p.ordinal);

// Placements: 0 hidden lead (1502), 1 lead, 2 second (801), 3 lead "Read more",
// 4 wired (540), 5 nyt (344), 6 mailto without a row, 7 subscribe (88).
describe('sortPlacements over the Mailchimp fixture', () => {
  test.each<[SortColumn, SortDirection, number[]]>([
    ['ordinal', 'ascending', [0, 1, 2, 3, 4, 5, 6, 7]],
    ['ordinal', 'descending', [7, 6, 5, 4, 3, 2, 1, 0]],
    ['uniqueClicks', 'descending', [0, 1, 3, 2, 4, 5, 7, 6]],
    ['uniqueClicks', 'ascending', [7, 5, 4, 2, 0, 1, 3, 6]],
    ['share', 'descending', [0, 1, 3, 2, 4, 5, 7, 6]],
    ['ctr', 'ascending', [7, 5, 4, 2, 0, 1, 3, 6]],
    ['ctor', 'descending', [0, 1, 3, 2, 4, 5, 7, 6]],
    ['totalClicks', 'descending', [0, 1, 3, 2, 4, 5, 7, 6]],
    // Names: hidden 0 falls back to the report's name; "Read more" is 3's own text.
    ['name', 'ascending', [4, 5, 2, 3, 7, 0, 1, 6]],
    ['name', 'descending', [6, 0, 1, 7, 3, 2, 5, 4]],
    // URLs sort as displayed: no scheme, no www.
    ['url', 'ascending', [6, 5, 0, 1, 3, 2, 7, 4]],
    ['url', 'descending', [4, 7, 2, 0, 1, 3, 5, 6]],
  ])('%s %s', (column, direction, expected) => {
    expect(ordinals(column, direction)).toEqual(expected);
  });

  test('rows without a value sort last in both directions', () => {
    expect(ordinals('uniqueClicks', 'ascending').at(-1)).toBe(6);
    expect(ordinals('uniqueClicks', 'descending').at(-1)).toBe(6);
  });

  test('the input is not reordered', () => {
    sortPlacements(placements, { column: 'uniqueClicks', direction: 'descending' });
    expect(placements.map((p) => p.ordinal)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  test('placementName prefers the page text and falls back to the report name', () => {
    expect(placements.map(placementName)).toEqual([
      'Supershoes are reshaping distance running',
      'Supershoes are reshaping distance running',
      'My colleagues turned me into an AI-powered NPC',
      'Read more',
      'AI music generators sued',
      'Apple and EU competition law',
      'Write to us',
      'Subscribe',
    ]);
  });
});

describe('nextSort', () => {
  test.each<[SortColumn, SortDirection]>([
    ['ordinal', 'ascending'],
    ['url', 'ascending'],
    ['name', 'ascending'],
    ['uniqueClicks', 'descending'],
    ['share', 'descending'],
    ['ctr', 'descending'],
    ['totalClicks', 'descending'],
    ['ctor', 'descending'],
  ])('a new column %s starts %s', (column, direction) => {
    expect(initialDirection(column)).toBe(direction);
    expect(
      nextSort({ column: column === 'url' ? 'name' : 'url', direction: 'ascending' }, column),
    ).toEqual({ column, direction });
  });

  test('the same column flips', () => {
    const first = nextSort({ column: 'ordinal', direction: 'ascending' }, 'ctr');
    expect(nextSort(first, 'ctr')).toEqual({ column: 'ctr', direction: 'ascending' });
    expect(nextSort(nextSort(first, 'ctr'), 'ctr')).toEqual({
      column: 'ctr',
      direction: 'descending',
    });
  });
});
