/**
 * Worker thread of ReportThreads (report-threads.ts): counts one recipient part
 * of a columnar log with the engine's countColumns and posts the counts back.
 * The columns arrive as typed arrays over SharedArrayBuffers (not copied).
 */
import { parentPort } from 'node:worker_threads';
import { countColumns } from '../../utils/report/columnar.ts';
import { resolveOptions } from '../../utils/report/options.ts';
import type { CountRequest, CountReply } from './count-protocol.ts';

const port = parentPort;
if (port === null) throw new Error('count-worker.ts runs as a worker thread');

port.on('message', (request: CountRequest) => {
  let reply: CountReply;
  try {
    const { columns, campaignIds, period, options, assumeSorted, part } = request;
    const counts = countColumns(
      columns,
      campaignIds,
      period,
      resolveOptions(options),
      assumeSorted,
      part,
    );
    reply = { id: request.id, counts };
  } catch (error) {
    reply = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
port.postMessage({ id: -1, ready: true } satisfies CountReply);
