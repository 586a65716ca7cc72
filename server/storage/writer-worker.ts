/**
 * The writer thread's worker: its own SQLite connection on the server's
 * database file, running each write request in one transaction, in arrival
 * order. Runs off the event loop, so HTTP reads go on while it writes (WAL:
 * readers on the main connection see the last committed state, never wait).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { resolveOptions } from '../../utils/report/options.ts';
import { HttpProblem } from '../problem.ts';
import { SqliteStorage } from './sqlite-storage.ts';
import type { WriterReply, WriterRequest } from './writer-protocol.ts';

const port = parentPort;
if (!port) throw new Error('writer-worker.ts runs as a worker thread');
const storage = new SqliteStorage(String(workerData), () => resolveOptions({ now: Date.now() }));

port.on('message', (request: WriterRequest) => {
  let reply: WriterReply;
  try {
    const result =
      request.kind === 'ingest'
        ? storage.ingest(request.events)
        : storage.claimToken(request.claim);
    reply = { id: request.id, ok: true, result };
  } catch (error) {
    reply = {
      id: request.id,
      ok: false,
      error:
        error instanceof HttpProblem
          ? { status: error.status, title: error.title, message: error.message }
          : { message: error instanceof Error ? error.message : String(error) },
    };
  }
  port.postMessage(reply);
});
port.postMessage('ready');
