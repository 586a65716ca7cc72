/**
 * Request body limits per route, and a bounded body reader.
 * - Routes behind the bearer token (checked before any body byte is read)
 *   accept large bodies: bulk event loads, template HTML.
 * - Provider webhooks are sized to what the provider documents it sends, so an
 *   unauthenticated sender cannot make the server hold much: SendGrid posts
 *   batches of up to 768 KB; Mailgun and Postmark post one event per request.
 * A declared Content-Length over the limit is refused before reading; a
 * chunked body is cut off as soon as it passes the limit (413 either way).
 * Webhook handlers must read their body with readBounded.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HttpProblem, problemResponse } from './problem.ts';

const KiB = 1024;
const MiB = 1024 * KiB;

/** Default for authenticated API routes. */
export const API_BODY_LIMIT = 64 * MiB;

export const WEBHOOK_BODY_LIMITS: Readonly<Record<string, number>> = {
  // SendGrid: "events post every 30 seconds or when the batch size reaches 768 kilobytes".
  '/v1/webhooks/sendgrid': 1 * MiB,
  // Mailgun: one event (event-data + signature) per request.
  '/v1/webhooks/mailgun': 256 * KiB,
  // Postmark: one record per request; a bounce may carry the bounced message's details.
  '/v1/webhooks/postmark': 1 * MiB,
};

const tooLarge = (c: Context, limit: number): Response =>
  problemResponse(c, 413, 'Content Too Large', `request body larger than ${limit} bytes`);

/**
 * One middleware applying each route's limit. Authenticated API routes use
 * Hono's bodyLimit (it buffers the body, after bearerAuth has run). Webhooks
 * authenticate inside their handler, so here they only get the declared-length
 * check; their handler reads with readBounded, after whatever check the
 * provider allows before the body.
 */
export function routeBodyLimits(apiLimit = API_BODY_LIMIT): MiddlewareHandler {
  const api = bodyLimit({ maxSize: apiLimit, onError: (c) => tooLarge(c, apiLimit) });
  return (c, next) => {
    const webhookLimit = WEBHOOK_BODY_LIMITS[c.req.path];
    if (webhookLimit === undefined) return api(c, next);
    const declared = Number(c.req.header('content-length') ?? 0);
    return declared > webhookLimit ? Promise.resolve(tooLarge(c, webhookLimit)) : next();
  };
}

/**
 * Reads the body as UTF-8, at most `limit` bytes, passing each chunk to
 * `onChunk` as it arrives (a signature check hashes the body while it streams).
 */
export async function readBounded(
  c: Context,
  limit: number,
  onChunk?: (chunk: Uint8Array) => void,
): Promise<string> {
  const body = c.req.raw.body;
  if (!body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > limit)
      throw new HttpProblem(413, 'Content Too Large', `request body larger than ${limit} bytes`);
    onChunk?.(chunk);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
