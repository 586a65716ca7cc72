/**
 * Where the HTTP layer sends writes (request bodies, webhook tokens): asynchronous,
 * so a write can run off the event loop (./writer-thread.ts) while reads go
 * on answering. `inlineSink` runs them on the caller's storage (an in-memory
 * database cannot be shared with another thread).
 */
import type { IngestResult } from '../../utils/api/types.ts';
import type { BodyJob } from '../ingest/ingest-body.ts';
import { ingestBody } from '../ingest/ingest-body.ts';
import type { Storage } from './types.ts';
import type { ClaimResult, TokenClaim } from './webhook-tokens.ts';

export interface EventSink {
  /** Parses, validates and stores one request body (../ingest/ingest-body.ts). */
  ingest(job: BodyJob): Promise<IngestResult>;
  claimToken(claim: TokenClaim): Promise<ClaimResult>;
  close(): Promise<void>;
}

export function inlineSink(storage: Storage): EventSink {
  return {
    ingest: (job) => Promise.resolve().then(() => ingestBody(storage, job)),
    claimToken: (claim) => Promise.resolve().then(() => storage.claimToken(claim)),
    close: () => Promise.resolve(),
  };
}
