/**
 * Importer CLI: loads EmailEvent NDJSON (or a JSON array) files into a server
 * database without HTTP, in transactions of --batch events (default 5000).
 *   node server/import.ts --db data.sqlite events.ndjson [more.ndjson]
 * The campaigns must be registered first (POST /v1/campaigns or the demo seed).
 * A bad line stops the import with its line number; earlier batches stay.
 * An event id reused with different content (utils/report/event-ids.ts) refuses the
 * whole file when both copies are in it, else the batch holding it; the ids are printed.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { EventIdLedger } from '../utils/report/event-ids.ts';
import { resolveOptions } from '../utils/report/options.ts';
import { parseEventsBody } from './ingest/generic.ts';
import { SqliteStorage } from './storage/sqlite-storage.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    db: { type: 'string', default: 'clickmap.sqlite' },
    batch: { type: 'string', default: '5000' },
  },
});
const batch = Number(values.batch);
const storage = new SqliteStorage(values.db, () => resolveOptions({ now: Date.now() }));
let stored = 0;
let duplicates = 0;
try {
  for (const file of positionals) {
    const text = readFileSync(file, 'utf8');
    const events = parseEventsBody(
      text,
      text.trimStart().startsWith('[') ? 'application/json' : 'application/x-ndjson',
      Date.now(),
    );
    const ledger = new EventIdLedger();
    for (const event of events) ledger.admit(event);
    ledger.check();
    for (let i = 0; i < events.length; i += batch) {
      const outcome = storage.ingest(events.slice(i, i + batch));
      stored += outcome.stored;
      duplicates += outcome.duplicates;
    }
  }
  process.stdout.write(`${JSON.stringify({ stored, duplicates })}\n`);
} catch (error) {
  process.stderr.write(
    `import stopped: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.stderr.write(`${JSON.stringify({ stored, duplicates })} before it\n`);
  process.exitCode = 1;
} finally {
  storage.close();
}
