// @vitest-environment node
/**
 * 100 000 events POSTed concurrently (50 requests in flight at once, each its
 * own transaction) to a real server: nothing is lost or double counted, and
 * the click map equals the engine's over the same events.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildClickMapReport } from '../utils/report/build.ts';
import type { Campaign, EmailEvent, TemplateVersion } from '../utils/report/model.ts';
import { BENCH_T0, LINKS, syntheticEvents } from './synthetic-events.ts';
import type { TestServer } from './test-support.ts';
import { removeDir, startTestServer } from './test-support.ts';

const NOW = Date.UTC(2026, 11, 1);
const CAMPAIGNS = 20;
let server: TestServer;
const version: TemplateVersion = {
  id: 'v',
  templateId: 't',
  contentHash: 'h',
  createdAt: BENCH_T0,
  placements: LINKS.map((url, i) => ({ linkId: `L${i}`, ordinal: i, url, text: `link ${i}` })),
};
const campaigns: Campaign[] = Array.from({ length: CAMPAIGNS }, (_, c) => ({
  id: `c${c}`,
  templateId: 't',
  versionId: 'v',
  name: `c${c}`,
  sentAt: BENCH_T0,
}));

beforeAll(async () => {
  server = await startTestServer({ now: () => NOW });
  await server.call('/v1/templates', { method: 'POST', json: { id: 't', name: 'T' } });
  await server.call('/v1/templates/t/versions', { method: 'POST', json: version });
  for (const c of campaigns) await server.call('/v1/campaigns', { method: 'POST', json: c });
});
afterAll(async () => {
  await server.close();
  removeDir(server.dir);
});

it('loses nothing under 100 k concurrently posted events', { timeout: 300_000 }, async () => {
  const chunks = [...syntheticEvents(100_000, CAMPAIGNS)];
  const events: EmailEvent[] = chunks.flat();
  // Every 10th chunk is sent twice: redelivery under concurrency must not double count.
  const requests = [...chunks, ...chunks.filter((_, i) => i % 10 === 0)];
  let next = 0;
  let stored = 0;
  let duplicates = 0;
  const worker = async (): Promise<void> => {
    while (next < requests.length) {
      const chunk = requests[next++] ?? [];
      const response = await server.call('/v1/events', { method: 'POST', json: chunk });
      expect(response.status).toBe(200);
      const result = (await response.json()) as { stored: number; duplicates: number };
      stored += result.stored;
      duplicates += result.duplicates;
    }
  };
  await Promise.all(Array.from({ length: 50 }, worker));
  const repeated = chunks.filter((_, i) => i % 10 === 0).reduce((n, c) => n + c.length, 0);
  expect(stored).toBe(events.length);
  expect(duplicates).toBe(repeated);
  const health = (await (await server.call('/v1/health')).json()) as { events: number };
  expect(health.events).toBe(events.length);
  const report = await (await server.call('/v1/templates/t/clickmap')).json();
  // The engine lists campaigns in input order: give it the server's catalogue order.
  const listed = ((await (await server.call('/v1/campaigns')).json()) as { campaigns: Campaign[] })
    .campaigns;
  expect(report).toEqual(
    buildClickMapReport(
      { templateId: 't', versions: [version], campaigns: listed, events },
      { now: NOW },
    ),
  );
});
