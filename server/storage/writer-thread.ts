/**
 * EventSink on a worker thread (./writer-worker.ts): ingestion transactions
 * run on their own SQLite connection off the event loop, so click-map reads
 * on the main connection never queue behind a write (the database is in WAL
 * mode). Requests are applied one at a time in arrival order, each in its own
 * transaction, exactly as on the main thread. A worker that dies fails its
 * pending requests and is restarted for the next one.
 */
import { Worker } from 'node:worker_threads';
import type { EmailEvent } from '../../utils/report/model.ts';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { HttpProblem } from '../problem.ts';
import type { EventSink } from './event-sink.ts';
import type { IngestOutcome } from './types.ts';
import type { ClaimResult, TokenClaim } from './webhook-tokens.ts';
import type { WriterFailure, WriterJob, WriterReply } from './writer-protocol.ts';

interface Pending {
  resolve: (result: IngestOutcome | ClaimResult) => void;
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

  constructor(path: string) {
    this.#path = path;
  }

  /** Starts the worker (once its connection is open, writes are accepted). */
  start(): Promise<void> {
    if (this.#worker) return this.#ready;
    const worker = new Worker(new URL('./writer-worker.ts', import.meta.url), {
      workerData: this.#path,
    });
    this.#worker = worker;
    this.#ready = new Promise((resolve, reject) => {
      worker.once('message', () => resolve());
      worker.once('error', reject);
    });
    worker.on('message', (reply: WriterReply | 'ready') => {
      if (reply === 'ready') return;
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

  async #send(job: WriterJob): Promise<IngestOutcome | ClaimResult> {
    await this.start();
    const worker = this.#worker;
    if (!worker) throw new Error('writer thread is not running');
    const id = this.#nextId++;
    const reply = new Promise<IngestOutcome | ClaimResult>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      worker.postMessage({ ...job, id });
    });
    this.#inflight.add(reply);
    void reply.then(
      () => this.#inflight.delete(reply),
      () => this.#inflight.delete(reply),
    );
    return reply;
  }

  async ingest(events: readonly EmailEvent[]): Promise<IngestOutcome> {
    return (await this.#send({ kind: 'ingest', events })) as IngestOutcome;
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
