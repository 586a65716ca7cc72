/**
 * The Hono application of Click Map API v1: CORS for extension origins,
 * bearer auth, the routes, and one error handler turning every failure into
 * an RFC 9457 problem body (unexpected ones as a 500 without internals).
 */
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { bearerAuth, extensionCors } from './http-auth.ts';
import { routeBodyLimits } from './http-limits.ts';
import { HttpProblem, problemResponse } from './problem.ts';
import type { WebhookKeys } from './routes/ingest.ts';
import { mountIngestRoutes } from './routes/ingest.ts';
import { mountReadRoutes } from './routes/read.ts';
import { mountRegistryRoutes } from './routes/registry.ts';
import type { EventSink } from './storage/event-sink.ts';
import { inlineSink } from './storage/event-sink.ts';
import type { Storage } from './storage/types.ts';

export interface AppOptions {
  storage: Storage;
  /** Where writes go (default: the storage itself, on the event loop). */
  sink?: EventSink;
  token: string;
  webhooks: WebhookKeys;
  corsOrigins?: string[];
  /** Largest accepted body on the authenticated API routes (webhooks: ./http-limits.ts). */
  maxBodyBytes?: number;
  /** Where unexpected errors are reported (default: stderr). */
  logError?: (error: unknown) => void;
}

export function createApp(options: AppOptions): Hono {
  const app = new Hono();
  const logError = options.logError ?? ((error: unknown) => console.error(error));
  app.use('/v1/*', extensionCors(options.corsOrigins));
  app.use('/v1/*', bearerAuth(options.token));
  app.use('/v1/*', routeBodyLimits(options.maxBodyBytes));
  mountReadRoutes(app, options.storage);
  mountRegistryRoutes(app, options.storage);
  mountIngestRoutes(
    app,
    options.storage,
    options.sink ?? inlineSink(options.storage),
    options.token,
    options.webhooks,
  );
  app.notFound((c) =>
    problemResponse(c, 404, 'Not Found', `no route ${c.req.method} ${c.req.path}`),
  );
  app.onError((error, c) => {
    if (error instanceof HttpProblem)
      return problemResponse(c, error.status, error.title, error.message);
    if (error instanceof HTTPException)
      return problemResponse(c, error.status as ContentfulStatusCode, 'Error', error.message);
    logError(error);
    return problemResponse(
      c,
      500,
      'Internal Server Error',
      'unexpected error; nothing was stored for this request',
    );
  });
  return app;
}
