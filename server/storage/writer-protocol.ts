/** Messages between the writer thread (./writer-thread.ts) and its worker (./writer-worker.ts). */
import type { IngestResult } from '../../utils/api/types.ts';
import type { BodyJob } from '../ingest/ingest-body.ts';
import type { ClaimResult, TokenClaim } from './webhook-tokens.ts';

export type WriterJob = { kind: 'ingest'; job: BodyJob } | { kind: 'claim'; claim: TokenClaim };

export type WriterRequest = WriterJob & { id: number };

/** An HttpProblem (status set) or an unexpected error, as plain data. */
export interface WriterFailure {
  status?: number;
  title?: string;
  message: string;
}

export type WriterReply =
  | { id: number; ok: true; result: IngestResult | ClaimResult }
  | { id: number; ok: false; error: WriterFailure };
