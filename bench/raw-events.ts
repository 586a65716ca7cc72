/**
 * Benchmark of click maps for periods not on day boundaries (not a test):
 *   node bench/raw-events.ts [--events 1000000] [--campaigns 100] [--db path] [--server-dir dir]
 * Builds (or reuses, --db) a database of --events synthetic events over
 * --campaigns campaigns of one template, then answers ragged-period click maps
 * over all campaigns, each in a fresh child process, printing wall time, CPU
 * time and the process's peak RSS. --server-dir runs the same queries
 * through another checkout's server/ (the old raw-event rescan: before / after).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { SqliteStorage } from '../server/storage/sqlite-storage.ts';
import { resolveOptions } from '../utils/report/options.ts';
import { BENCH_T0, registerSyntheticCatalog, syntheticEvents } from '../server/synthetic-events.ts';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '1000000' },
    campaigns: { type: 'string', default: '100' },
    db: { type: 'string' },
    'server-dir': { type: 'string', default: new URL('../server', import.meta.url).pathname },
    query: { type: 'string' },
  },
});
const EVENTS = Number(values.events);
const CAMPAIGNS = Number(values.campaigns);
const DAY = 86_400_000;
const db = values.db ?? join(tmpdir(), `clickmap-raw-${EVENTS}.sqlite`);
const serverDir = resolve(values['server-dir']);
const fmt = (n: number): string => n.toLocaleString('en-US', { maximumFractionDigits: 2 });
type Storage = SqliteStorage;
const open = async (): Promise<Storage> => {
  const module = (await import(join(serverDir, 'storage/sqlite-storage.ts'))) as {
    SqliteStorage: new (path: string, options: () => ReturnType<typeof resolveOptions>) => Storage;
  };
  return new module.SqliteStorage(db, () => resolveOptions({ now: BENCH_T0 + 400 * DAY }));
};
const PERIODS: Record<string, { from?: number; to?: number }> = {
  'from first send + 1 ms': { from: BENCH_T0 + 1 },
  'day 10.5 → day 60.3': { from: BENCH_T0 + 10.5 * DAY, to: BENCH_T0 + 60.3 * DAY },
};

/**
 * This process's own peak RSS (VmHWM, MB). Not resourceUsage().maxRSS: Linux carries that
 * across fork + exec, so a child would report its parent's peak (the database build).
 */
function peakRssMb(): number {
  const line = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return line ? Number(line[1]) / 1024 : process.resourceUsage().maxRSS / 1024;
}

if (values.query !== undefined) {
  // Child: one query, measured alone.
  const storage = await open();
  const ids = Array.from({ length: CAMPAIGNS }, (_, c) => `c${c}`);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const report = storage.clickMap({
    templateId: 't',
    includeMachineClicks: false,
    campaignIds: ids,
    ...PERIODS[values.query],
  });
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  console.log(
    JSON.stringify({
      wall,
      cpu: (cpu.user + cpu.system) / 1000,
      peakRss: peakRssMb(),
      uniqueClicks: report.totals.uniqueClicks,
      totalClicks: report.totals.totalClicks,
    }),
  );
  storage.close();
  process.exit(0);
}

if (!existsSync(db)) {
  const storage = await open();
  registerSyntheticCatalog(storage, CAMPAIGNS);
  const t0 = performance.now();
  for (const chunk of syntheticEvents(EVENTS, CAMPAIGNS)) storage.ingest(chunk);
  console.log(`built ${db}: ${fmt(EVENTS)} events in ${fmt((performance.now() - t0) / 1000)} s`);
  storage.close();
} else (await open()).close(); // an older database is migrated here, not in the timed query

console.log(
  `${fmt(EVENTS)} events, ${CAMPAIGNS} campaigns, server ${serverDir}; load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
for (const name of Object.keys(PERIODS)) {
  const out = execFileSync(
    process.execPath,
    [
      new URL(import.meta.url).pathname,
      '--query',
      name,
      '--db',
      db,
      '--events',
      String(EVENTS),
      '--campaigns',
      String(CAMPAIGNS),
      '--server-dir',
      serverDir,
    ],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  const r = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Record<string, number>;
  console.log(
    `${name}: ${fmt((r.wall ?? 0) / 1000)} s wall, ${fmt((r.cpu ?? 0) / 1000)} s CPU, peak RSS ${fmt(r.peakRss ?? 0)} MB (unique clicks ${r.uniqueClicks}, total clicks ${r.totalClicks}); load ${loadavg()[0]?.toFixed(2)}`,
  );
}
