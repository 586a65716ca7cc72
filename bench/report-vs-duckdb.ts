/**
 * Benchmark (not a test): the report engine vs DuckDB on the same generated
 * event log. `npm run bench:setup && node bench/report-vs-duckdb.ts [N] [--reps R] [--threads T]`
 * (default N = 10 M, R = 3). @duckdb/node-api is deliberately NOT in
 * package.json (its lockfile entries break `npm ci` here): `bench:setup`
 * installs it with --no-save.
 *
 * Each side runs in its own child process (`--side engine|objects|duckdb N`),
 * so the engine's peak RSS (getrusage high-water mark) is measured without
 * DuckDB loaded, and every repetition starts cold. The parent prints medians
 * side by side, the load average (2 shared cores: other jobs skew timings),
 * and compares the numbers of both sides, failing loudly on any mismatch.
 *
 * Events come from a seeded PRNG into typed arrays (never N objects at once),
 * radix-sorted into engine order (time, type rank, id = sorted position).
 * - engine: buildClickMapReportColumnar on the sorted columns (assumeSorted), one thread;
 * - threads: the same engine split by recipient over `--threads T` threads (default: every
 *   core, as DuckDB uses) by server/report/report-threads.ts, columns in SharedArrayBuffers;
 *   the threads' start (module loading, once per process) is timed apart, like DuckDB's
 *   instance creation, and printed both ways;
 * - objects: buildClickMapReport streaming one EmailEvent object at a time (1 run);
 * - duckdb: CSV → table (load), then the same report in SQL (query): the seeds'
 *   default reading (every click counted, List-Unsubscribe presses as clicks on the
 *   unsubscribe link; `--human` for the human-only view on both sides), the same
 *   machine rules (scanner UA, < 10 s after delivery, burst chains with ≤ 2 s
 *   gaps and ≥ 3 distinct links, counted and shown) and the exact 24 h rule via a
 *   recursive CTE. Its reference time is min(delivered) else min(sent): equal to
 *   the engine's rule because the generator always delivers before any click.
 *   DuckDB runs twice: on all cores, and with `SET threads = 1` (the single-thread ratio).
 */
/**
 * The part of @duckdb/node-api this bench uses, typed here because the package
 * is installed only by `npm run bench:setup` (a clean checkout must typecheck).
 */
interface DuckDbApi {
  DuckDBInstance: {
    create(path: string): Promise<{
      connect(): Promise<{
        run(sql: string): Promise<unknown>;
        runAndReadAll(sql: string): Promise<{ getRowObjectsJS(): Record<string, unknown>[] }>;
      }>;
    }>;
  };
}
/** A variable specifier: TypeScript does not resolve it, node does at run time. */
const DUCKDB_PACKAGE = '@duckdb/node-api';
import { execFileSync } from 'node:child_process';
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildClickMapReport } from '../utils/report/build.ts';
import { buildClickMapReportColumnar } from '../utils/report/columnar.ts';
import type { EventColumns } from '../utils/report/event-columns.ts';
import { BOUNCE_HARD } from '../utils/report/event-columns.ts';
import type { Campaign, EmailEvent, TemplateVersion } from '../utils/report/model.ts';
import type { ClickMapReport } from '../utils/report/report-types.ts';
import { ReportThreads } from '../server/report/report-threads.ts';

