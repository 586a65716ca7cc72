/**
 * Benchmark of big unauthenticated bodies (not a test):
 *   node bench/webhook-flood.ts [--server server/main.ts] [--posts 8] [--mb 60]
 * Starts the reference server as a child process (demo data, a Mailgun
 * signing key and a SendGrid key configured), then fires --posts parallel
 * unauthenticated --mb MB posts at the webhooks (round robin over SendGrid,
 * Mailgun and Postmark), once with a declared Content-Length and once
 * chunked, while /v1/health is polled. Prints the server's peak RSS (VmHWM)
 * and the health latency p50 / max during each flood. --server lets the same
 * bench run against another checkout's server (before / after).
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { generateKeyPairSync } from 'node:crypto';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    server: { type: 'string', default: new URL('../server/main.ts', import.meta.url).pathname },
    posts: { type: 'string', default: '8' },
    mb: { type: 'string', default: '60' },
  },
});
const POSTS = Number(values.posts);
const BYTES = Number(values.mb) * 1024 * 1024;
const ROUTES = ['/v1/webhooks/sendgrid', '/v1/webhooks/mailgun', '/v1/webhooks/postmark'];
const fmt = (n: number): string => n.toLocaleString('en-US', { maximumFractionDigits: 1 });

const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const child = spawn(
  process.execPath,
  [values.server, '--port', '0', '--db', ':memory:', '--token', 'bench', '--seed', 'demo'],
  {
    env: {
      ...process.env,
      MAILGUN_SIGNING_KEY: 'key-bench',
      SENDGRID_WEBHOOK_PUBLIC_KEY: publicKey
        .export({ format: 'der', type: 'spki' })
        .toString('base64'),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
const base = (JSON.parse(line) as { url: string }).url;

const status = (field: string): number =>
  Number(
    new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1],
  ) / 1024;

/** One big unauthenticated POST; resolves when the server answered or dropped it. */
function flood(path: string, chunked: boolean): Promise<number> {
  return new Promise((resolve) => {
    const req = request(new URL(path, base), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(chunked ? {} : { 'content-length': String(BYTES) }),
      },
    });
    let sent = 0;
    let answered = 0;
    req.on('response', (res) => {
      answered = res.statusCode ?? 0;
      res.resume();
      req.destroy();
      resolve(answered);
    });
    req.on('error', () => resolve(answered));
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    const pump = (): void => {
      while (sent < BYTES && !req.destroyed) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!req.destroyed) req.end();
    };
    pump();
  });
}

async function healthLatencies(stop: { done: boolean }): Promise<number[]> {
  const times: number[] = [];
  while (!stop.done) {
    const t0 = performance.now();
    await (await fetch(`${base}/v1/health`)).text();
    times.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 20));
  }
  return times.sort((a, b) => a - b);
}

const idle = await healthLatencies(
  await new Promise<{ done: boolean }>((resolve) => {
    const stop = { done: false };
    setTimeout(() => (stop.done = true), 1000);
    resolve(stop);
  }),
);
console.log(
  `server ${values.server}: RSS at rest ${fmt(status('VmRSS'))} MB; health idle p50 ${fmt(idle[idle.length >> 1] ?? 0)} ms`,
);
for (const chunked of [false, true]) {
  const stop = { done: false };
  const health = healthLatencies(stop);
  const t0 = performance.now();
  const statuses = await Promise.all(
    Array.from({ length: POSTS }, (_, i) => flood(ROUTES[i % ROUTES.length] ?? '', chunked)),
  );
  const seconds = (performance.now() - t0) / 1000;
  // Keep probing a while: a server still parsing what it read answers health late.
  await new Promise((r) => setTimeout(r, Math.max(0, 3000 - seconds * 1000)));
  stop.done = true;
  const times = await health;
  console.log(
    `${POSTS} × ${values.mb} MB unauthenticated, ${chunked ? 'chunked' : 'Content-Length'}: answers ${statuses.join(',')} in ${fmt(seconds)} s; peak RSS so far ${fmt(status('VmHWM'))} MB; health p50 ${fmt(times[times.length >> 1] ?? 0)} ms, max ${fmt(times.at(-1) ?? 0)} ms (${times.length} probes)`,
  );
}
child.kill();
