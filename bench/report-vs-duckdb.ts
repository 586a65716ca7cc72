/**
 * Benchmark (not a test): the report engine vs DuckDB on the same generated
 * event log, in one run. `node bench/report-vs-duckdb.ts [N]` (default 10 M).
 *
 * Events are generated from a seeded PRNG into columnar typed arrays (never N
 * JS objects at once), radix-sorted into engine order (time, type rank, id),
 * then (1) streamed through buildClickMapReport one event object at a time,
 * (2) written to CSV, loaded into DuckDB and reduced to the same numbers in SQL:
 * the same machine rules (scanner UA, < 10 s after delivery, burst chains with
 * ≤ 2 s gaps and ≥ 3 distinct links) and the exact 24 h rule via a recursive
 * CTE (next counted click = first click ≥ 24 h after the previous counted one).
 * The SQL reference time is min(delivered) else min(sent): equal to the
 * engine's rule because the generator always delivers before any click.
 */
import { writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { buildClickMapReport } from '../utils/report/build.ts';
import type { Campaign, EmailEvent } from '../utils/report/model.ts';

const N = Number(process.argv[2] ?? 10_000_000);
const DAY = 86_400_000;
const TYPES = ['sent', 'delivered', 'bounce', 'open', 'click'] as const;
const LINKS = 8;
const LINK_IDS = Array.from({ length: LINKS }, (_, k) => `L${k}`);
const LINK_URLS = Array.from({ length: LINKS }, (_, k) => `https://shop.example/p/${k}`);
const UAS = [
  'Mozilla/5.0 (Windows NT 10.0) Chrome/126.0 Safari/537.36',
  'Mozilla/5.0 (iPhone) Mobile/15E148',
  'Mozilla/5.0 (compatible; Proofpoint URL Defense)',
];

function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Columns {
  at: Uint32Array;
  type: Uint8Array;
  msg: Uint32Array;
  link: Uint8Array;
  ua: Uint8Array;
  count: number;
  messages: number;
}

/** Message by message: sent, delivered (or bounce), opens, clicks incl. repeats, scanners and bursts. */
function generate(n: number): Columns {
  const c: Columns = {
    at: new Uint32Array(n),
    type: new Uint8Array(n),
    msg: new Uint32Array(n),
    link: new Uint8Array(n),
    ua: new Uint8Array(n),
    count: 0,
    messages: 0,
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
  for (let m = 0; c.count < n; m++, c.messages++) {
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
  }
  return c;
}

/** Stable LSD radix sort (2 × 16 bits) of key = at × 8 + type rank: the engine's order. */
function sortOrder(c: Columns): Uint32Array {
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

function* events(c: Columns, order: Uint32Array): Generator<EmailEvent> {
  const campaignIds = ['c0', 'c1'];
  for (let pos = 0; pos < c.count; pos++) {
    const i = order[pos]!;
    const m = c.msg[i]!;
    const id = String(pos).padStart(9, '0');
    const campaignId = campaignIds[m & 1]!;
    const recipient = `r${m >>> 1}`;
    const at = c.at[i]!;
    const type = c.type[i]!;
    if (type === 4) {
      const link = c.link[i]!;
      yield {
        id,
        campaignId,
        recipient,
        at,
        type: 'click',
        linkId: LINK_IDS[link]!,
        url: LINK_URLS[link]!,
        userAgent: UAS[c.ua[i]!],
      };
    } else if (type === 2) yield { id, campaignId, recipient, at, type: 'bounce', kind: 'hard' };
    else
      yield { id, campaignId, recipient, at, type: TYPES[type] as 'sent' | 'delivered' | 'open' };
  }
}

/** Classification + 24 h rule in SQL, materialised so the totals reuse it. */
const SETUP_SQL = `
CREATE TEMP TABLE flagged AS
WITH ref AS (
  SELECT msg, coalesce(min(ts) FILTER (WHERE type = 1), min(ts) FILTER (WHERE type = 0)) AS ref
  FROM ev WHERE type IN (0, 1) GROUP BY msg),
clicks AS (SELECT e.pos, e.ts, e.msg, e.link, e.ua, r.ref FROM ev e LEFT JOIN ref r USING (msg) WHERE e.type = 4),
gaps AS (SELECT *, CASE WHEN ts - lag(ts) OVER (PARTITION BY msg ORDER BY pos) <= 2000 THEN 0 ELSE 1 END AS brk FROM clicks),
chains AS (SELECT *, sum(brk) OVER (PARTITION BY msg ORDER BY pos ROWS UNBOUNDED PRECEDING) AS chain FROM gaps),
chain_links AS (SELECT msg, chain, count(DISTINCT link) AS links FROM chains GROUP BY ALL)
SELECT c.pos, c.ts, c.msg, c.link, (c.ua = 2 OR coalesce(c.ts - c.ref < 10000, false) OR l.links >= 3) AS machine
FROM chains c JOIN chain_links l USING (msg, chain);
CREATE TEMP TABLE counted AS
WITH RECURSIVE human AS (SELECT msg, link, ts FROM flagged WHERE NOT machine),
counted(msg, link, ts) AS (
  SELECT msg, link, min(ts) FROM human GROUP BY msg, link
  UNION ALL
  SELECT h.msg, h.link, min(h.ts) FROM counted c JOIN human h ON h.msg = c.msg AND h.link = c.link AND h.ts >= c.ts + ${DAY}
  GROUP BY h.msg, h.link)
SELECT * FROM counted;`;

const ROWS_SQL = `
SELECT link, sum(uniq) AS uniq, sum(total) AS total, sum(machine) AS machine FROM (
  SELECT link, count(*) AS uniq, 0 AS total, 0 AS machine FROM counted GROUP BY link
  UNION ALL
  SELECT link, 0, count(*) FILTER (WHERE NOT machine), count(*) FILTER (WHERE machine) FROM flagged GROUP BY link)
GROUP BY link ORDER BY link`;

const TOTALS_SQL = `
WITH bounced AS (SELECT msg FROM ev GROUP BY msg HAVING bool_or(type = 2) AND NOT bool_or(type = 1))
SELECT (SELECT count(DISTINCT msg) FROM ev WHERE type = 3 AND msg NOT IN (SELECT msg FROM bounced)) AS opens,
       (SELECT count(DISTINCT msg) FROM counted) AS clickers`;

const campaigns: Campaign[] = [0, 1].map((k) => ({
  id: `c${k}`,
  templateId: 't',
  versionId: 'v',
  name: `c${k}`,
  sentAt: k * DAY,
}));
const rssMb = (): number => Math.round(process.resourceUsage().maxRSS / 1024);

const tGen = performance.now();
const cols = generate(N);
const order = sortOrder(cols);
console.log(
  `generated ${cols.count.toLocaleString()} events (${cols.messages.toLocaleString()} messages) in ${((performance.now() - tGen) / 1000).toFixed(1)} s`,
);

const t0 = performance.now();
const report = buildClickMapReport(
  { templateId: 't', versions: [], campaigns, events: events(cols, order) },
  { assumeSorted: true },
);
const engineS = (performance.now() - t0) / 1000;
const engineRss = rssMb();
const engineRows = Object.fromEntries(
  report.links.map((r) => [r.rowKey, [r.uniqueClicks, r.totalClicks, r.machineClicks]]),
);
console.log(
  `engine: ${engineS.toFixed(2)} s, ${Math.round(cols.count / engineS).toLocaleString()} events/s, peak RSS so far ${engineRss} MB`,
);

const csvPath = join(tmpdir(), `clickmap-bench-${process.pid}.csv`);
const lines: string[] = [];
for (let pos = 0; pos < cols.count; pos++) {
  const i = order[pos]!;
  lines.push(`${pos},${cols.at[i]},${cols.type[i]},${cols.msg[i]},${cols.link[i]},${cols.ua[i]}`);
}
writeFileSync(csvPath, lines.join('\n'));
lines.length = 0;

const db = await (await DuckDBInstance.create(':memory:')).connect();
const tLoad = performance.now();
await db.run(
  `CREATE TABLE ev AS SELECT * FROM read_csv('${csvPath}', header = false, columns = {'pos': 'UINTEGER', 'ts': 'BIGINT', 'type': 'UTINYINT', 'msg': 'UINTEGER', 'link': 'UTINYINT', 'ua': 'UTINYINT'})`,
);
const loadS = (performance.now() - tLoad) / 1000;
rmSync(csvPath);
const tQuery = performance.now();
await db.run(SETUP_SQL);
const rows = (await db.runAndReadAll(ROWS_SQL)).getRowObjectsJS();
const totals = (await db.runAndReadAll(TOTALS_SQL)).getRowObjectsJS()[0]!;
const queryS = (performance.now() - tQuery) / 1000;
const duckRows = Object.fromEntries(
  rows.map((r) => [`L${r.link}`, [Number(r.uniq), Number(r.total), Number(r.machine)]]),
);
const same =
  JSON.stringify(duckRows) ===
    JSON.stringify(Object.fromEntries(Object.keys(duckRows).map((k) => [k, engineRows[k]]))) &&
  Number(totals.opens) === report.totals.uniqueOpens &&
  Number(totals.clickers) === report.totals.uniqueClicks;

console.log(
  `duckdb: load ${loadS.toFixed(2)} s + query ${queryS.toFixed(2)} s, ${Math.round(cols.count / queryS).toLocaleString()} events/s (query only), ${Math.round(cols.count / (queryS + loadS)).toLocaleString()} events/s (load + query)`,
);
console.log(
  `ratio engine / duckdb: ${(queryS / engineS).toFixed(2)}× (query only), ${((queryS + loadS) / engineS).toFixed(2)}× (load + query)`,
);
console.log(
  `same numbers: ${same ? 'yes' : 'NO'} (per-link unique/total/machine, unique opens, unique clicks)`,
);
if (!same)
  console.log({ engine: engineRows, duckdb: duckRows, totals, engineTotals: report.totals });
console.log(`peak RSS: ${engineRss} MB after engine, ${rssMb()} MB at end (DuckDB in-process)`);
