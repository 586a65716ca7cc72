/**
 * Ingestion routes: the generic EmailEvent endpoint (JSON or NDJSON) and the
 * SendGrid, Mailgun and Postmark webhooks. Each request is validated whole
 * first, then stored in one transaction: a bad payload gets a 4xx with the
 * reason and stores nothing; a redelivered event (same id) is a no-op.
 */
import type { Context, Hono } from 'hono';
import type { KeyObject } from 'node:crypto';
import type { IngestResult } from '../../utils/api/types.ts';
import type { EmailEvent } from '../../utils/report/model.ts';
import { sameSecret, unauthorized, webhookTokenOf } from '../http-auth.ts';
import { parseEventsBody, parseJson, toEmailEvent } from '../ingest/generic.ts';
import { mailgunSignatureOf, parseMailgun } from '../ingest/mailgun.ts';
import { parsePostmark } from '../ingest/postmark.ts';
import type { ProviderBatch } from '../ingest/provider-common.ts';
import { parseSendgrid } from '../ingest/sendgrid.ts';
import { verifyMailgun, verifySendgrid } from '../ingest/signatures.ts';
import type { Storage } from '../storage/types.ts';

export interface WebhookKeys {
  /** Mailgun HTTP webhook signing key: when set, Mailgun requests must be signed. */
  mailgunSigningKey?: string;
  /** SendGrid signed event webhook public key: when set, SendGrid requests must be signed. */
  sendgridPublicKey?: KeyObject;
  now: () => number;
}

function store(storage: Storage, batch: ProviderBatch): IngestResult {
  // Provider events pass the same validation as generic ones.
  const events = batch.events.map((e, i) => toEmailEvent(e, `event #${i}`));
  const outcome = storage.ingest(events);
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
  token: string,
  keys: WebhookKeys,
): void {
  const exists = (id: string): boolean => storage.getCampaign(id) !== null;

  app.post('/v1/events', async (c) => {
    const events: EmailEvent[] = parseEventsBody(await c.req.text(), c.req.header('content-type'));
    return c.json(store(storage, { events, skipped: [] }));
  });

  app.post('/v1/webhooks/sendgrid', async (c) => {
    const raw = await c.req.text();
    if (keys.sendgridPublicKey) {
      const signature = c.req.header('x-twilio-email-event-webhook-signature');
      const timestamp = c.req.header('x-twilio-email-event-webhook-timestamp');
      if (!verifySendgrid(keys.sendgridPublicKey, raw, signature, timestamp, keys.now()))
        return unauthorized(c, 'SendGrid signature missing, invalid or stale');
    } else if (!tokenOk(c, token))
      return unauthorized(c, 'token required (no SendGrid verification key configured)');
    return c.json(store(storage, parseSendgrid(parseJson(raw), exists)));
  });

  app.post('/v1/webhooks/mailgun', async (c) => {
    const body = parseJson(await c.req.text());
    if (keys.mailgunSigningKey) {
      if (!verifyMailgun(keys.mailgunSigningKey, mailgunSignatureOf(body), keys.now()))
        return unauthorized(c, 'Mailgun signature invalid or stale');
    } else if (!tokenOk(c, token))
      return unauthorized(c, 'token required (no Mailgun signing key configured)');
    return c.json(store(storage, parseMailgun(body, exists)));
  });

  app.post('/v1/webhooks/postmark', async (c) => {
    if (!tokenOk(c, token))
      return unauthorized(c, 'token required: basic-auth password, bearer or ?token=');
    return c.json(store(storage, parsePostmark(parseJson(await c.req.text()), exists)));
  });
}
