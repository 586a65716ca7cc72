// @vitest-environment node
/**
 * The columnar entry point and its integer state: order checks, message
 * addressing modes (direct records, lookup array, pair table), the spill of
 * the 24 h state past a message's inline rows, and the PairTable itself.
 */
import { describe, expect, it } from 'vitest';
import { buildClickMapReport } from './build.ts';
import { buildClickMapReportColumnar, countColumns } from './columnar.ts';
import type { EventColumns } from './event-columns.ts';
import { toEventColumns } from './event-columns.ts';
import { sortEvents } from './event-order.ts';
import type { EmailEvent } from './model.ts';
import { resolveOptions } from './options.ts';
import { PairTable } from './pair-table.ts';
import * as E from './test-events.ts';
import { campaigns, DAY, HOUR, versions } from './test-events.ts';

const input = { templateId: 'tpl', versions, campaigns };

/** A message clicking 6 rows at +1 h (counted), +2 h (not: < 24 h) and +26 h (counted again). */
function sixRows(who: { c?: string; r?: string } = {}): EmailEvent[] {
  const rows = ['L0', 'L1', 'L2', 'L3', 'L4', 'L5'];
  const clicks = [HOUR, 2 * HOUR, 26 * HOUR].flatMap((at, k) =>
    rows.map((linkId, j) => E.click(at + j * 60_000 + k, { ...who, linkId })),
  );
  return [...E.deliveredMessage(who), ...clicks];
}

function rowsOf(columns: EventColumns): Record<string, number[]> {
  const report = buildClickMapReportColumnar({ ...input, columns });
  return Object.fromEntries(
    report.links
      .filter((r) => r.totalClicks > 0)
      .map((r) => [r.rowKey, [r.uniqueClicks, r.totalClicks, r.machineClicks]]),
  );
}

describe('buildClickMapReportColumnar', () => {
  it('keeps the 24 h state of rows past the inline ones (6 rows of one message)', () => {
    const rows = rowsOf(toEventColumns(sixRows()));
    expect(rows).toEqual(
      Object.fromEntries(['L0', 'L1', 'L2', 'L3', 'L4', 'L5'].map((k) => [`link:${k}`, [2, 3, 0]])),
    );
  });

  // Recipient numbering decides the addressing mode; the numbers must not change.
  it.each([
    ['direct records', 1],
    ['lookup array', 5_000],
    ['pair table', 2 ** 28],
  ])('gives the same report with %s (recipient × %d)', (_mode, factor) => {
    const events = [...sixRows(), ...sixRows({ r: 'bob', c: 'c2' }), ...sixRows({ r: 'eve' })];
    const columns = toEventColumns(events);
    const sparse = { ...columns, recipient: columns.recipient.map((r) => r * factor) };
    const expected = buildClickMapReport({ ...input, events });
    expect(buildClickMapReportColumnar({ ...input, columns: sparse })).toEqual(expected);
    expect(expected.totals.uniqueClicks).toBe(3);
    expect(expected.totals.totalClicks).toBe(54);
  });

  it('throws on an out-of-order row with assumeSorted, and sorts without it', () => {
    const events = [...E.deliveredMessage(), E.click(HOUR, { linkId: 'L0' })];
    const columns = toEventColumns([...events].reverse());
    const options = resolveOptions();
    expect(() => countColumns(columns, ['c1'], {}, options, true)).toThrow(/out of order/);
    expect(countColumns(columns, ['c1'], {}, options).totalClicks).toBe(1);
  });

  it('skips rows of other campaigns, even out of order', () => {
    const events = sortEvents([...E.deliveredMessage(), E.click(HOUR, { linkId: 'L0' })]);
    const other = E.click(5 * DAY, { c: 'other', linkId: 'L0' });
    const columns = toEventColumns([other, ...events]);
    const counts = countColumns(columns, ['c1'], {}, resolveOptions(), true);
    expect([counts.messages.delivered, counts.totalClicks]).toEqual([1, 1]);
  });

  it('rejects an unknown type code', () => {
    const columns = toEventColumns(E.deliveredMessage());
    columns.type[1] = 9;
    expect(() => countColumns(columns, ['c1'], {}, resolveOptions())).toThrow(/type code 9/);
  });
});

describe('PairTable', () => {
  it('keeps every pair through growth', () => {
    const table = new PairTable(4);
    for (let a = 0; a < 300; a++) for (let b = 0; b < 30; b++) table.set(a, b, a * 1000 + b);
    expect(table.size).toBe(9000);
    expect([table.get(0, 0, -1), table.get(299, 29, -1), table.get(17, 3, -1)]).toEqual([
      0, 299_029, 17_003,
    ]);
    expect([table.get(300, 0, -1), table.get(0, 30, -1)]).toEqual([-1, -1]);
  });
});
