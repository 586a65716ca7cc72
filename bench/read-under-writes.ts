/**
 * Benchmark: click-map reads while events are being written (not a test).
 *   node bench/read-under-writes.ts [--preload 200000] [--seconds 10] [--readers 4]
 *        [--modes inline,thread] [--compare <other checkout>/server] [--read-rate 0]
 * For each writer mode of the server (--writer inline: transactions on the
 * event loop, as before; --writer thread: the writer thread), and with
 * --compare the same modes of another checkout's server first (before /
 * after), side by side in one run: a server child process on a fresh database file, 100 campaigns
 * preloaded with --preload events, then click-map read latency (all-time,
 * all campaigns, --readers concurrent readers) with no writer, 16 writers
 * and 64 writers (each POSTing 2 000-event batches of new events), and the
 * ingest rate the writers reach. --read-rate R paces each reader at R reads
 * per second (latency counted from the scheduled start, so queueing shows),
 * so a faster read path does not simply read more and take CPU from the
 * writers; 0 (default): each reader reads back to back. Request bodies are serialised beforehand so
 * the client spends little CPU; the server's CPU time is printed too.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { BENCH_T0, LINKS, syntheticEvents } from '../server/synthetic-events.ts';

const { values } = parseArgs({
  options: {
    preload: { type: 'string', default: '200000' },
    seconds: { type: 'string', default: '10' },
    readers: { type: 'string', default: '4' },
    modes: { type: 'string', default: 'inline,thread' },
    compare: { type: 'string' },
    'read-rate': { type: 'string', default: '0' },
  },
});
const HERE = new URL('../server', import.meta.url).pathname;
const PRELOAD = Number(values.preload);
const SECONDS = Number(values.seconds);
const READERS = Number(values.readers);
const READ_RATE = Number(values['read-rate']);
const CAMPAIGNS = 100;
const fmt = (n: number): string => n.toLocaleString('en-US', { maximumFractionDigits: 1 });
const pct = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;

/** Pre-serialised 2 000-event bodies, ids prefixed so every run writes new events. */
function bodies(total: number, seed: number, prefix: string): string[] {
  return [...syntheticEvents(total, CAMPAIGNS, seed)].map((chunk) =>
    JSON.stringify(chunk.map((e) => ({ ...e, id: `${prefix}${e.id}` }))),
  );
}

async function startServer(serverDir: string, mode: string, db: string) {
  const child = spawn(
    process.execPath,
    [join(serverDir, 'main.ts'), '--port', '0', '--db', db, '--writer', mode],
    { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, CLICKMAP_TOKEN: 'bench' } },
  );
  const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
  return { child, url: (JSON.parse(line) as { url: string }).url };
}

const headers = { authorization: 'Bearer bench', 'content-type': 'application/json' };

async function post(url: string, path: string, body: string): Promise<void> {
  const response = await fetch(`${url}${path}`, { method: 'POST', headers, body });
  if (response.status >= 300)
    throw new Error(`${path}: ${response.status} ${await response.text()}`);
  await response.arrayBuffer();
}

function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function phase(url: string, writers: number, work: string[]) {
  const latencies: number[] = [];
  let written = 0;
  let next = 0;
  const end = performance.now() + SECONDS * 1000;
  const reader = async (): Promise<void> => {
    const start = performance.now();
    for (let i = 0; performance.now() < end; i++) {
      let t0 = performance.now();
      if (READ_RATE > 0) {
        const due = start + (i * 1000) / READ_RATE;
        if (due > t0) await new Promise((resolve) => setTimeout(resolve, due - t0));
        t0 = due;
      }
      const response = await fetch(`${url}/v1/templates/t/clickmap`, { headers });
      await response.json();
      latencies.push(performance.now() - t0);
    }
  };
  const writer = async (): Promise<void> => {
    while (performance.now() < end && next < work.length) {
      await post(url, '/v1/events', work[next++] ?? '[]');
      written += 2000;
    }
  };
  const t0 = performance.now();
  await Promise.all([
    ...Array.from({ length: READERS }, reader),
    ...Array.from({ length: writers }, writer),
  ]);
  const seconds = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    p50: pct(latencies, 0.5),
    p99: pct(latencies, 0.99),
    reads: latencies.length,
    rate: written / seconds,
  };
}

const preload = bodies(PRELOAD, 7, 'p');
// Enough fresh events for the write phases (at most ~30 k events/s).
const writeWork = bodies(Math.max(200_000, 30_000 * SECONDS * 2), 11, 'w');
console.log(
  `preload ${fmt(PRELOAD)} events, ${READERS} readers (${READ_RATE > 0 ? `${READ_RATE} reads/s each` : 'back to back'}), ${SECONDS} s per phase; load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
const runs = values.modes
  .split(',')
  .flatMap((mode) => [
    ...(values.compare ? [{ label: `before ${mode}`, dir: resolve(values.compare), mode }] : []),
    { label: mode, dir: HERE, mode },
  ]);
for (const { label, dir: serverDir, mode } of runs) {
  const dir = mkdtempSync(join(tmpdir(), 'clickmap-rw-'));
  const { child, url } = await startServer(serverDir, mode, join(dir, 'db.sqlite'));
  await post(url, '/v1/templates', JSON.stringify({ id: 't', name: 'T' }));
  await post(
    url,
    '/v1/templates/t/versions',
    JSON.stringify({
      id: 'v',
      createdAt: BENCH_T0,
      placements: LINKS.map((u, i) => ({ linkId: `L${i}`, ordinal: i, url: u, text: `${i}` })),
    }),
  );
  for (let c = 0; c < CAMPAIGNS; c++)
    await post(
      url,
      '/v1/campaigns',
      JSON.stringify({
        id: `c${c}`,
        templateId: 't',
        versionId: 'v',
        name: `c${c}`,
        sentAt: BENCH_T0,
      }),
    );
  for (const body of preload) await post(url, '/v1/events', body);
  const work = [...writeWork];
  for (const writers of [0, 16, 64]) {
    const cpu0 = cpuSeconds(child.pid ?? 0);
    const r = await phase(url, writers, work.splice(0, writers === 0 ? 0 : work.length / 2));
    const cpu = cpuSeconds(child.pid ?? 0) - cpu0;
    console.log(
      `writer ${label.padEnd(13)} ${String(writers).padStart(2)} writers: read p50 ${fmt(r.p50)} ms, p99 ${fmt(r.p99)} ms (${r.reads} reads); ingest ${fmt(r.rate)} events/s; server CPU ${fmt(cpu)} s; load ${loadavg()[0]?.toFixed(2)}`,
    );
  }
  child.kill();
  await once(child, 'exit');
  rmSync(dir, { recursive: true, force: true });
}
