// @vitest-environment node
/**
 * Provider webhooks against a real server: SendGrid (ECDSA-signed), Mailgun
 * (HMAC-signed) and Postmark (basic auth), with payloads shaped like the
 * corpus samples (../shared/corpus/api). Signatures are really computed;
 * tampered, unsigned or stale requests are refused and store nothing;
 * redelivery is idempotent.
 */
import { createHmac, generateKeyPairSync, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from './test-support.ts';
import { T0, TOKEN, registerCatalog, removeDir, startTestServer } from './test-support.ts';

const NOW = T0 + 2 * 86_400_000;
const SIGNING_KEY = 'key-3ax6xnjp29jd6fds4gc373sgvjxteol0';
const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const corpus = (name: string): Record<string, unknown> =>
  JSON.parse(
    readFileSync(new URL(`../../shared/corpus/api/${name}`, import.meta.url), 'utf8'),
  ) as Record<string, unknown>;

let server: TestServer;

async function count(): Promise<number> {
  return ((await (await server.call('/v1/health')).json()) as { events: number }).events;
}

beforeAll(async () => {
  server = await startTestServer({
    now: () => NOW,
    mailgunSigningKey: SIGNING_KEY,
    sendgridPublicKey: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
  });
  await registerCatalog(server);
});
afterAll(async () => {
  await server.close();
  removeDir(server.dir);
});

describe('Mailgun', () => {
  const item = (corpus('mailgun-events-clicked.json').items as Record<string, unknown>[])[0] ?? {};
  const eventData = {
    ...item,
    timestamp: NOW / 1000 - 30,
    'user-variables': { campaign_id: 'c1' },
  };
  const signed = (timestamp: string, key = SIGNING_KEY) => ({
    signature: {
      timestamp,
      token: 'a8ce0edb2dd8301dee6c2405235584e45aa91d1e9f979f3de0',
      signature: createHmac('sha256', key)
        .update(`${timestamp}a8ce0edb2dd8301dee6c2405235584e45aa91d1e9f979f3de0`)
        .digest('hex'),
    },
    'event-data': eventData,
  });
  const post = (body: unknown) =>
    fetch(`${server.url}/v1/webhooks/mailgun`, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
    });

  it.each([
    ['wrong key', signed(String(NOW / 1000), 'other-key')],
    ['stale timestamp', signed(String(NOW / 1000 - 3600))],
  ])('refuses %s with 401 and stores nothing', async (_, body) => {
    const before = await count();
    const response = await post(body);
    expect(response.status).toBe(401);
    expect(await count()).toBe(before);
  });

  it('accepts a signed click once, then treats redelivery as a duplicate', async () => {
    const body = signed(String(NOW / 1000));
    expect(await (await post(body)).json()).toEqual({
      received: 1,
      stored: 1,
      duplicates: 0,
      skipped: 0,
      skippedReasons: [],
    });
    expect(await (await post(body)).json()).toEqual({
      received: 1,
      stored: 0,
      duplicates: 1,
      skipped: 0,
      skippedReasons: [],
    });
    const map = (await (
      await server.call('/v1/templates/welcome/clickmap?campaigns=c1')
    ).json()) as { totals: { totalClicks: number } };
    expect(map.totals.totalClicks).toBe(1);
  });
});

describe('SendGrid', () => {
  const events = [
    {
      email: 'Ada@Example.org',
      timestamp: NOW / 1000 - 60,
      event: 'delivered',
      sg_event_id: 'sg-d-1',
      sg_message_id: 'm1',
      campaign_id: 'c2',
    },
    {
      email: 'ada@example.org',
      timestamp: NOW / 1000 - 30,
      event: 'click',
      sg_event_id: 'sg-c-1',
      url: 'https://example.com/v2',
      url_offset: { index: 0, type: 'html' },
      useragent: 'Mozilla/5.0',
      campaign_id: 'c2',
    },
    {
      email: 'bob@example.org',
      timestamp: NOW / 1000 - 20,
      event: 'deferred',
      sg_event_id: 'sg-x-1',
      campaign_id: 'c2',
    },
    {
      email: 'cy@example.org',
      timestamp: NOW / 1000 - 10,
      event: 'open',
      sg_event_id: 'sg-o-1',
      singlesend_id: 'not-registered',
    },
  ];
  const raw = JSON.stringify(events);
  const post = (body: string, timestamp: string, signature: string) =>
    fetch(`${server.url}/v1/webhooks/sendgrid`, {
      method: 'POST',
      body,
      headers: {
        'content-type': 'application/json',
        'x-twilio-email-event-webhook-signature': signature,
        'x-twilio-email-event-webhook-timestamp': timestamp,
      },
    });
  const signature = (timestamp: string, body: string) =>
    sign('sha256', Buffer.from(timestamp + body), privateKey).toString('base64');

  it('refuses a tampered body with 401 and stores nothing', async () => {
    const before = await count();
    const timestamp = String(NOW / 1000);
    expect(
      (await post(raw.replace('sg-c-1', 'sg-c-2'), timestamp, signature(timestamp, raw))).status,
    ).toBe(401);
    expect((await post(raw, timestamp, '')).status).toBe(401);
    expect(await count()).toBe(before);
  });

  it('stores signed events, skipping untracked types and unknown campaigns with reasons', async () => {
    const timestamp = String(NOW / 1000);
    const response = await post(raw, timestamp, signature(timestamp, raw));
    expect(await response.json()).toEqual({
      received: 4,
      stored: 2,
      duplicates: 0,
      skipped: 2,
      skippedReasons: [
        'event #2: "deferred" is not tracked',
        'event #3: no registered campaign (tried not-registered)',
      ],
    });
    const map = (await (await server.call('/v1/templates/welcome/clickmap?version=v2')).json()) as {
      links: { linkId: string; totalClicks: number }[];
    };
    expect(map.links.find((l) => l.linkId === 'L0')?.totalClicks).toBe(1);
  });

  it('rejects a malformed event with 400 and nothing stored', async () => {
    const before = await count();
    const body = JSON.stringify([
      { ...events[0], sg_event_id: 'sg-new' },
      { event: 'click', timestamp: 'soon', email: 'x@y.z', sg_event_id: 'z' },
    ]);
    const timestamp = String(NOW / 1000);
    const response = await post(body, timestamp, signature(timestamp, body));
    expect(response.status).toBe(400);
    expect(((await response.json()) as { detail: string }).detail).toBe(
      'event #1: "timestamp" must be a Unix timestamp in seconds',
    );
    expect(await count()).toBe(before);
  });
});

describe('Postmark', () => {
  const click = {
    ...((corpus('postmark-messages-outbound-clicks.json').Clicks as Record<string, unknown>[])[0] ??
      {}),
    RecordType: 'Click',
    Metadata: { campaign_id: 'c1' },
  };
  const post = (authorization?: string) =>
    fetch(`${server.url}/v1/webhooks/postmark`, {
      method: 'POST',
      body: JSON.stringify(click),
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    });

  it('needs the token (basic-auth password)', async () => {
    expect((await post()).status).toBe(401);
    expect((await post(`Basic ${Buffer.from('postmark:wrong').toString('base64')}`)).status).toBe(
      401,
    );
  });

  it('stores a click once with a stable derived id', async () => {
    const auth = `Basic ${Buffer.from(`postmark:${TOKEN}`).toString('base64')}`;
    expect(((await (await post(auth)).json()) as { stored: number }).stored).toBe(1);
    expect(((await (await post(auth)).json()) as { duplicates: number }).duplicates).toBe(1);
  });
});
