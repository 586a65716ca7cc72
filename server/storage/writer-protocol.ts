/** Messages between the writer thread (./writer-thread.ts) and its worker (./writer-worker.ts). */
import type { IngestResult } from '../../utils/api/types.ts';
import type { BodyJob } from '../ingest/ingest-body.ts';
import type { RefreshedReport } from './report-cache.ts';
import type { ClickMapQuery } from './types.ts';
import type { ClaimResult, TokenClaim } from './webhook-tokens.ts';

/** The worker's start data: the database file and the shared commit counter. */
export interface WriterData {
  path: string;
  generation: Int32Array<SharedArrayBuffer>;
}

export type WriterJob = { kind: 'ingest'; job: BodyJob } | { kind: 'claim'; claim: TokenClaim };

/** A job, its id, and the click maps the main thread reads lately (refreshed after the commit). */
export type WriterRequest = WriterJob & { id: number; hot?: ClickMapQuery[] };

/** An HttpProblem (status set) or an unexpected error, as plain data. */
export interface WriterFailure {
  status?: number;
  title?: string;
  message: string;
}

export type WriterReply =
  | { id: number; ok: true; result: IngestResult | ClaimResult }
  | { id: number; ok: false; error: WriterFailure };

export type WriterToMain =
  | { kind: 'ready' }
  | { kind: 'reply'; reply: WriterReply }
  | { kind: 'reports'; generation: number; reports: RefreshedReport[] };