const DAY = 86_400_000;
const TYPES = ['sent', 'delivered', 'bounce', 'open', 'click'] as const;
const LINKS = 8;
const LINK_IDS = Array.from({ length: LINKS }, (_, k) => `L${k}`);
const LINK_URLS = Array.from({ length: LINKS }, (_, k) => `https://shop.example/p/${k}`);
/** The version's unsubscribe link (link index LINKS): where List-Unsubscribe presses count. */
const UNSUBSCRIBE = { linkId: 'U', url: 'https://esp.example/unsubscribe' };
/** Type code of an unsubscribe (a List-Unsubscribe press in this log). */
const UNSUB_TYPE = 5;
const LIST_UNSUBSCRIBE_DETAIL = 1; // UNSUBSCRIBE_METHODS.indexOf('list-unsubscribe')
const UAS = [
  'Mozilla/5.0 (Windows NT 10.0) Chrome/126.0 Safari/537.36',
  'Mozilla/5.0 (iPhone) Mobile/15E148',
  'Mozilla/5.0 (compatible; Proofpoint URL Defense)',
];
const campaigns: Campaign[] = [0, 1].map((k) => ({
  id: `c${k}`,
  templateId: 't',
  versionId: 'v',
  name: `c${k}`,
  sentAt: k * DAY,
}));
const versions: TemplateVersion[] = [
  {
    id: 'v',
    templateId: 't',
    contentHash: 'h',
    createdAt: 0,
    placements: [
      ...LINK_IDS.map((linkId, k) => ({ linkId, ordinal: k, url: LINK_URLS[k]!, text: linkId })),
      { ...UNSUBSCRIBE, ordinal: LINKS, text: 'Unsubscribe', kind: 'unsubscribe' as const },
    ],
  },
];
/** The report's reading: the seeds' default (every click), or `--human` (machine clicks excluded). */
const HUMAN_ONLY = process.argv.includes('--human');

/** What a side reports to the parent (one JSON line on stdout). */
interface SideResult {
  events: number;
  seconds: number;
  /** CPU time (user + system) of the timed part: less skewed by other jobs than wall time. */
  cpuSeconds: number;
  loadSeconds?: number;
  /** Threaded engine: starting its worker threads (once per process, before the timed part). */
  startSeconds?: number;
  /** Engine side: RSS with the input columns only, and right after the engine returned (state still held). */
  rssBeforeMb?: number;
  rssAfterMb?: number;
  peakRssMb: number;
  /** rowKey → [unique, total, machine], plus message-level totals. */
  numbers: {
    rows: Record<string, number[]>;
    uniqueOpens: number;
    uniqueClicks: number;
    totalClicks: number;
    machineClicks: number;
    unsubscribed: number;
  };
}

function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Generated {
  at: Uint32Array;
  type: Uint8Array;
  msg: Uint32Array;
  link: Uint8Array;
  ua: Uint8Array;
  count: number;
}

/** Message by message: sent, delivered (or bounce), opens, clicks incl. repeats, scanners and bursts. */
function generate(n: number): Generated {
  const c = {
    at: new Uint32Array(n),
    type: new Uint8Array(n),
    msg: new Uint32Array(n),
    link: new Uint8Array(n),
    ua: new Uint8Array(n),
    count: 0,
  };
  const rand = mulberry32(42);
  const push = (m: number, type: number, at: number, link = 0, ua = 0): void => {
    if (c.count >= n) return;
    const i = c.count++;
    c.at[i] = Math.min(at, 5 * DAY - 1);
    c.type[i] = type;
    c.msg[i] = m;
    c.link[i] = link;
    c.ua[i] = ua;
  };
  for (let m = 0; c.count < n; m++) {
    const sentAt = (m & 1) * DAY + Math.floor(rand() * 3_600_000);
    push(m, 0, sentAt);
    if (rand() < 0.03) {
      push(m, 2, sentAt + 2_000);
      if (rand() < 0.3) push(m, 3, sentAt + 5_000);
      continue;
    }
    const deliveredAt = sentAt + 1_000 + Math.floor(rand() * 59_000);
    push(m, 1, deliveredAt);
    for (let k = Math.floor(rand() * 4); k > 0; k--)
      push(m, 3, deliveredAt + 20_000 + Math.floor(rand() * 3 * DAY));
    if (rand() < 0.03) for (let k = 0; k < 4; k++) push(m, 4, deliveredAt + 30_000 + k * 300, k, 0);
    for (let k = Math.floor(rand() * 7); k > 0; k--) {
      const link = Math.floor(rand() * LINKS);
      const at =
        rand() < 0.02 ? deliveredAt + 2_000 : deliveredAt + 20_000 + Math.floor(rand() * 3 * DAY);
      const ua = rand() < 0.05 ? 2 : Math.floor(rand() * 2);
      push(m, 4, at, link, ua);
      if (rand() < 0.3) push(m, 4, at + Math.floor(rand() * 30 * 3_600_000), link, ua); // repeat within ~30 h
    }
    // The mail client's List-Unsubscribe button: a click on the unsubscribe link (Altcraft).
    if (rand() < 0.01)
      push(m, UNSUB_TYPE, deliveredAt + 60_000 + Math.floor(rand() * 3 * DAY), LINKS, 0);
  }
  return c;
}

