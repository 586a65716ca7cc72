// @vitest-environment node
/**
 * Edge cases of recipient parts (the exactness of merged parts over random
 * logs is the property test in fast-paths.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { countColumns } from './columnar.ts';
import { toEventColumns } from './event-columns.ts';
import { resolveOptions } from './options.ts';
import { localNumbering, mergeRecipientParts, recipientParts } from './partition.ts';
import { BROWSER, T0, versions } from './test-events.ts';

describe('recipient parts', () => {
  it('refuses a non-positive or fractional number of parts', () => {
    expect(() => recipientParts(0)).toThrow(/positive integer/);
    expect(() => recipientParts(1.5)).toThrow(/positive integer/);
    expect(recipientParts(3)).toEqual([
      { index: 0, of: 3 },
      { index: 1, of: 3 },
      { index: 2, of: 3 },
    ]);
  });

  it('numbers a part densely: a shift for powers of two, else a division', () => {
    expect(localNumbering({ index: 1, of: 4 })).toEqual({ index: 1, of: 4, shift: 2 });
    expect(localNumbering({ index: 2, of: 3 })).toEqual({ index: 2, of: 3, shift: -1 });
    expect(localNumbering({ index: 0, of: 1 }).shift).toBe(0);
  });

  it('more parts than recipients: empty parts merge to nothing', () => {
    const url = versions[0]!.placements[0]!.url;
    const columns = toEventColumns([
      { id: 'a', type: 'sent', campaignId: 'c1', recipient: 'r1', at: T0 },
      {
        id: 'b',
        type: 'click',
        campaignId: 'c1',
        recipient: 'r1',
        at: T0 + 60_000,
        linkId: 'L0',
        url,
        userAgent: BROWSER,
      },
    ]);
    const options = resolveOptions();
    const whole = countColumns(columns, ['c1'], {}, options);
    const parts = recipientParts(8).map((part) =>
      countColumns(columns, ['c1'], {}, options, false, part),
    );
    expect(parts.filter((p) => p.totalClicks > 0)).toHaveLength(1);
    expect(mergeRecipientParts(columns, parts, options.dynamicFinalUrls)).toEqual(whole);
  });

  it('merging counts without first-click rows (not columnar) is refused', () => {
    const url = versions[0]!.placements[0]!.url;
    const columns = toEventColumns([
      { id: 'b', type: 'click', campaignId: 'c1', recipient: 'r1', at: T0, linkId: 'L0', url },
    ]);
    const counts = countColumns(columns, ['c1'], {}, resolveOptions());
    const [tally] = counts.rows.values();
    delete tally!.firstRow;
    expect(() => mergeRecipientParts(columns, [counts, counts], 5)).toThrow(/firstRow/);
  });
});
