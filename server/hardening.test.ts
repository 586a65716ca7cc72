// @vitest-environment node
/**
 * Hostile input against a real server: event times outside any sane window,
 * strings that are not well-formed Unicode (two ids that SQLite would fold
 * into one), a replayed Mailgun signature token (also after a restart), and
 * big unauthenticated bodies (refused before they are read). Each case
 * stores nothing.
 */
import { createHmac } from 'node:crypto';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from './test-support.ts';
import { T0, registerCatalog, removeDir, startTestServer } from './test-support.ts';

const NOW = T0 + 2 * 86_400_000;
const SIGNING_KEY = 'key-hardening-0123456789';
let server: TestServer;

async function eventCount(): Promise<number> {
  return ((await (await server.call('/v1/health')).json()) as { events: number }).events;
}

async function refused(response: Response, status: number, detail: RegExp): Promise<void> {
  expect(response.status).toBe(status);
  expect(((await response.json()) as { detail: string }).detail).toMatch(detail);
}

const event = (over: Record<string, unknown>) => ({
  id: `e-${Math.random()}`,
  campaignId: 'c1',
  recipient: 'ada@example.org',
  at: NOW - 1000,
  type: 'open',
  ...over,
});

beforeAll(async () => {
  server = await startTestServer({ now: () => NOW, mailgunSigningKey: SIGNING_KEY });
  await registerCatalog(server);
});
afterAll(async () => {
  await server.close();
  removeDir(server.dir);
});

describe('event time bounds', () => {
  it.each([
    ['1e300', 1e300, /^event #0: at: /],
    ['9e15 (past the Date range)', 9e15, /^event #0: at: /],
    ['2^53 + 2', 2 ** 53 + 2, /^event #0: at: /],
    ['two days ahead', NOW + 2 * 86_400_000, /^event #0: at: .*more than a day after now/],
    ['negative', -1, /^event #0: at: /],
  ])('%s → 400 naming "at", nothing stored', async (_, at, detail) => {
    const before = await eventCount();
    await refused(
      await server.call('/v1/events', {
        method: 'POST',
        json: [event({}), event({ at })].reverse(),
      }),
      400,
      detail,
    );
    expect(await eventCount()).toBe(before);
  });

  it('accepts an event an hour ahead (clock skew)', async () => {
    const response = await server.call('/v1/events', {
      method: 'POST',
      json: [event({ at: NOW + 3_600_000 })],
    });
    expect(response.status).toBe(200);
  });

  it('refuses a provider timestamp of 1e300 naming its field', async () => {
    const response = await server.call('/v1/webhooks/sendgrid', {
      method: 'POST',
      json: [
        { event: 'open', email: 'a@b.c', timestamp: 1e300, sg_event_id: 's', campaign_id: 'c1' },
      ],
    });
    await refused(response, 400, /^event #0: "timestamp" must be a Unix timestamp in seconds/);
  });
});

describe('well-formed strings', () => {
  it('two ids differing only in their lone surrogate are both refused', async () => {
    const before = await eventCount();
    for (const id of ['x\ud800', 'x\udbff'])
      await refused(
        await server.call('/v1/events', { method: 'POST', json: [event({ id })] }),
        400,
        /^event #0: id: must be well-formed Unicode/,
      );
    expect(await eventCount()).toBe(before);
  });

  it.each([
    ['recipient', { recipient: 'a\udc00@b.c' }],
    ['userAgent', { userAgent: 'UA \ud83d' }],
    ['url', { type: 'click', url: 'https://a.example/\udfff' }],
  ])('a lone surrogate in %s is refused', async (field, over) => {
    await refused(
      await server.call('/v1/events', { method: 'POST', json: [event(over)] }),
      400,
      new RegExp(`^event #0: ${field}: must be well-formed`),
    );
  });

  it('catalog strings are well-formed too', async () => {
    await refused(
      await server.call('/v1/templates', { method: 'POST', json: { id: 't\ud800', name: 'T' } }),
      400,
      /^template: id: must be well-formed/,
    );
    await refused(
      await server.call('/v1/campaigns', {
        method: 'POST',
        json: { id: 'c9', templateId: 'welcome', versionId: 'v1', name: '\udc00', sentAt: T0 },
      }),
      400,
      /^campaign: name: must be well-formed/,
    );
  });
});

describe('Mailgun replay', () => {
  const TOKEN50 = 'e0b5477167110d68991efc6b9f89f0a11066af27834600e123';
  const body = (id: string, url: string) => {
    const timestamp = String(Math.floor(NOW / 1000) - 60);
    return JSON.stringify({
      signature: {
        timestamp,
        token: TOKEN50,
        signature: createHmac('sha256', SIGNING_KEY)
          .update(timestamp + TOKEN50)
          .digest('hex'),
      },
      'event-data': {
        event: 'clicked',
        id,
        timestamp: NOW / 1000 - 60,
        recipient: 'ada@example.org',
        url,
        'user-variables': { campaign_id: 'c1' },
      },
    });
  };
  const post = (raw: string) =>
    fetch(`${server.url}/v1/webhooks/mailgun`, {
      method: 'POST',
      body: raw,
      headers: { 'content-type': 'application/json' },
    });
  const genuine = body('mg-genuine', 'https://example.com');
  const forged = body('mg-forged', 'https://example.com/forged');

  it('refuses a signed token reused with other event data, also after a restart', async () => {
    expect(((await (await post(genuine)).json()) as { stored: number }).stored).toBe(1);
    const before = await eventCount();
    await refused(await post(forged), 401, /already used/);
    // Redelivery of the very same request stays an idempotent no-op.
    expect(((await (await post(genuine)).json()) as { duplicates: number }).duplicates).toBe(1);
    await server.close();
    server = await startTestServer({ now: () => NOW, mailgunSigningKey: SIGNING_KEY }, server.dir);
    await refused(await post(forged), 401, /already used/);
    expect(await eventCount()).toBe(before);
  });
});

/** POSTs an endless chunked body; resolves with the status once the server answers, and the bytes sent. */
function endlessPost(
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; sent: number }> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, server.url);
    const chunk = Buffer.alloc(256 * 1024, 0x20);
    let sent = 0;
    const req = request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
    });
    const timer = setInterval(() => {
      if (sent >= 32 * 1024 * 1024) {
        clearInterval(timer);
        reject(new Error(`no answer after ${sent} bytes`));
        return;
      }
      req.write(chunk);
      sent += chunk.length;
    }, 5);
    req.on('response', (res) => {
      clearInterval(timer);
      res.resume();
      resolve({ status: res.statusCode ?? 0, sent });
      req.destroy();
    });
    req.on('error', (error) => (sent > 0 ? undefined : reject(error)));
    req.write('[');
  });
}

describe('big unauthenticated bodies', () => {
  it.each([
    ['/v1/events', 401],
    ['/v1/webhooks/postmark', 401],
    ['/v1/webhooks/sendgrid', 401],
    ['/v1/webhooks/mailgun', 413],
  ])('%s answers %i without reading an endless body', async (path, status) => {
    const { status: got, sent } = await endlessPost(path);
    expect(got).toBe(status);
    expect(sent).toBeLessThan(8 * 1024 * 1024);
  });

  it('a declared length over a webhook limit is refused before reading', async () => {
    const response = await fetch(`${server.url}/v1/webhooks/sendgrid`, {
      method: 'POST',
      body: `[${' '.repeat(2 * 1024 * 1024)}]`,
      headers: { 'content-type': 'application/json', authorization: 'Bearer x' },
    });
    expect(response.status).toBe(413);
  });
});