/** Stable LSD radix sort (2 × 16 bits) of key = at × 8 + type rank: the engine's order. */
function sortOrder(c: Generated): Uint32Array {
  const n = c.count;
  let order = new Uint32Array(n);
  let next = new Uint32Array(n);
  const key = (i: number): number => c.at[i]! * 8 + c.type[i]!;
  for (let i = 0; i < n; i++) order[i] = i;
  for (const shift of [0, 16]) {
    const counts = new Uint32Array(65_537);
    for (let i = 0; i < n; i++) counts[(Math.floor(key(order[i]!) / 2 ** shift) & 0xffff) + 1]!++;
    for (let b = 1; b <= 65_536; b++) counts[b]! += counts[b - 1]!;
    for (let i = 0; i < n; i++)
      next[counts[Math.floor(key(order[i]!) / 2 ** shift) & 0xffff]!++] = order[i]!;
    [order, next] = [next, order];
  }
  return order;
}

/**
 * The sorted log as engine columns; message m = campaign m & 1 × recipient m >>> 1; id = position.
 * `shared`: the arrays live in SharedArrayBuffers (input of the threaded engine, read in place).
 */
function sortedColumns(n: number, shared = false): EventColumns {
  const g = generate(n);
  const order = sortOrder(g);
  const count = g.count;
  const alloc = <T>(Type: new (buffer: ArrayBufferLike) => T, bytes: number): T =>
    new Type(shared ? new SharedArrayBuffer(count * bytes) : new ArrayBuffer(count * bytes));
  const c = {
    count,
    type: alloc(Uint8Array, 1),
    at: alloc(Uint32Array, 4),
    campaign: alloc(Uint8Array, 1),
    recipient: alloc(Uint32Array, 4),
    detail: alloc(Uint8Array, 1),
    link: alloc(Uint8Array, 1),
    userAgent: alloc(Uint8Array, 1),
    id: alloc(Float64Array, 8),
  };
  for (let pos = 0; pos < count; pos++) {
    const i = order[pos]!;
    const m = g.msg[i]!;
    c.type[pos] = g.type[i]!;
    c.at[pos] = g.at[i]!;
    c.campaign[pos] = m & 1;
    c.recipient[pos] = m >>> 1;
    const type = g.type[i]!;
    c.detail[pos] = type === 2 ? BOUNCE_HARD : type === UNSUB_TYPE ? LIST_UNSUBSCRIBE_DETAIL : 0;
    // A press names no link (255: no table entry): it counts on the version's unsubscribe link.
    c.link[pos] = type === UNSUB_TYPE ? 255 : g.link[i]!;
    c.userAgent[pos] = g.ua[i]!;
    c.id[pos] = pos;
  }
  const links = LINK_IDS.map((linkId, k) => ({ linkId, url: LINK_URLS[k]! }));
  return { ...c, campaigns: ['c0', 'c1'], links, userAgents: UAS };
}

function* eventObjects(c: EventColumns): Generator<EmailEvent> {
  for (let pos = 0; pos < c.count; pos++) {
    const id = String(pos).padStart(9, '0');
    const campaignId = c.campaigns[c.campaign[pos]!]!;
    const recipient = `r${c.recipient[pos]}`;
    const at = c.at[pos]!;
    const type = c.type[pos]!;
    const base = { id, campaignId, recipient, at };
    const userAgent = UAS[c.userAgent?.[pos] ?? 0];
    if (type === 4) {
      const link = c.links[c.link[pos]!]!;
      yield { ...base, type: 'click', linkId: link.linkId, url: link.url, userAgent };
    } else if (type === UNSUB_TYPE)
      yield { ...base, type: 'unsubscribe', method: 'list-unsubscribe', userAgent };
    else if (type === 2) yield { ...base, type: 'bounce', kind: 'hard' };
    else yield { ...base, type: TYPES[type] as 'sent' | 'delivered' | 'open' };
  }
}

const peakRssMb = (): number => Math.round(process.resourceUsage().maxRSS / 1024);
const rssMb = (): number => Math.round(process.memoryUsage().rss / 1024 / 1024);

