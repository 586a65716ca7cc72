// @vitest-environment node
/**
 * The engine on threads (real worker_threads over SharedArrayBuffer columns)
 * gives the single-threaded report exactly, on the server's synthetic log
 * (scanner clicks, bursts, repeats across campaigns); failures reach the caller.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildClickMapReportColumnar } from '../../utils/report/columnar.ts';
import { toEventColumns } from '../../utils/report/event-columns.ts';
import { sortEvents } from '../../utils/report/event-order.ts';
import type { Campaign } from '../../utils/report/model.ts';
import { syntheticEvents } from '../synthetic-events.ts';
import { ReportThreads } from './report-threads.ts';
import { isShared, shareColumns } from './shared-columns.ts';

const CAMPAIGNS = 4;
const campaigns: Campaign[] = Array.from({ length: CAMPAIGNS }, (_, k) => ({
  id: `c${k}`,
  templateId: 't',
  versionId: 'v',
  name: `c${k}`,
  sentAt: 0,
}));
const events = [...syntheticEvents(30_000, CAMPAIGNS)].flat();
const input = { templateId: 't', versions: [], campaigns };

let threads: ReportThreads;
beforeAll(async () => {
  threads = await ReportThreads.start(3);
});
afterAll(() => threads.close());

describe('ReportThreads', () => {
  it.each([
    ['unsorted columns', false],
    ['sorted columns (assumeSorted)', true],
  ])('%s: the single-threaded report, exactly', async (_, sorted) => {
    const columns = toEventColumns(sorted ? sortEvents(events) : events);
    const options = { assumeSorted: sorted, now: 5 };
    const expected = buildClickMapReportColumnar({ ...input, columns }, options);
    expect(expected.totals.uniqueClicks).toBeGreaterThan(1000);
    expect(threads.threads).toBe(3);
    expect(await threads.buildClickMapReport({ ...input, columns }, options)).toEqual(expected);
    const period = { from: expected.totals.sent, to: Date.UTC(2026, 0, 7) };
    expect(
      await threads.buildClickMapReport(
        { ...input, columns, period },
        { includeMachineClicks: true },
      ),
    ).toEqual(
      buildClickMapReportColumnar({ ...input, columns, period }, { includeMachineClicks: true }),
    );
  });

  it('shares columns once: shared arrays are kept, others copied', () => {
    const columns = toEventColumns(events.slice(0, 100));
    const shared = shareColumns(columns);
    expect(isShared(shared.at as Float64Array)).toBe(true);
    expect(Array.from(shared.recipient)).toEqual(Array.from(columns.recipient));
    expect(shareColumns(shared).at).toBe(shared.at);
  });

  it('an engine error in a worker (not this thread) rejects with its message', async () => {
    const columns = toEventColumns(sortEvents(events.slice(0, 2_000)));
    // Put one row of a part-1 recipient (r % 3 === 1) out of time order: only a worker sees it.
    const row = columns.recipient.findIndex((r, i) => r % 3 === 1 && i > 100);
    columns.at[row] = 0;
    await expect(
      threads.buildClickMapReport({ ...input, columns }, { assumeSorted: true }),
    ).rejects.toThrow(new RegExp(`out of order at row ${row}`));
    // The pool is still usable afterwards.
    const report = await threads.buildClickMapReport({ ...input, columns });
    expect(report).toEqual(buildClickMapReportColumnar({ ...input, columns }));
  });

  it('after close, counting rejects instead of hanging', async () => {
    const closed = await ReportThreads.start(2);
    await closed.close();
    const columns = toEventColumns(events.slice(0, 100));
    await expect(closed.buildClickMapReport({ ...input, columns })).rejects.toThrow(/closed/);
  });
});
