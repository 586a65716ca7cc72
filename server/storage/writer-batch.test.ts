// @vitest-environment node
/**
 * Group commit: the requests queued on the writer thread are stored in one
 * transaction, each whole or not at all, and acknowledged after the commit.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { resolveOptions } from '../../utils/report/options.ts';
import { BENCH_T0, registerSyntheticCatalog } from '../synthetic-events.ts';
import { removeDir } from '../test-support.ts';
import { SqliteStorage } from './sqlite-storage.ts';
import { MAX_BATCH_REQUESTS, applyBatch, nextBatch } from './writer-batch.ts';
import type { WriterRequest } from './writer-protocol.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach(removeDir));

function store(): SqliteStorage {
  const dir = mkdtempSync(join(tmpdir(), 'clickmap-batch-'));
  dirs.push(dir);
  const storage = new SqliteStorage(join(dir, 'db.sqlite'), () =>
    resolveOptions({ now: BENCH_T0 + 100 * 86_400_000 }),
  );
  registerSyntheticCatalog(storage, 2);
  return storage;
}

const event = (id: string, recipient: string, at = BENCH_T0 + 1000) => ({
  id,
  type: 'sent',
  campaignId: 'c0',
  recipient,
  at,
});
const ingest = (id: number, body: unknown): WriterRequest => ({
  id,
  kind: 'ingest',
  job: { format: 'events', text: JSON.stringify(body), now: BENCH_T0 + 100 * 86_400_000 },
});

it('stores a batch in one commit; a failing request is rolled back alone', () => {
  const storage = store();
  const before = storage.generation();
  const replies = applyBatch(storage, [
    ingest(1, [event('a1', 'x@e.org'), event('a2', 'y@e.org')]),
    // Reuses a1 with other content and adds b1: refused whole (409), b1 not stored.
    ingest(2, [event('b1', 'z@e.org'), event('a1', 'w@e.org')]),
    { id: 3, kind: 'ingest', job: { format: 'events', text: '[{', now: BENCH_T0 } },
    ingest(4, [event('c1', 'v@e.org'), event('a2', 'y@e.org')]),
  ]);
  expect(replies.map((r) => [r.id, r.ok ? 'ok' : r.error.status])).toEqual([
    [1, 'ok'],
    [2, 409],
    [3, 400],
    [4, 'ok'],
  ]);
  expect(replies[3]?.ok && replies[3].result).toMatchObject({ stored: 1, duplicates: 1 });
  expect(storage.generation()).toBe(before + 1);
  const ids = [...storage.eventsOf(['c0'])].map((e) => e.id).sort();
  expect(ids).toEqual(['a1', 'a2', 'c1']);
  const map = storage.clickMap({ templateId: 't', includeMachineClicks: true });
  expect(map.totals.sent).toBe(3);
});

it('a batch takes at most MAX_BATCH_REQUESTS requests off the queue, in order', () => {
  const queue = Array.from({ length: MAX_BATCH_REQUESTS + 3 }, (_, i) => ingest(i, []));
  expect(nextBatch(queue).map((r) => r.id)).toEqual(
    Array.from({ length: MAX_BATCH_REQUESTS }, (_, i) => i),
  );
  expect(nextBatch(queue).map((r) => r.id)).toEqual([0, 1, 2].map((i) => i + MAX_BATCH_REQUESTS));
  expect(queue).toEqual([]);
});
