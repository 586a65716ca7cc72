/**
 * Where the HTTP layer sends writes (events, webhook tokens): asynchronous,
 * so a write can run off the event loop (./writer-thread.ts) while reads go
 * on answering. `inlineSink` runs them on the caller's storage (an in-memory
 * database cannot be shared with another thread).
 */
import type { EmailEvent } from '../../utils/report/model.ts';
import type { IngestOutcome, Storage } from './types.ts';
import type { ClaimResult, TokenClaim } from './webhook-tokens.ts';

export interface EventSink {
  ingest(events: readonly EmailEvent[]): Promise<IngestOutcome>;
  claimToken(claim: TokenClaim): Promise<ClaimResult>;
  close(): Promise<void>;
}

export function inlineSink(storage: Storage): EventSink {
  return {
    ingest: (events) => Promise.resolve().then(() => storage.ingest(events)),
    claimToken: (claim) => Promise.resolve().then(() => storage.claimToken(claim)),
    close: () => Promise.resolve(),
  };
}
