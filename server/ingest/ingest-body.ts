/**
 * One ingestion request, from its raw body to the stored result: parse the
 * format (generic events or a provider's webhook), validate every event,
 * store them in one transaction. Runs wherever writes run (the writer thread
 * or, for an in-memory database, the event loop), so the parsing of big
 * bodies stays off the event loop that answers reads too.
 */
import type { IngestResult } from '../../utils/api/types.ts';
import type { Storage } from '../storage/types.ts';
import { parseEventsBody, parseJson, toEmailEvent } from './generic.ts';
import { parseMailgun } from './mailgun.ts';
import { parsePostmark } from './postmark.ts';
import type { CampaignExists, ProviderBatch } from './provider-common.ts';
import { parseSendgrid } from './sendgrid.ts';

export type BodyFormat = 'events' | 'sendgrid' | 'mailgun' | 'postmark';

export interface BodyJob {
  format: BodyFormat;
  text: string;
  contentType?: string;
  /** The request's clock: event times must not be later than now + 1 day. */
  now: number;
}

const PROVIDERS: Record<
  Exclude<BodyFormat, 'events'>,
  (body: unknown, exists: CampaignExists) => ProviderBatch
> = {
  sendgrid: parseSendgrid,
  mailgun: parseMailgun,
  postmark: parsePostmark,
};

export function ingestBody(storage: Storage, job: BodyJob): IngestResult {
  let batch: ProviderBatch;
  if (job.format === 'events')
    batch = { events: parseEventsBody(job.text, job.contentType, job.now), skipped: [] };
  else {
    const parsed = PROVIDERS[job.format](
      parseJson(job.text),
      (id) => storage.getCampaign(id) !== null,
    );
    // Provider events pass the same validation as generic ones.
    batch = {
      events: parsed.events.map((e, i) => toEmailEvent(e, `event #${i}`, job.now)),
      skipped: parsed.skipped,
    };
  }
  const outcome = storage.ingest(batch.events);
  return {
    received: batch.events.length + batch.skipped.length,
    stored: outcome.stored,
    duplicates: outcome.duplicates,
    skipped: batch.skipped.length,
    skippedReasons: batch.skipped.slice(0, 20),
  };
}
