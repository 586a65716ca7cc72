/**
 * EventSink on a worker thread (./writer-worker.ts): request bodies are
 * parsed, validated and stored on their own SQLite connection off the event loop, so click-map reads
 * on the main connection never queue behind a write (the database is in WAL
 * mode). Requests are applied in arrival order, those that queued meanwhile
 * in one transaction with a savepoint each (./writer-batch.ts). Each request
 * carries the click maps read lately (`hotQueries`); the worker recomputes
 * them after its commit and they reach `onReports` before that commit's
 * replies. A worker that dies fails its pending requests and is restarted for
 * the next one.
 */
import { Worker } from 'node:worker_threads';
import type { IngestResult } from '../../utils/api/types.ts';
import type { BodyJob } from '../ingest/ingest-body.ts';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { HttpProblem } from '../problem.ts';
import type { EventSink } from './event-sink.ts';
import type { ClaimResult, TokenClaim } from './webhook-tokens.ts';
import type { RefreshedReport } from './report-cache.ts';
import type { ClickMapQuery } from './types.ts';
import type { WriterData, WriterFailure, WriterJob, WriterToMain } from './writer-protocol.ts';

export interface WriterThreadOptions {
  /** The commit counter shared with the main connection (SqliteStorage's). */
  generation?: Int32Array<SharedArrayBuffer>;
  /** The click maps to recompute after each commit. */
  hotQueries?: () => ClickMapQuery[];
  /** Where the recomputed reports go (before the replies of their commit). */
  onReports?: (generation: number, reports: RefreshedReport[]) => void;
}

interface Pending {
  resolve: (result: IngestResult | ClaimResult) => void;
  reject: (error: Error) => void;
}

function toError(failure: WriterFailure): Error {
  return failure.status === undefined
    ? new Error(failure.message)
    : new HttpProblem(
        failure.status as ContentfulStatusCode,
        failure.title ?? 'Error',
        failure.message,
      );
}

export class WriterThread implements EventSink {
  readonly #path: string;
  readonly #pending = new Map<number, Pending>();
  #worker: Worker | null = null;
  #ready: Promise<void> = Promise.resolve();
  #nextId = 1;
  readonly #inflight = new Set<Promise<unknown>>();
  readonly #options: WriterThreadOptions;

  constructor(path: string, options: WriterThreadOptions = {}) {
    this.#path = path;
    this.#options = options;
  }

  /** Starts the worker (once its connection is open, writes are accepted). */
  start(): Promise<void> {
    if (this.#worker) return this.#ready;
    const workerData: WriterData = {
      path: this.#path,
      generation: this.#options.generation ?? new Int32Array(new SharedArrayBuffer(4)),
    };
    const worker = new Worker(new URL('./writer-worker.ts', import.meta.url), { workerData });
    this.#worker = worker;
    this.#ready = new Promise((resolve, reject) => {
      worker.once('message', () => resolve());
      worker.once('error', reject);
    });
    worker.on('message', (message: WriterToMain) => {
      if (message.kind === 'reports')
        this.#options.onReports?.(message.generation, message.reports);
      if (message.kind !== 'reply') return;
      const { reply } = message;
      const pending = this.#pending.get(reply.id);
      this.#pending.delete(reply.id);
      if (reply.ok) pending?.resolve(reply.result);
      else pending?.reject(toError(reply.error));
    });
    worker.on('error', (error) => this.#fail(worker, error));
    worker.on('exit', (code) => this.#fail(worker, new Error(`writer thread exited (${code})`)));
    return this.#ready;
  }

  #fail(worker: Worker, error: Error): void {
    if (this.#worker !== worker) return;
    this.#worker = null;
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
  }

  async #send(job: WriterJob): Promise<IngestResult | ClaimResult> {
    await this.start();
    const worker = this.#worker;
    if (!worker) throw new Error('writer thread is not running');
    const id = this.#nextId++;
    const reply = new Promise<IngestResult | ClaimResult>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      worker.postMessage({ ...job, id, hot: this.#options.hotQueries?.() ?? [] });
    });
    this.#inflight.add(reply);
    void reply.then(
      () => this.#inflight.delete(reply),
      () => this.#inflight.delete(reply),
    );
    return reply;
  }

  async ingest(job: BodyJob): Promise<IngestResult> {
    return (await this.#send({ kind: 'ingest', job })) as IngestResult;
  }

  async claimToken(claim: TokenClaim): Promise<ClaimResult> {
    return (await this.#send({ kind: 'claim', claim })) as ClaimResult;
  }

  /** Waits for the pending writes, then stops the worker. */
  async close(): Promise<void> {
    await Promise.allSettled([...this.#inflight]);
    const worker = this.#worker;
    this.#worker = null;
    if (worker) await worker.terminate();
  }
}
