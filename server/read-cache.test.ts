// @vitest-environment node
/**
 * Click-map reads over HTTP with the writer thread: a repeated read is served
 * from the report cache, a read after an acknowledged write sees that write,
 * and the report the writer thread recomputed after its commit is ready
 * before the write is acknowledged (the read runs no SQL on the event loop).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ClickMapReport } from '../utils/report/report-types.ts';
import type { SqliteStorage } from './storage/sqlite-storage.ts';
import { BENCH_T0, LINKS, syntheticEvents } from './synthetic-events.ts';
import type { TestServer } from './test-support.ts';
import { removeDir, startTestServer } from './test-support.ts';

let server: TestServer;
const computed = (): number => (server.storage as SqliteStorage).reportsComputed;
const read = async (query = ''): Promise<ClickMapReport> => {
  const response = await server.call(`/v1/templates/t/clickmap${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as ClickMapReport;
};
const post = async (path: string, json: unknown, status: number): Promise<void> => {
  const response = await server.call(path, { method: 'POST', json });
  expect(response.status, await response.clone().text()).toBe(status);
  await response.arrayBuffer();
};

beforeAll(async () => {
  server = await startTestServer({ now: () => BENCH_T0 + 400 * 86_400_000 });
  await post('/v1/templates', { id: 't', name: 'T' }, 201);
  await post(
    '/v1/templates/t/versions',
    {
      id: 'v',
      createdAt: BENCH_T0,
      placements: LINKS.map((url, i) => ({ linkId: `L${i}`, ordinal: i, url, text: `${i}` })),
    },
    201,
  );
  for (let c = 0; c < 3; c++)
    await post(
      '/v1/campaigns',
      { id: `c${c}`, templateId: 't', versionId: 'v', name: `c${c}`, sentAt: BENCH_T0 },
      201,
    );
}, 60_000);
afterAll(async () => {
  await server.close();
  removeDir(server.dir);
});

it('serves a repeated read from the cache, and every read after a write sees it', async () => {
  const chunks = [...syntheticEvents(3000, 3)];
  await post('/v1/events', chunks[0], 200);
  const first = await read();
  const n = computed();
  const again = await read();
  expect(computed()).toBe(n);
  expect(again.totals).toEqual(first.totals);
  expect(again.generatedAt).toBe(BENCH_T0 + 400 * 86_400_000);

  // The writer thread commits, recomputes the hot report, then acknowledges.
  await post('/v1/events', chunks[1], 200);
  const after = await read();
  expect(after.totals.sent).toBeGreaterThan(first.totals.sent);
  expect(computed()).toBe(n);

  // Not read before: computed on this connection, once.
  const version = await read('?version=v');
  expect(version.totals).toEqual(after.totals);
  expect(computed()).toBe(n + 1);
}, 60_000);

it('a registry write on the main connection invalidates the cached reports too', async () => {
  const before = await read();
  await post(
    '/v1/templates/t/versions',
    { id: 'v2', createdAt: BENCH_T0 + 86_400_000, placements: [] },
    201,
  );
  const after = await read();
  expect(after.versions.length).toBe(before.versions.length + 1);
}, 60_000);
