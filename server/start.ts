/**
 * Starts the reference server programmatically (tests, `npm run demo`, the
 * CLI): opens the SQLite store, optionally loads the demo dataset, listens on
 * loopback and resolves with the bound URL, the token and close().
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { resolveOptions } from '../utils/report/options.ts';
import { createApp } from './app.ts';
import { loadDemoData } from './demo-data.ts';
import { sendgridPublicKey } from './ingest/signatures.ts';
import type { EventSink } from './storage/event-sink.ts';
import { inlineSink } from './storage/event-sink.ts';
import { SqliteStorage } from './storage/sqlite-storage.ts';
import { WriterThread } from './storage/writer-thread.ts';
import type { Storage } from './storage/types.ts';

export interface StartOptions {
  /** SQLite file; ':memory:' (default) keeps nothing. */
  db?: string;
  /** Bearer token; a random one when absent. */
  token?: string;
  /** 0 (default): any free port. */
  port?: number;
  host?: string;
  seed?: 'demo';
  mailgunSigningKey?: string;
  /** SendGrid verification key (base64 DER or PEM). */
  sendgridPublicKey?: string;
  corsOrigins?: string[];
  /** Clock (tests pin it). */
  now?: () => number;
  /**
   * Run ingestion on a writer thread with its own connection (default for a
   * database file), so reads never wait behind writes; false: on the event loop.
   */
  writerThread?: boolean;
}

export interface RunningServer {
  url: string;
  token: string;
  storage: Storage;
  close(): Promise<void>;
}

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const now = options.now ?? Date.now;
  const token = options.token ?? randomBytes(18).toString('base64url');
  // Commits by either connection (this one, the writer thread's): the report cache's generation.
  const generation = new Int32Array(new SharedArrayBuffer(4));
  const storage = new SqliteStorage(
    options.db ?? ':memory:',
    () => resolveOptions({ now: now() }),
    generation,
  );
  if (options.seed === 'demo' && storage.listTemplates().length === 0) loadDemoData(storage);
  const db = options.db ?? ':memory:';
  let sink: EventSink = inlineSink(storage);
  if (db !== ':memory:' && options.writerThread !== false) {
    const thread = new WriterThread(db, {
      generation,
      hotQueries: () => storage.hotQueries(),
      onReports: (at, reports) => storage.installReports(at, reports),
    });
    await thread.start();
    sink = thread;
  }
  const app = createApp({
    storage,
    sink,
    token,
    corsOrigins: options.corsOrigins ?? [],
    webhooks: {
      now,
      ...(options.mailgunSigningKey ? { mailgunSigningKey: options.mailgunSigningKey } : {}),
      ...(options.sendgridPublicKey
        ? { sendgridPublicKey: sendgridPublicKey(options.sendgridPublicKey) }
        : {}),
    },
  });
  const host = options.host ?? '127.0.0.1';
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: options.port ?? 0, hostname: host }, () =>
      resolve(s),
    );
    s.once('error', reject);
  });
  // Writes queue on the writer thread, so a response can take seconds under load: keep idle
  // connections well past Node's 5 s, or a client reusing one as the server drops it gets a reset.
  if ('keepAliveTimeout' in server) {
    server.keepAliveTimeout = 65_000;
    server.headersTimeout = 66_000;
  }
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    token,
    storage,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          void sink.close().then(() => {
            storage.close();
            resolve();
          });
        });
        if ('closeAllConnections' in server) server.closeAllConnections();
      }),
  };
}
