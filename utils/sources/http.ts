/**
 * The network boundary of every source adapter. Adapters never touch the
 * network: they get an injected `http` function (the background passes a
 * ky-based one, tests a fetch-based one) and an injected `sleep`, and this
 * module turns raw responses into validated data or a typed SourceError:
 * 401/403 → unauthorized, 404 → not-found, 429 → bounded retries honouring
 * Retry-After then rate-limited, bad body → invalid-response with the reason.
 */
import * as v from 'valibot';
import type { Millis } from '../report/model.ts';
import { t, tn } from '../i18n/i18n.ts';

export interface HttpRequest {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
}

/**
 * `json` is the parsed body (undefined when empty). An implementation that
 * cannot parse a 2xx body rejects with a SyntaxError; for non-2xx it may
 * return `json: undefined` instead.
 */
export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  json: unknown;
}

export type HttpFn = (req: HttpRequest) => Promise<HttpResponse>;
export type Sleep = (ms: number) => Promise<void>;

export interface SourceDeps {
  http: HttpFn;
  sleep: Sleep;
  /** Clock for HTTP-date Retry-After values and default periods. */
  now?: () => Millis;
  /** Retries after a 429 before giving up (default 3). */
  maxRetries?: number;
  /** Upper bound of one wait, whatever Retry-After says (default 60 s). */
  maxRetryDelayMs?: number;
}

export type SourceErrorKind =
  'unauthorized' | 'not-found' | 'rate-limited' | 'invalid-response' | 'http' | 'network';

export class SourceError extends Error {
  readonly kind: SourceErrorKind;
  readonly status: number | null;
  /** invalid-response: what did not match; http: the provider's own message. */
  readonly reason: string | null;
  /** rate-limited: the last wait the provider asked for. */
  readonly retryAfterMs: number | null;

  constructor(
    kind: SourceErrorKind,
    message: string,
    extra: { status?: number; reason?: string; retryAfterMs?: number } = {},
  ) {
    super(message);
    this.name = 'SourceError';
    this.kind = kind;
    this.status = extra.status ?? null;
    this.reason = extra.reason ?? null;
    this.retryAfterMs = extra.retryAfterMs ?? null;
  }
}

const DEFAULT_MAX_RETRIES = 3;
const DEFAULT_MAX_DELAY_MS = 60_000;
/** Used when a 429 carries no (or an unreadable) Retry-After: 1 s, 2 s, 4 s… */
const FALLBACK_BASE_DELAY_MS = 1_000;

export function headerValue(headers: Record<string, string>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers))
    if (key.toLowerCase() === wanted) return value;
  return undefined;
}

/** Retry-After is either delay-seconds or an HTTP-date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | undefined, now: Millis): number | null {
  if (value === undefined) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - now);
}

/** Valibot issues as "path: message; …" so the user sees what the provider changed. */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => {
      const path = v.getDotPath(issue) ?? '(root)';
      return `${path}: ${issue.message}`;
    })
    .join('; ');
}

function providerMessage(json: unknown): string | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const body = json as Record<string, unknown>;
  // JSON:API-style error lists (Ghost: {"errors":[{"message":"Invalid token: …"}]}).
  if (Array.isArray(body.errors) && body.errors.length > 0) return providerMessage(body.errors[0]);
  for (const key of ['detail', 'message', 'error', 'title']) {
    const value = body[key];
    if (typeof value === 'string' && value !== '') return value;
  }
  return undefined;
}

async function send(deps: SourceDeps, req: HttpRequest): Promise<HttpResponse> {
  try {
    return await deps.http(req);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof SyntaxError) {
      throw new SourceError('invalid-response', t('httpMalformedJson', req.url), {
        reason: message,
      });
    }
    throw new SourceError('network', t('httpRequestFailed', req.url, message), {
      reason: message,
    });
  }
}

function statusError(res: HttpResponse, url: string): SourceError {
  const reason = providerMessage(res.json);
  const extra = reason === undefined ? { status: res.status } : { status: res.status, reason };
  if (res.status === 401 || res.status === 403) {
    return new SourceError('unauthorized', t('httpUnauthorized', String(res.status), url), extra);
  }
  if (res.status === 404) return new SourceError('not-found', t('httpNotFound', url), extra);
  return new SourceError('http', t('httpStatus', String(res.status), url), extra);
}

/** Sends `req`, retrying 429s, and returns the body validated by `schema`. */
export async function requestJson<TSchema extends v.GenericSchema>(
  deps: SourceDeps,
  req: HttpRequest,
  schema: TSchema,
): Promise<v.InferOutput<TSchema>> {
  const maxRetries = deps.maxRetries ?? DEFAULT_MAX_RETRIES;
  const maxDelay = deps.maxRetryDelayMs ?? DEFAULT_MAX_DELAY_MS;
  const now = deps.now ?? Date.now;
  for (let attempt = 0; ; attempt++) {
    const res = await send(deps, req);
    if (res.status === 429) {
      const asked = parseRetryAfter(headerValue(res.headers, 'retry-after'), now());
      const delay = Math.min(asked ?? FALLBACK_BASE_DELAY_MS * 2 ** attempt, maxDelay);
      if (attempt >= maxRetries) {
        throw new SourceError('rate-limited', tn('httpRateLimited', attempt, req.url), {
          status: 429,
          retryAfterMs: delay,
        });
      }
      await deps.sleep(delay);
      continue;
    }
    if (res.status < 200 || res.status > 299) throw statusError(res, req.url);
    const parsed = v.safeParse(schema, res.json);
    if (!parsed.success) {
      throw new SourceError('invalid-response', t('httpBadShape', req.url), {
        status: res.status,
        reason: describeIssues(parsed.issues),
      });
    }
    return parsed.output;
  }
}

/** Basic credentials, UTF-8 safe (btoa alone rejects non-Latin-1 passwords). */
export function basicAuth(user: string, password: string): string {
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}

/** `base` without trailing slashes + `path` + encoded query (repeated keys for arrays). */
export function buildUrl(
  base: string,
  path: string,
  query: Record<string, string | number | string[]> = {},
): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (Array.isArray(value)) for (const item of value) params.append(key, item);
    else params.append(key, String(value));
  }
  const search = params.toString();
  return `${base.replace(/\/+$/, '')}${path}${search ? `?${search}` : ''}`;
}
