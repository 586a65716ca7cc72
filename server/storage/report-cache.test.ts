// @vitest-environment node
/** The report cache: served only at the generation it was computed at, hot set, bounds. */
import { describe, expect, it } from 'vitest';
import type { ClickMapReport } from '../../utils/report/report-types.ts';
import {
  CACHE_ENTRIES,
  HOT_COST_MS,
  HOT_MS,
  HOT_QUERIES,
  ReportCache,
  reportKey,
} from './report-cache.ts';
import type { ClickMapQuery } from './types.ts';

const query = (templateId: string, extra: Partial<ClickMapQuery> = {}): ClickMapQuery => ({
  templateId,
  includeMachineClicks: true,
  ...extra,
});
const report = (n: number): ClickMapReport => ({ generatedAt: n }) as unknown as ClickMapReport;

function cacheAt(start = 0): { cache: ReportCache; tick: (ms: number) => void } {
  let now = start;
  return { cache: new ReportCache(() => now), tick: (ms) => (now += ms) };
}

describe('ReportCache', () => {
  it('serves a report only at the generation it was computed at', () => {
    const { cache } = cacheAt();
    cache.set(3, { query: query('t'), report: report(1), costMs: 5 });
    expect(cache.get(query('t'), 3)).toEqual(report(1));
    expect(cache.get(query('t'), 4)).toBeUndefined();
    expect(cache.get(query('t', { versionId: 'v' }), 3)).toBeUndefined();
  });

  it('keys a query whatever the order of its campaigns', () => {
    expect(reportKey(query('t', { campaignIds: ['b', 'a'] }))).toBe(
      reportKey(query('t', { campaignIds: ['a', 'b'] })),
    );
    expect(reportKey(query('t', { from: 1 }))).not.toBe(reportKey(query('t', { to: 1 })));
    expect(reportKey(query('t'))).not.toBe(reportKey(query('t', { includeMachineClicks: false })));
  });

  it('keeps a refreshed report unless a newer one is known', () => {
    const { cache } = cacheAt();
    cache.set(5, { query: query('t'), report: report(5), costMs: 5 });
    cache.install(4, [{ query: query('t'), report: report(4), costMs: 5 }]);
    expect(cache.get(query('t'), 5)).toEqual(report(5));
    cache.install(6, [{ query: query('t'), report: report(6), costMs: 5 }]);
    expect(cache.get(query('t'), 6)).toEqual(report(6));
  });

  it('hot: read lately and cheap; a refresh alone does not keep a query hot', () => {
    const { cache, tick } = cacheAt(1_000_000);
    cache.set(1, { query: query('read'), report: report(1), costMs: 5 });
    cache.set(1, { query: query('dear'), report: report(1), costMs: HOT_COST_MS + 1 });
    cache.install(1, [{ query: query('pushed'), report: report(1), costMs: 5 }]);
    expect(cache.hot()).toEqual([query('read')]);
    tick(HOT_MS + 1);
    expect(cache.hot()).toEqual([]);
    cache.get(query('read'), 1);
    expect(cache.hot()).toEqual([query('read')]);
  });

  it('is bounded: the least recently read entries go first; at most HOT_QUERIES hot', () => {
    const { cache } = cacheAt();
    for (let i = 0; i < CACHE_ENTRIES; i++)
      cache.set(1, { query: query(`t${i}`), report: report(i), costMs: 1 });
    cache.get(query('t0'), 1);
    cache.set(1, { query: query('new'), report: report(0), costMs: 1 });
    expect(cache.get(query('t0'), 1)).toBeDefined();
    expect(cache.get(query('t1'), 1)).toBeUndefined();
    expect(cache.hot()).toHaveLength(HOT_QUERIES);
    expect(cache.hot()[0]).toEqual(query('t0'));
  });
});
