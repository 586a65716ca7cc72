// @vitest-environment node
/**
 * A ragged period re-reads only the messages of the quieter side of each edge
 * day (message_hours), in bounded chunks, with the same numbers: a period
 * starting a millisecond after the first send re-reads none of the first
 * day's messages (before: every message with events that day).
 */
import { DatabaseSync } from 'node:sqlite';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DAY_MS, resolveOptions } from '../../utils/report/options.ts';
import { SqliteStorage } from '../storage/sqlite-storage.ts';
import { BENCH_T0, registerSyntheticCatalog, syntheticEvents } from '../synthetic-events.ts';
import { EdgeSpans, HOUR_MS } from './edge-spans.ts';
import { EdgeReader } from './edges.ts';

const dir = mkdtempSync(join(tmpdir(), 'clickmap-spans-'));
const path = join(dir, 'spans.sqlite');
const ids = JSON.stringify(['c0', 'c1', 'c2', 'c3']);
let db: DatabaseSync;

beforeAll(() => {
  const storage = new SqliteStorage(path, () => resolveOptions({ now: BENCH_T0 + 99 * DAY_MS }));
  registerSyntheticCatalog(storage, 4);
  for (const chunk of syntheticEvents(8000, 4)) storage.ingest(chunk);
  storage.close();
  db = new DatabaseSync(path);
}, 120_000);
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

it('takes a ragged start inside the aggregates when the part before it is quieter', () => {
  const spans = new EdgeSpans(db);
  const plan = spans.plan(ids, { from: BENCH_T0 + 1 });
  expect(plan.days.first).toBe(BENCH_T0 / DAY_MS);
  expect(plan.spans).toEqual([[BENCH_T0, BENCH_T0 + 1]]);
  // Sends start within the day's first hour: the hour-rounded span holds some of them, not all.
  const all = spans.messagesIn(ids, [[BENCH_T0, BENCH_T0 + DAY_MS]]).length;
  expect(spans.messagesIn(ids, plan.spans).length).toBeLessThan(all / 2);
});

it('takes a ragged end outside when the part of its day in the period is busier', () => {
  const spans = new EdgeSpans(db);
  // Campaign c2 is sent in the first hour of day 2: [day 2, day 2 + 6 h) holds all its sends.
  const to = BENCH_T0 + 2 * DAY_MS + 6 * HOUR_MS;
  const plan = spans.plan(ids, { from: BENCH_T0, to });
  expect(plan.days).toEqual({ first: BENCH_T0 / DAY_MS, last: BENCH_T0 / DAY_MS + 2 });
  expect(plan.spans).toEqual([[to, BENCH_T0 + 3 * DAY_MS]]);
  // Both ends in one day: the cheaper of [from, to) and the rest of the day.
  const inDay = spans.plan(ids, { from: BENCH_T0 + 1, to: BENCH_T0 + 20 * HOUR_MS });
  expect(inDay.spans).toEqual([
    [BENCH_T0, BENCH_T0 + 1],
    [BENCH_T0 + 20 * HOUR_MS, BENCH_T0 + DAY_MS],
  ]);
});

it('counts the re-read messages in chunks with the same numbers as in one go', () => {
  const options = resolveOptions({ now: BENCH_T0 + 99 * DAY_MS });
  const period = { from: BENCH_T0 + 1.5 * DAY_MS, to: BENCH_T0 + 2.5 * DAY_MS };
  const whole = new EdgeReader(db, 1_000_000);
  const chunked = new EdgeReader(db, 7);
  for (const mode of ['x', 'i'] as const) {
    const a = whole.read(['c0', 'c1', 'c2', 'c3'], period, mode, options);
    const b = chunked.read(['c0', 'c1', 'c2', 'c3'], period, mode, options);
    expect(whole.reread).toBeGreaterThan(7 * 3);
    expect(b.delta.messages).toEqual(a.delta.messages);
    const counts = (d: typeof a) =>
      [...d.delta.rows].map(([k, r]) => [k, r.uniqueClicks, r.totalClicks, r.machineClicks]);
    expect(counts(b).sort()).toEqual(counts(a).sort());
  }
});
