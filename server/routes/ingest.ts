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
import { sameSecret, unauthorized, webhookTokenOf } from '../http-auth.ts';
import { WEBHOOK_BODY_LIMITS, readBounded } from '../http-limits.ts';
import { parseJson } from '../ingest/generic.ts';
import type { BodyFormat } from '../ingest/ingest-body.ts';
import { mailgunSignatureOf } from '../ingest/mailgun.ts';
import { MAX_SIGNATURE_AGE_MS, startSendgridCheck, verifyMailgun } from '../ingest/signatures.ts';
import type { EventSink } from '../storage/event-sink.ts';

export interface WebhookKeys {
  /** Mailgun HTTP webhook signing key: when set, Mailgun requests must be signed. */
  mailgunSigningKey?: string;
  /** SendGrid signed event webhook public key: when set, SendGrid requests must be signed. */
  sendgridPublicKey?: KeyObject;
  now: () => number;
}

const limit = (path: string): number => WEBHOOK_BODY_LIMITS[path] ?? 0;

function tokenOk(c: Context, token: string): boolean {
  const given = webhookTokenOf(c);
  return given !== null && sameSecret(given, token);
}

export function mountIngestRoutes(
  app: Hono,
  sink: EventSink,
  token: string,
  keys: WebhookKeys,
): void {
  // Parsing, validation and storage run in the sink (off the event loop with the writer thread).
  const ingest = async (c: Context, format: BodyFormat, text: string) =>
    c.json(
      await sink.ingest({
        format,
        text,
        now: keys.now(),
        ...(format === 'events' ? { contentType: c.req.header('content-type') ?? '' } : {}),
      }),
    );

  app.post('/v1/events', async (c) => ingest(c, 'events', await c.req.text()));

  app.post('/v1/webhooks/sendgrid', async (c) => {
    const path = '/v1/webhooks/sendgrid';
    if (!keys.sendgridPublicKey) {
      if (!tokenOk(c, token))
        return unauthorized(c, 'token required (no SendGrid verification key configured)');
      return ingest(c, 'sendgrid', await readBounded(c, limit(path)));
    }
    const check = startSendgridCheck(
      keys.sendgridPublicKey,
      c.req.header('x-twilio-email-event-webhook-signature'),
      c.req.header('x-twilio-email-event-webhook-timestamp'),
      keys.now(),
    );
    if (!check) return unauthorized(c, 'SendGrid signature missing or stale');
    const raw = await readBounded(c, limit(path), (chunk) => check.update(chunk));
    if (!check.valid()) return unauthorized(c, 'SendGrid signature invalid');
    return ingest(c, 'sendgrid', raw);
  });

  app.post('/v1/webhooks/mailgun', async (c) => {
    const path = '/v1/webhooks/mailgun';
    if (!keys.mailgunSigningKey) {
      if (!tokenOk(c, token))
        return unauthorized(c, 'token required (no Mailgun signing key configured)');
      return ingest(c, 'mailgun', await readBounded(c, limit(path)));
    }
    // The signature is inside the body: read it (bounded to one event) before checking.
    const raw = await readBounded(c, limit(path));
    const signature = mailgunSignatureOf(parseJson(raw));
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
    return ingest(c, 'mailgun', raw);
  });

  app.post('/v1/webhooks/postmark', async (c) => {
    if (!tokenOk(c, token))
      return unauthorized(c, 'token required: basic-auth password, bearer or ?token=');
    return ingest(c, 'postmark', await readBounded(c, limit('/v1/webhooks/postmark')));
  });
}
