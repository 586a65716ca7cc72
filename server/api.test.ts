// @vitest-environment node
/**
 * Click Map API v1 against a REAL server on a random loopback port: auth,
 * CORS, registration, ingestion (JSON and NDJSON), the click map equal to the
 * engine's over the same events, idempotency, all-or-nothing bad payloads,
 * restart on the same database file, and preview matching.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { buildClickMapReport } from '../utils/report/build.ts';
import type { Campaign, EmailEvent, TemplateVersion } from '../utils/report/model.ts';
import { ProblemSchema } from '../utils/api/catalog-schemas.ts';
import { messageEvents, prng } from './demo-events.ts';
import type { TestServer } from './test-support.ts';
import { T0, TOKEN, registerCatalog, removeDir, startTestServer } from './test-support.ts';

const NOW = Date.UTC(2026, 10, 1);
let server: TestServer;
let versions: TemplateVersion[];
let campaigns: Campaign[];
let events: EmailEvent[];

async function eventCount(): Promise<number> {
  return ((await (await server.call('/v1/health')).json()) as { events: number }).events;
}

async function clickMap(query = ''): Promise<unknown> {
  const response = await server.call(`/v1/templates/welcome/clickmap${query}`);
  expect(response.status).toBe(200);
  return response.json();
}

function expected(
  period: { from?: number; to?: number } = {},
  versionId?: string,
  includeMachineClicks = true,
) {
  return buildClickMapReport(
    {
      templateId: 'welcome',
      versions,
      campaigns,
      events,
      period,
      ...(versionId ? { versionId } : {}),
    },
    { includeMachineClicks, now: NOW },
  );
}

beforeAll(async () => {
  server = await startTestServer({ now: () => NOW });
  ({ versions, campaigns } = await registerCatalog(server));
  const rand = prng(42);
  events = campaigns.flatMap((c) => {
    const placements = versions.find((x) => x.id === c.versionId)?.placements ?? [];
    return Array.from({ length: 300 }, (_, i) =>
      messageEvents({
        campaignId: c.id,
        recipient: `u${i}@example.org`,
        sentAt: c.sentAt,
        placements,
        rand,
      }),
    ).flat();
  });
});
afterAll(async () => {
  await server.close();
  removeDir(server.dir);
});

describe('auth and CORS', () => {
  it.each([
    ['no token', undefined, 'missing bearer token: send "Authorization: Bearer <token>"'],
    ['wrong token', 'Bearer nope', 'invalid bearer token'],
  ])('401 with a problem body: %s', async (_, authorization, detail) => {
    const response = await fetch(
      `${server.url}/v1/templates`,
      authorization ? { headers: { authorization } } : {},
    );
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="clickmap"');
    const body = v.parse(ProblemSchema, await response.json());
    expect(body).toMatchObject({ status: 401, title: 'Unauthorized', detail });
  });

  it('health needs no token', async () => {
    expect((await fetch(`${server.url}/v1/health`)).status).toBe(200);
  });

  it.each([
    ['chrome-extension://abcdefghijklmnopabcdefghijklmnop', true],
    ['moz-extension://0f6c2a4e-1b2c-4d5e-8f90-123456789abc', true],
    ['https://evil.example', false],
  ])('preflight from %s allowed=%s', async (origin, allowed) => {
    const response = await fetch(`${server.url}/v1/templates`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization',
      },
    });
    expect(response.headers.get('access-control-allow-origin')).toBe(allowed ? origin : null);
    if (allowed)
      expect(response.headers.get('access-control-allow-headers')?.toLowerCase()).toContain(
        'authorization',
      );
  });
});

describe('ingestion and click map', () => {
  it('stores JSON and NDJSON batches and reports exactly what the engine computes', async () => {
    const half = Math.floor(events.length / 2);
    const first = await server.call('/v1/events', { method: 'POST', json: events.slice(0, half) });
    expect(await first.json()).toEqual({
      received: half,
      stored: half,
      duplicates: 0,
      skipped: 0,
      skippedReasons: [],
    });
    const ndjson = events
      .slice(half)
      .map((e) => JSON.stringify(e))
      .join('\n');
    const second = await server.call('/v1/events', {
      method: 'POST',
      body: ndjson,
      headers: { 'content-type': 'application/x-ndjson' },
    });
    expect(((await second.json()) as { stored: number }).stored).toBe(events.length - half);
    expect(await eventCount()).toBe(events.length);
    expect(await clickMap()).toEqual(expected());
    expect(await clickMap('?version=v1&machineClicks=include')).toEqual(expected({}, 'v1', true));
    const from = T0 + 86_400_000;
    const to = T0 + 12 * 86_400_000;
    expect(await clickMap(`?from=${from}&to=${to}`)).toEqual(expected({ from, to }));
    expect(await clickMap(`?from=${new Date(from + 3_600_000).toISOString()}`)).toEqual(
      expected({ from: from + 3_600_000 }),
    );
  });

  it('redelivery is a no-op', async () => {
    const before = await clickMap();
    const again = await server.call('/v1/events', {
      method: 'POST',
      json: { events: events.slice(0, 500) },
    });
    expect(await again.json()).toEqual({
      received: 500,
      stored: 0,
      duplicates: 500,
      skipped: 0,
      skippedReasons: [],
    });
    expect(await clickMap()).toEqual(before);
  });

  it.each([
    ['malformed JSON', '[{"id": "x1",', 400, /^body is not valid JSON: /],
    [
      'one invalid event among valid ones',
      JSON.stringify([
        { id: 'n1', campaignId: 'c1', recipient: 'a', at: T0, type: 'sent' },
        { id: 'n2', campaignId: 'c1', recipient: 'a', at: T0, type: 'opened' },
      ]),
      400,
      /^event #1: type: /,
    ],
    [
      'missing field',
      JSON.stringify([{ id: 'n3', campaignId: 'c1', at: T0, type: 'open' }]),
      400,
      /^event #0: recipient: /,
    ],
    [
      'unknown campaign',
      JSON.stringify([
        { id: 'n4', campaignId: 'c1', recipient: 'a', at: T0, type: 'sent' },
        { id: 'n5', campaignId: 'zz', recipient: 'a', at: T0, type: 'sent' },
      ]),
      422,
      /unknown campaignId "zz"/,
    ],
  ])('%s → 4xx with a reason, nothing stored', async (_, body, status, detail) => {
    const before = await eventCount();
    const response = await server.call('/v1/events', {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(status);
    expect(v.parse(ProblemSchema, await response.json()).detail).toMatch(detail);
    expect(await eventCount()).toBe(before);
  });

  it('bad query parameters are 400s, unknown templates 404s', async () => {
    expect((await server.call('/v1/templates/welcome/clickmap?machineClicks=maybe')).status).toBe(
      400,
    );
    expect((await server.call('/v1/templates/welcome/clickmap?from=yesterday')).status).toBe(400);
    expect((await server.call('/v1/templates/nope/clickmap')).status).toBe(404);
    expect((await server.call('/v1/templates/welcome/clickmap?version=v9')).status).toBe(404);
  });

  it('lists templates with version periods and campaigns', async () => {
    const list = (await (await server.call('/v1/templates')).json()) as {
      templates: { versions: unknown[] }[];
    };
    expect(list.templates[0]?.versions).toEqual([
      {
        versionId: 'v1',
        contentHash: versions[0]?.contentHash,
        from: T0,
        to: T0 + 10 * 86_400_000,
        subject: 'Welcome to {{product_name}}, {{name}}!',
        linkCount: 5,
      },
      {
        versionId: 'v2',
        contentHash: versions[1]?.contentHash,
        from: T0 + 10 * 86_400_000,
        to: null,
        subject: null,
        linkCount: 5,
      },
    ]);
    const listed = (await (await server.call('/v1/campaigns?templateId=welcome')).json()) as {
      campaigns: Campaign[];
    };
    expect(listed.campaigns.map((c) => c.id)).toEqual(['c1', 'c2']);
  });

  it('matches a preview to its version and campaign', async () => {
    const hrefs = (versions[1]?.placements ?? []).map((p) =>
      p.url.replace('{{action_url}}', 'https://app.example.com/x'),
    );
    const response = await server.call('/v1/match', {
      method: 'POST',
      json: { hrefs, subject: 'Other subject', sender: 'news@example.com' },
    });
    const result = (await response.json()) as {
      best: { versionId: string; campaignId: string; confidence: number; reasons: string[] };
    };
    expect(result.best.versionId).toBe('v2');
    expect(result.best.campaignId).toBe('c2');
    expect(result.best.reasons).toContain('sender news@example.com sent campaign c2');
    expect(result.best.confidence).toBeGreaterThan(0.7);
  });

  it('ignores an overlong href and links past 2000 with a note, and still matches (was HTTP 400)', async () => {
    const hrefs = (versions[1]?.placements ?? []).map((p) =>
      p.url.replace('{{action_url}}', 'https://app.example.com/x'),
    );
    const tracking = `https://click.example.com/t?d=${'x'.repeat(9_000)}`; // 9,029 characters
    // The same links again (a page repeating its menu): 2,001 more, beyond the cap.
    const filler = Array.from({ length: 2_001 }, (_, i) => hrefs[i % hrefs.length]!);
    const response = await server.call('/v1/match', {
      method: 'POST',
      json: { hrefs: [tracking, ...hrefs, ...filler], sender: 'news@example.com' },
    });
    expect(response.status).toBe(200);
    const result = (await response.json()) as {
      best: { versionId: string } | null;
      notes: string[];
    };
    expect(result.best?.versionId).toBe('v2');
    expect(result.notes).toEqual([
      '1 links longer than 8192 characters were left out of matching',
      `${hrefs.length + 1} links beyond the first 2000 were left out of matching`,
    ]);
  });
});

describe('restart', () => {
  it('keeps data in the same database file', async () => {
    const before = await clickMap();
    const count = await eventCount();
    await server.close();
    const dir = server.dir;
    server = await startTestServer({ now: () => NOW }, dir);
    expect(server.token).toBe(TOKEN);
    expect(await eventCount()).toBe(count);
    expect(await clickMap()).toEqual(before);
  });
});
