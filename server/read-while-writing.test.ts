// @vitest-environment node
/**
 * Reads never wait behind writes: while a large ingestion request is being
 * stored (one long transaction), health and click-map reads issued after it
 * are answered before it completes. On one event loop with one synchronous
 * connection they would queue behind the whole transaction.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { EmailEvent } from '../utils/report/model.ts';
import { BENCH_T0, LINKS, syntheticEvents } from './synthetic-events.ts';
import type { TestServer } from './test-support.ts';
import { removeDir, startTestServer } from './test-support.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ now: () => BENCH_T0 + 400 * 86_400_000 });
  await server.call('/v1/templates', { method: 'POST', json: { id: 't', name: 'T' } });
  await server.call('/v1/templates/t/versions', {
    method: 'POST',
    json: {
      id: 'v',
      createdAt: BENCH_T0,
      placements: LINKS.map((url, i) => ({ linkId: `L${i}`, ordinal: i, url, text: `${i}` })),
    },
  });
  for (let c = 0; c < 10; c++)
    await server.call('/v1/campaigns', {
      method: 'POST',
      json: { id: `c${c}`, templateId: 't', versionId: 'v', name: `c${c}`, sentAt: BENCH_T0 },
    });
});
afterAll(async () => {
  await server.close();
  removeDir(server.dir);
});

it('answers reads while a long write transaction runs', { timeout: 120_000 }, async () => {
  const events: EmailEvent[] = [...syntheticEvents(30_000, 10)].flat();
  const finished: string[] = [];
  const write = server.call('/v1/events', { method: 'POST', json: events }).then(async (r) => {
    expect(r.status).toBe(200);
    await r.json();
    finished.push('write');
  });
  // Let the server receive and parse the body and start its transaction.
  await new Promise((resolve) => setTimeout(resolve, 800));
  const reads = ['/v1/health', '/v1/templates/t/clickmap', '/v1/campaigns'].map((path) =>
    server.call(path).then(async (r) => {
      expect(r.status).toBe(200);
      await r.json();
      finished.push(path);
    }),
  );
  await Promise.all([write, ...reads]);
  expect(finished.at(-1)).toBe('write');
  const health = (await (await server.call('/v1/health')).json()) as { events: number };
  expect(health.events).toBe(events.length);
});
