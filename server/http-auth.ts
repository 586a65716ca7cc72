/**
 * Authentication and CORS of the API.
 * - Bearer token (from env/CLI) on every /v1 route except health; 401 with a
 *   problem body and `WWW-Authenticate: Bearer` otherwise.
 * - Webhooks cannot always send a bearer header: they also accept the token as
 *   the basic-auth password (Postmark's webhook URL credentials) or `?token=`;
 *   a provider's valid signature is accepted instead (see routes/ingest.ts).
 * - CORS: browser-extension origins (chrome-extension://, moz-extension://,
 *   safari-web-extension://) plus any configured extra origins.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { problemResponse } from './problem.ts';

const EXTENSION_ORIGIN = /^(chrome-extension|moz-extension|safari-web-extension):\/\/[a-z0-9-]+$/i;

export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function bearerOf(c: Context): string | null {
  const match = /^Bearer\s+(.+)$/i.exec(c.req.header('authorization') ?? '');
  return match?.[1]?.trim() ?? null;
}

/** The token a webhook request carries: bearer, basic-auth password or ?token=. */
export function webhookTokenOf(c: Context): string | null {
  const bearer = bearerOf(c);
  if (bearer) return bearer;
  const basic = /^Basic\s+(.+)$/i.exec(c.req.header('authorization') ?? '');
  if (basic?.[1]) {
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    return decoded.slice(decoded.indexOf(':') + 1);
  }
  return c.req.query('token') ?? null;
}

export function unauthorized(c: Context, detail: string): Response {
  c.header('WWW-Authenticate', 'Bearer realm="clickmap"');
  return problemResponse(c, 401, 'Unauthorized', detail);
}

/** Bearer auth for the API routes (health and webhooks are handled apart). */
export function bearerAuth(token: string): MiddlewareHandler {
  return async (c, next) => {
    const path = c.req.path;
    if (c.req.method === 'OPTIONS' || path === '/v1/health' || path.startsWith('/v1/webhooks/'))
      return next();
    const given = bearerOf(c);
    if (!given)
      return unauthorized(c, 'missing bearer token: send "Authorization: Bearer <token>"');
    if (!sameSecret(given, token)) return unauthorized(c, 'invalid bearer token');
    return next();
  };
}

export function extensionCors(extraOrigins: readonly string[] = []): MiddlewareHandler {
  return cors({
    origin: (origin) =>
      EXTENSION_ORIGIN.test(origin) || extraOrigins.includes(origin) ? origin : null,
    allowMethods: ['GET', 'POST', 'OPTIONS'],
    allowHeaders: ['Authorization', 'Content-Type'],
    maxAge: 600,
  });
}
