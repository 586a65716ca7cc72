// @vitest-environment node
/**
 * Row selection and the re-delivery pre-check on hand-made columns: which
 * rows a recipient part walks, its own recipient bound, and when a log can
 * hold re-deliveries at all (a repeated id within one timestamp's rows).
 */
import { describe, expect, it } from 'vitest';
import type { EventColumns } from './event-columns.ts';
import { repeatsIds, selectRows } from './row-selection.ts';

function columns(rows: { at: number; id: number; recipient?: number; campaign?: number }[]) {
  const n = rows.length;
  return {
    count: n,
    type: new Uint8Array(n).fill(3),
    at: Float64Array.from(rows, (r) => r.at),
    campaign: Uint8Array.from(rows, (r) => r.campaign ?? 0),
    campaigns: ['c0', 'c1'],
    recipient: Uint32Array.from(rows, (r) => r.recipient ?? 0),
    detail: new Uint8Array(n),
    link: new Uint8Array(n),
    links: [],
    id: Float64Array.from(rows, (r) => r.id),
  } satisfies EventColumns;
}

const run = (length: number, at: number, firstId: number) =>
  Array.from({ length }, (_, k) => ({ at, id: firstId + k }));

describe('repeatsIds', () => {
  it.each([
    [
      'distinct times',
      [
        { at: 1, id: 1 },
        { at: 2, id: 1 },
        { at: 3, id: 1 },
      ],
      false,
    ],
    ['short run, distinct ids', run(5, 7, 0), false],
    ['short run, one id twice', [...run(5, 7, 0), { at: 7, id: 2 }], true],
    ['long run (Set path), distinct ids', run(40, 7, 0), false],
    ['long run (Set path), last id repeats the first', [...run(40, 7, 0), { at: 7, id: 0 }], true],
    ['same id in two runs (not a re-delivery)', [...run(3, 1, 0), ...run(3, 2, 0)], false],
    ['empty log', [], false],
  ])('%s', (_, rows, expected) => {
    const c = columns(rows);
    expect(repeatsIds(c, null, c.count)).toBe(expected);
  });

  it('follows the processing order, and logs without ids repeat nothing', () => {
    const c = columns([
      { at: 5, id: 1 },
      { at: 9, id: 2 },
      { at: 5, id: 1 },
    ]);
    expect(repeatsIds(c, null, 3)).toBe(false); // as given, the two at = 5 rows are not one run
    expect(repeatsIds(c, Uint32Array.of(0, 2, 1), 3)).toBe(true);
    const { id: _id, ...withoutIds } = c;
    expect(repeatsIds(withoutIds, Uint32Array.of(0, 2, 1), 3)).toBe(false);
  });
});

describe('selectRows', () => {
  const c = columns([
    { at: 1, id: 0, recipient: 0 },
    { at: 2, id: 1, recipient: 5 },
    { at: 3, id: 2, recipient: 3, campaign: 1 }, // not a selected campaign below
    { at: 4, id: 3, recipient: 2 },
  ]);
  const onlyC0 = [0, undefined];

  it('one part of sorted rows: every row as given, bound over selected campaigns only', () => {
    expect(selectRows(c, onlyC0, { index: 0, of: 1 }, true)).toEqual({
      order: null,
      recipients: 6,
    });
  });

  it.each([
    [0, [0, 3], 2], // recipients 0, 2 → own numbers 0, 1
    [1, [1], 3], // recipient 5 → own number 2
  ])('part %i of 2 walks rows %j, own bound %i', (index, rows, bound) => {
    const { order, recipients } = selectRows(c, onlyC0, { index, of: 2 }, true);
    expect(Array.from(order!)).toEqual(rows);
    expect(recipients).toBe(bound);
  });

  it('unsorted rows are sorted by (at, type, id); a negative recipient is refused', () => {
    const shuffled = columns([
      { at: 9, id: 0 },
      { at: 1, id: 1 },
      { at: 5, id: 2 },
    ]);
    expect(Array.from(selectRows(shuffled, [0], { index: 0, of: 1 }, false).order!)).toEqual([
      1, 2, 0,
    ]);
    const negative = { ...shuffled, recipient: Int32Array.of(0, -1, 0) };
    expect(() => selectRows(negative, [0], { index: 0, of: 1 }, false)).toThrow(
      /out of range at row 1/,
    );
  });
});
