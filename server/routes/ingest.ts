/**
 * Ingestion routes: the generic EmailEvent endpoint (JSON or NDJSON) and the
 * SendGrid, Mailgun and Postmark webhooks. Each request is validated whole
 * first, then stored in one transaction: a bad payload gets a 4xx with the
 * reason and stores nothing; a redelivered event (same id) is a no-op.
 * Authentication comes before the body wherever the provider allows it: the
 * token (bearer, basic-auth password or ?token=) and SendGrid's signature
 * headers are checked before a byte is read, SendGrid's signature is hashed
 * while the body streams in, and Mailgun's (inside the body) is checked on a
 * body bounded to one event (limits: ../http-limits.ts).
 */
import { createHash } from 'node:crypto';
import type { Context, Hono } from 'hono';
import type { KeyObject } from 'node:crypto';
import type { IngestResult } from '../../utils/api/types.ts';
import { sameSecret, unauthorized, webhookTokenOf } from '../http-auth.ts';
import { WEBHOOK_BODY_LIMITS, readBounded } from '../http-limits.ts';
import { parseEventsBody, parseJson, toEmailEvent } from '../ingest/generic.ts';
import { mailgunSignatureOf, parseMailgun } from '../ingest/mailgun.ts';
import { parsePostmark } from '../ingest/postmark.ts';
import type { ProviderBatch } from '../ingest/provider-common.ts';
import { parseSendgrid } from '../ingest/sendgrid.ts';
import { MAX_SIGNATURE_AGE_MS, startSendgridCheck, verifyMailgun } from '../ingest/signatures.ts';
import type { EventSink } from '../storage/event-sink.ts';
import type { Storage } from '../storage/types.ts';

export interface WebhookKeys {
  /** Mailgun HTTP webhook signing key: when set, Mailgun requests must be signed. */
  mailgunSigningKey?: string;
  /** SendGrid signed event webhook public key: when set, SendGrid requests must be signed. */
  sendgridPublicKey?: KeyObject;
  now: () => number;
}

const limit = (path: string): number => WEBHOOK_BODY_LIMITS[path] ?? 0;

async function store(sink: EventSink, batch: ProviderBatch, now: number): Promise<IngestResult> {
  // Provider events pass the same validation as generic ones.
  const events = batch.events.map((e, i) => toEmailEvent(e, `event #${i}`, now));
  const outcome = await sink.ingest(events);
  return {
    received: batch.events.length + batch.skipped.length,
    stored: outcome.stored,
    duplicates: outcome.duplicates,
    skipped: batch.skipped.length,
    skippedReasons: batch.skipped.slice(0, 20),
  };
}

function tokenOk(c: Context, token: string): boolean {
  const given = webhookTokenOf(c);
  return given !== null && sameSecret(given, token);
}

export function mountIngestRoutes(
  app: Hono,
  storage: Storage,
  sink: EventSink,
  token: string,
  keys: WebhookKeys,
): void {
  const exists = (id: string): boolean => storage.getCampaign(id) !== null;

  app.post('/v1/events', async (c) => {
    const now = keys.now();
    const events = parseEventsBody(await c.req.text(), c.req.header('content-type'), now);
    return c.json(await store(sink, { events, skipped: [] }, now));
  });

  app.post('/v1/webhooks/sendgrid', async (c) => {
    const path = '/v1/webhooks/sendgrid';
    let raw: string;
    if (keys.sendgridPublicKey) {
      const check = startSendgridCheck(
        keys.sendgridPublicKey,
        c.req.header('x-twilio-email-event-webhook-signature'),
        c.req.header('x-twilio-email-event-webhook-timestamp'),
        keys.now(),
      );
      if (!check) return unauthorized(c, 'SendGrid signature missing or stale');
      raw = await readBounded(c, limit(path), (chunk) => check.update(chunk));
      if (!check.valid()) return unauthorized(c, 'SendGrid signature invalid');
    } else if (!tokenOk(c, token))
      return unauthorized(c, 'token required (no SendGrid verification key configured)');
    else raw = await readBounded(c, limit(path));
    return c.json(await store(sink, parseSendgrid(parseJson(raw), exists), keys.now()));
  });

  app.post('/v1/webhooks/mailgun', async (c) => {
    const path = '/v1/webhooks/mailgun';
    if (!keys.mailgunSigningKey) {
      if (!tokenOk(c, token))
        return unauthorized(c, 'token required (no Mailgun signing key configured)');
      const body = parseJson(await readBounded(c, limit(path)));
      return c.json(await store(sink, parseMailgun(body, exists), keys.now()));
    }
    // The signature is inside the body: read it (bounded to one event) before checking.
    const raw = await readBounded(c, limit(path));
    const body = parseJson(raw);
    const signature = mailgunSignatureOf(body);
    const now = keys.now();
    if (signature.token.length > 256 || !verifyMailgun(keys.mailgunSigningKey, signature, now))
      return unauthorized(c, 'Mailgun signature invalid or stale');
    const claim = await sink.claimToken({
      provider: 'mailgun',
      token: signature.token,
      digest: createHash('sha256').update(raw).digest('base64'),
      expiresAt: Number(signature.timestamp) * 1000 + MAX_SIGNATURE_AGE_MS,
      now,
    });
    if (claim === 'reused')
      return unauthorized(c, 'Mailgun signature token already used with other content (replay)');
    return c.json(await store(sink, parseMailgun(body, exists), now));
  });

  app.post('/v1/webhooks/postmark', async (c) => {
    if (!tokenOk(c, token))
      return unauthorized(c, 'token required: basic-auth password, bearer or ?token=');
    const raw = await readBounded(c, limit('/v1/webhooks/postmark'));
    return c.json(await store(sink, parsePostmark(parseJson(raw), exists), keys.now()));
  });
}
