/**
 * Group commit of the writer thread (./writer-worker.ts): the requests that
 * queued while it was busy are stored in ONE transaction, each in its own
 * savepoint. A request that fails (bad body, 409 conflict, unknown campaign)
 * rolls back alone and gets its error; the others are kept. Replies are
 * built only after the COMMIT: an acknowledged request is on disk, and if the
 * commit itself fails every request of the batch is answered with the error
 * and nothing of any of them is stored.
 *
 * One commit per batch instead of per request: fewer WAL syncs and, above
 * all, one new database generation per batch, so the report cache
 * (./report-cache.ts) is invalidated and refreshed once per batch.
 */
import { ingestBody } from '../ingest/ingest-body.ts';
import { HttpProblem } from '../problem.ts';
import type { SqliteStorage } from './sqlite-storage.ts';
import type { WriterFailure, WriterReply, WriterRequest } from './writer-protocol.ts';

/** Requests per transaction at most (the queue's rest goes in the next one). */
export const MAX_BATCH_REQUESTS = 32;
/** Request body characters per transaction at most (one request alone may exceed it). */
export const MAX_BATCH_CHARS = 16 * 1024 * 1024;

function failure(error: unknown): WriterFailure {
  return error instanceof HttpProblem
    ? { status: error.status, title: error.title, message: error.message }
    : { message: error instanceof Error ? error.message : String(error) };
}

/** Takes the next batch off the front of `queue` (at least one request). */
export function nextBatch(queue: WriterRequest[]): WriterRequest[] {
  let chars = 0;
  let n = 0;
  while (n < queue.length && n < MAX_BATCH_REQUESTS) {
    const request = queue[n] as WriterRequest;
    chars += request.kind === 'ingest' ? request.job.text.length : 0;
    if (n > 0 && chars > MAX_BATCH_CHARS) break;
    n++;
  }
  return queue.splice(0, n);
}

/** Stores `requests` in one transaction (one savepoint each); the replies, in order. */
export function applyBatch(
  storage: SqliteStorage,
  requests: readonly WriterRequest[],
): WriterReply[] {
  try {
    return storage.transaction(() =>
      requests.map((request): WriterReply => {
        try {
          const result = storage.transaction(() =>
            request.kind === 'ingest'
              ? ingestBody(storage, request.job)
              : storage.claimToken(request.claim),
          );
          return { id: request.id, ok: true, result };
        } catch (error) {
          return { id: request.id, ok: false, error: failure(error) };
        }
      }),
    );
  } catch (error) {
    // The commit failed: nothing of the batch is stored, and no request is acknowledged.
    return requests.map((request) => ({ id: request.id, ok: false, error: failure(error) }));
  }
}