function reportNumbers(report: ClickMapReport): SideResult['numbers'] {
  const rows = Object.fromEntries(
    report.links
      .map((r): [string, number[]] => [r.rowKey, [r.uniqueClicks, r.totalClicks, r.machineClicks]])
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
  const { uniqueOpens, uniqueClicks, totalClicks, machineClicks, unsubscribed } = report.totals;
  return { rows, uniqueOpens, uniqueClicks, totalClicks, machineClicks, unsubscribed };
}

const READING = { includeMachineClicks: !HUMAN_ONLY, assumeSorted: true } as const;

function engineSide(n: number, objects: boolean): SideResult {
  const columns = sortedColumns(n);
  const input = { templateId: 't', versions, campaigns };
  (globalThis as { gc?: () => void }).gc?.(); // children run with --expose-gc: drop generation arrays
  const rssBeforeMb = rssMb();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  // The generated ids are unique by construction (their position): the objects path skips the
  // id ledger (a Map of every id), as the server's raw-event path does over its primary key.
  const report = objects
    ? buildClickMapReport(
        { ...input, events: eventObjects(columns) },
        { ...READING, idsUnique: true },
      )
    : buildClickMapReportColumnar({ ...input, columns }, READING);
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  // No GC has run since the engine returned, so its typed arrays (which only grow) are still counted.
  const rssAfterMb = rssMb();
  const numbers = reportNumbers(report);
  return {
    events: columns.count,
    seconds,
    cpuSeconds,
    rssBeforeMb,
    rssAfterMb,
    peakRssMb: peakRssMb(),
    numbers,
  };
}

/** The same engine split by recipient over `threads` threads (server/report/report-threads.ts). */
async function threadedSide(n: number, threads: number): Promise<SideResult> {
  const columns = sortedColumns(n, true);
  const input = { templateId: 't', versions, campaigns, columns };
  (globalThis as { gc?: () => void }).gc?.();
  const tStart = performance.now();
  const pool = await ReportThreads.start(threads);
  const startSeconds = (performance.now() - tStart) / 1000;
  const rssBeforeMb = rssMb();
  const cpu0 = process.cpuUsage(); // every thread of the process
  const t0 = performance.now();
  const report = await pool.buildClickMapReport(input, READING);
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const rssAfterMb = rssMb();
  await pool.close();
  return {
    events: columns.count,
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    startSeconds,
    rssBeforeMb,
    rssAfterMb,
    peakRssMb: peakRssMb(),
    numbers: reportNumbers(report),
  };
}

/**
 * The report in SQL. Clicks: click events, plus List-Unsubscribe presses (type 5) as clicks
 * on the unsubscribe link (link ${LINKS}). Classification, then the exact 24 h rule over the
 * tallied clicks (every click by default; human ones with `humanOnly`: a view, not a copy),
 * materialised so the totals reuse it. General: nothing assumes the generator's shapes beyond its columns.
 */
function setupSql(humanOnly: boolean): string {
  return `
CREATE TEMP TABLE flagged AS
WITH ref AS (
  SELECT msg, coalesce(min(ts) FILTER (WHERE type = 1), min(ts) FILTER (WHERE type = 0)) AS ref
  FROM ev WHERE type IN (0, 1) GROUP BY msg),
clicks AS (
  SELECT e.pos, e.ts, e.msg, CASE WHEN e.type = ${UNSUB_TYPE} THEN ${LINKS} ELSE e.link END AS link, e.ua, r.ref
  FROM ev e LEFT JOIN ref r USING (msg) WHERE e.type = 4 OR e.type = ${UNSUB_TYPE}),
gaps AS (SELECT *, CASE WHEN ts - lag(ts) OVER (PARTITION BY msg ORDER BY pos) <= 2000 THEN 0 ELSE 1 END AS brk FROM clicks),
chains AS (SELECT *, sum(brk) OVER (PARTITION BY msg ORDER BY pos ROWS UNBOUNDED PRECEDING) AS chain FROM gaps),
chain_links AS (SELECT msg, chain, count(DISTINCT link) AS links FROM chains GROUP BY ALL)
SELECT c.pos, c.ts, c.msg, c.link, (c.ua = 2 OR coalesce(c.ts - c.ref < 10000, false) OR l.links >= 3) AS machine
FROM chains c JOIN chain_links l USING (msg, chain);
CREATE TEMP VIEW tallied AS SELECT * FROM flagged ${humanOnly ? 'WHERE NOT machine' : ''};
CREATE TEMP TABLE counted AS
WITH RECURSIVE counted(msg, link, ts) AS (
  SELECT msg, link, min(ts) FROM tallied GROUP BY msg, link
  UNION ALL
  SELECT h.msg, h.link, min(h.ts) FROM counted c JOIN tallied h ON h.msg = c.msg AND h.link = c.link AND h.ts >= c.ts + ${DAY}
  GROUP BY h.msg, h.link)
SELECT * FROM counted;`;
}

const ROWS_SQL = `
SELECT link, sum(uniq) AS uniq, sum(total) AS total, sum(machine) AS machine FROM (
  SELECT link, count(*) AS uniq, 0 AS total, 0 AS machine FROM counted GROUP BY link
  UNION ALL
  SELECT link, 0, 0, count(*) FILTER (WHERE machine) FROM flagged GROUP BY link
  UNION ALL
  SELECT link, 0, count(*), 0 FROM tallied GROUP BY link)
GROUP BY link ORDER BY link`;

/** Message-level totals: clicked = any tallied click (Altcraft: "across the entire message"). */
const TOTALS_SQL = `
WITH bounced AS (SELECT msg FROM ev GROUP BY msg HAVING bool_or(type = 2) AND NOT bool_or(type = 1))
SELECT (SELECT count(DISTINCT msg) FROM ev WHERE type = 3 AND msg NOT IN (SELECT msg FROM bounced)) AS opens,
       (SELECT count(DISTINCT msg) FROM tallied) AS clickers,
       (SELECT count(*) FROM tallied) AS clicks,
       (SELECT count(*) FROM flagged WHERE machine) AS machine,
       (SELECT count(DISTINCT msg >> 1) FROM ev WHERE type = ${UNSUB_TYPE}) AS unsubscribed`;

/** Sorted log → CSV in chunks (not timed): pos, ts, type, msg, link, ua. */
function writeCsv(c: EventColumns, path: string): void {
  const fd = openSync(path, 'w');
  for (let start = 0; start < c.count; start += 100_000) {
    const lines: string[] = [];
    for (let pos = start; pos < Math.min(start + 100_000, c.count); pos++) {
      const msg = c.recipient[pos]! * 2 + c.campaign[pos]!;
      lines.push(
        `${pos},${c.at[pos]},${c.type[pos]},${msg},${c.link[pos]},${c.userAgent?.[pos]}\n`,
      );
    }
    writeSync(fd, lines.join(''));
  }
  closeSync(fd);
}

async function duckdbSide(n: number, threads: number): Promise<SideResult> {
  const columns = sortedColumns(n);
  const csvPath = join(tmpdir(), `clickmap-bench-${process.pid}.csv`);
  writeCsv(columns, csvPath);
  let api: DuckDbApi;
  try {
    api = (await import(DUCKDB_PACKAGE)) as DuckDbApi;
  } catch {
    throw new Error(
      '@duckdb/node-api is not installed (kept out of package.json): npm run bench:setup',
    );
  }
  const db = await (await api.DuckDBInstance.create(':memory:')).connect();
  if (threads > 0) await db.run(`SET threads = ${threads}`);
  const tLoad = performance.now();
  await db.run(
    `CREATE TABLE ev AS SELECT * FROM read_csv('${csvPath}', header = false, columns = {'pos': 'UINTEGER', 'ts': 'BIGINT', 'type': 'UTINYINT', 'msg': 'UINTEGER', 'link': 'UTINYINT', 'ua': 'UTINYINT'})`,
  );
  const loadSeconds = (performance.now() - tLoad) / 1000;
  rmSync(csvPath);
  const cpu0 = process.cpuUsage();
  const tQuery = performance.now();
  await db.run(setupSql(HUMAN_ONLY));
  const rows = (await db.runAndReadAll(ROWS_SQL)).getRowObjectsJS();
  const totals = (await db.runAndReadAll(TOTALS_SQL)).getRowObjectsJS()[0]!;
  const seconds = (performance.now() - tQuery) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const rowKey = (link: number): string =>
    `link:${link === LINKS ? UNSUBSCRIBE.linkId : `L${link}`}`;
  const clicked = Object.fromEntries(
    rows.map((r) => [rowKey(Number(r.link)), [Number(r.uniq), Number(r.total), Number(r.machine)]]),
  );
  // The engine lists every placement, clicked or not.
  const all = [...LINK_IDS, UNSUBSCRIBE.linkId].map((id) => `link:${id}`).sort();
  const numbers = {
    rows: Object.fromEntries(all.map((key) => [key, clicked[key] ?? [0, 0, 0]])),
    uniqueOpens: Number(totals.opens),
    uniqueClicks: Number(totals.clickers),
    totalClicks: Number(totals.clicks),
    machineClicks: Number(totals.machine),
    unsubscribed: Number(totals.unsubscribed),
  };
  return {
    events: columns.count,
    seconds,
    cpuSeconds,
    loadSeconds,
    peakRssMb: peakRssMb(),
    numbers,
  };
}

function runSide(side: string, n: number, threads = 1): SideResult {
  const args = ['--expose-gc', process.argv[1]!, '--side', side, String(n), String(threads)];
  if (HUMAN_ONLY) args.push('--human');
  const out = execFileSync(process.execPath, args, {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out.trim().split('\n').pop()!) as SideResult;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const rate = (events: number, seconds: number): string =>
  `${Math.round(events / seconds).toLocaleString('en')} events/s`;
const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

function parent(n: number, reps: number, objects: boolean, threads: number): void {
  console.log(
    `N = ${n.toLocaleString('en')}, ${reps} cold runs per side (medians), reading: ${HUMAN_ONLY ? 'human clicks only (--human)' : "the seeds' default (every click)"}, engine threads ${threads} (DuckDB: all ${availableParallelism()} cores, and 1), load avg ${load()}`,
  );
  const engine: SideResult[] = [];
  const threaded: SideResult[] = [];
  const duck: SideResult[] = [];
  const duck1: SideResult[] = [];
  for (let r = 0; r < reps; r++) {
    const e = runSide('engine', n);
    const t = runSide('threads', n, threads);
    const d = runSide('duckdb', n);
    const d1 = runSide('duckdb1', n);
    engine.push(e);
    threaded.push(t);
    duck.push(d);
    duck1.push(d1);
    console.log(
      `  run ${r + 1}: engine 1 thread ${e.seconds.toFixed(2)} s (cpu ${e.cpuSeconds.toFixed(2)} s) | engine ${threads} threads ${t.seconds.toFixed(2)} s (cpu ${t.cpuSeconds.toFixed(2)} s; start ${t.startSeconds!.toFixed(2)} s) | duckdb load ${d.loadSeconds!.toFixed(2)} s + query ${d.seconds.toFixed(2)} s (query cpu ${d.cpuSeconds.toFixed(2)} s) | duckdb 1 thread query ${d1.seconds.toFixed(2)} s (cpu ${d1.cpuSeconds.toFixed(2)} s) | load avg ${load()}`,
    );
  }
  const events = engine[0]!.events;
  const med = (xs: SideResult[], f: (x: SideResult) => number): number => median(xs.map(f));
  const engineS = med(engine, (e) => e.seconds);
  const queryS = med(duck, (d) => d.seconds);
  const loadQueryS = med(duck, (d) => d.seconds + d.loadSeconds!);
  const line = (name: string, s: number): void =>
    console.log(`${name.padEnd(20)} ${s.toFixed(2).padStart(6)} s  ${rate(events, s)}`);
  const threadedS = med(threaded, (t) => t.seconds);
  const startS = med(threaded, (t) => t.startSeconds!);
  line('engine, 1 thread', engineS);
  line(`engine, ${threads} threads`, threadedS);
  line(`  + thread start`, threadedS + startS);
  line('duckdb query only', queryS);
  line('duckdb load+query', loadQueryS);
  const ratio = (label: string, s: number): void =>
    console.log(
      `ratio duckdb / ${label} (wall): ${(queryS / s).toFixed(2)}× (query only), ${(loadQueryS / s).toFixed(2)}× (load + query)`,
    );
  ratio('engine 1 thread', engineS);
  ratio(`engine ${threads} threads`, threadedS);
  ratio(`engine ${threads} threads incl. thread start`, threadedS + startS);
  const query1S = med(duck1, (d) => d.seconds);
  line('duckdb 1 thread query', query1S);
  console.log(
    `single-thread ratio duckdb 1 thread / engine 1 thread (wall, query only): ${(query1S / engineS).toFixed(2)}× (goal ≥ 3×)`,
  );
  const engineCpu = med(engine, (e) => e.cpuSeconds);
  const threadedCpu = med(threaded, (t) => t.cpuSeconds);
  const queryCpu = med(duck, (d) => d.cpuSeconds);
  const query1Cpu = med(duck1, (d) => d.cpuSeconds);
  console.log(
    `cpu time: engine ${engineCpu.toFixed(2)} s (1 thread), ${threadedCpu.toFixed(2)} s (${threads} threads), duckdb query ${queryCpu.toFixed(2)} s (all its threads), ${query1Cpu.toFixed(2)} s (1 thread)`,
  );
  console.log(
    `cpu-time ratio duckdb / engine: ${(queryCpu / engineCpu).toFixed(2)}× (duckdb all threads / engine 1 thread), ${(query1Cpu / engineCpu).toFixed(2)}× (both 1 thread), ${(queryCpu / threadedCpu).toFixed(2)}× (both all threads)`,
  );
  console.log(
    `engine RSS (DuckDB never loaded): input columns ${med(engine, (e) => e.rssBeforeMb!)} MB, with engine state ${med(engine, (e) => e.rssAfterMb!)} MB (${threads} threads: ${med(threaded, (t) => t.rssAfterMb!)} MB), process peak incl. data generation ${med(engine, (e) => e.peakRssMb)} MB (${threads} threads: ${med(threaded, (t) => t.peakRssMb)} MB); duckdb process peak ${med(duck, (d) => d.peakRssMb)} MB`,
  );
  if (objects) {
    const o = runSide('objects', n);
    console.log(
      `engine on EmailEvent objects (1 run): ${o.seconds.toFixed(2)} s  ${rate(events, o.seconds)} (incl. creating the objects), process peak RSS ${o.peakRssMb} MB`,
    );
    engine.push(o);
  }
  const expected = JSON.stringify(duck[0]!.numbers);
  const mismatched = [...engine, ...threaded, ...duck, ...duck1].filter(
    (s) => JSON.stringify(s.numbers) !== expected,
  );
  if (mismatched.length > 0) {
    console.error('NUMBERS DIFFER between engine and DuckDB:');
    console.error(JSON.stringify({ duckdb: duck[0]!.numbers, other: mismatched[0]!.numbers }));
    process.exit(1);
  }
  console.log(
    'same numbers: yes (per-link unique/total/machine incl. the unsubscribe row, unique opens, unique clicks, total and machine clicks, unsubscribed)',
  );
  console.log(`load avg at end ${load()}`);
}

const args = process.argv.slice(2);
const sideAt = args.indexOf('--side');
if (sideAt >= 0) {
  const side = args[sideAt + 1]!;
  const n = Number(args[sideAt + 2]);
  const threads = Number(args[sideAt + 3] ?? 1);
  const result =
    side === 'duckdb'
      ? await duckdbSide(n, 0)
      : side === 'duckdb1'
        ? await duckdbSide(n, 1)
        : side === 'threads'
          ? await threadedSide(n, threads)
          : engineSide(n, side === 'objects');
  console.log(JSON.stringify(result));
} else {
  const repsAt = args.indexOf('--reps');
  const reps = repsAt >= 0 ? Number(args[repsAt + 1]) : 3;
  const threadsAt = args.indexOf('--threads');
  const threads = threadsAt >= 0 ? Number(args[threadsAt + 1]) : availableParallelism();
  const n = Number(
    args.find((a, i) => /^\d+$/.test(a) && !['--reps', '--threads'].includes(args[i - 1]!)) ??
      10_000_000,
  );
  parent(n, reps, !args.includes('--no-objects'), threads);
}
