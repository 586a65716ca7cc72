/** Messages between the writer thread (./writer-thread.ts) and its worker (./writer-worker.ts). */
import type { EmailEvent } from '../../utils/report/model.ts';
import type { IngestOutcome } from './types.ts';
import type { ClaimResult, TokenClaim } from './webhook-tokens.ts';

export type WriterJob =
  { kind: 'ingest'; events: readonly EmailEvent[] } | { kind: 'claim'; claim: TokenClaim };

export type WriterRequest = WriterJob & { id: number };

/** An HttpProblem (status set) or an unexpected error, as plain data. */
export interface WriterFailure {
  status?: number;
  title?: string;
  message: string;
}

export type WriterReply =
  | { id: number; ok: true; result: IngestOutcome | ClaimResult }
  | { id: number; ok: false; error: WriterFailure };
