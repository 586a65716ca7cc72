/**
 * The writer thread's worker: its own SQLite connection on the server's
 * database file; parses, validates and stores request bodies in arrival
 * order, the requests that queued meanwhile in one transaction
 * (./writer-batch.ts). Runs off the event loop, so HTTP reads go on while it
 * writes (WAL: readers on the main connection see the last committed state,
 * never wait). After each commit it recomputes the click maps the main thread
 * reads lately and sends them BEFORE the replies, so a read after an
 * acknowledged write finds its report ready (./report-cache.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { resolveOptions } from '../../utils/report/options.ts';
import type { ClickMapQuery } from './types.ts';
import { SqliteStorage } from './sqlite-storage.ts';
import { applyBatch, nextBatch } from './writer-batch.ts';
import type { WriterData, WriterRequest, WriterToMain } from './writer-protocol.ts';

const port = parentPort;
if (!port) throw new Error('writer-worker.ts runs as a worker thread');
const data = workerData as WriterData;
const storage = new SqliteStorage(
  data.path,
  () => resolveOptions({ now: Date.now() }),
  data.generation,
);
const queue: WriterRequest[] = [];
let scheduled = false;

function drain(): void {
  scheduled = false;
  const batch = nextBatch(queue);
  const replies = applyBatch(storage, batch);
  // The hot queries as the main thread last saw them (sent with each request).
  const hot: ClickMapQuery[] = batch.findLast((r) => r.hot)?.hot ?? [];
  if (hot.length > 0 && replies.some((r) => r.ok)) {
    const { generation, reports } = storage.refreshReports(hot);
    port?.postMessage({ kind: 'reports', generation, reports } satisfies WriterToMain);
  }
  for (const reply of replies) port?.postMessage({ kind: 'reply', reply } satisfies WriterToMain);
  schedule();
}

/** Runs after the messages that arrived during the last batch are queued: they form the next one. */
function schedule(): void {
  if (scheduled || queue.length === 0) return;
  scheduled = true;
  setImmediate(drain);
}

port.on('message', (request: WriterRequest) => {
  queue.push(request);
  schedule();
});
port.postMessage({ kind: 'ready' } satisfies WriterToMain);
