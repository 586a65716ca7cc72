/**
 * A real Ghost (npm `ghost`, version pinned in install.sh) on 127.0.0.1 with
 * its own SQLite database and content folder in a fresh state directory, bulk
 * email through the fake Mailgun (fake-mailgun.ts). Library + CLI:
 *
 *   node test/e2e/ghost/rig.ts [--port 2368] [--state dir]   # starts, prints KEY=value, runs until Ctrl-C
 *
 * startGhostRig() installs Ghost on demand (install.sh, cached), starts the
 * fake Mailgun and Ghost, creates the owner, and returns an admin session
 * (setup.ts) plus both kinds of Admin API key: the owner's staff access token
 * and a custom integration's key.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startFakeMailgun, type FakeMailgun } from './fake-mailgun.ts';
import { GhostAdmin, OWNER } from './setup.ts';

export const INSTALL_SCRIPT = resolve(import.meta.dirname, 'install.sh');
export const MAILGUN_DOMAIN = 'mg.clickmap.test';

export interface GhostRig {
  /** Site URL without a trailing slash (http://127.0.0.1:<port>). */
  url: string;
  stateDir: string;
  mailgun: FakeMailgun;
  admin: GhostAdmin;
  /** "<id>:<secret>" of the owner (staff access token) and of a custom integration. */
  staffToken: string;
  integrationKey: string;
  stop(): Promise<void>;
}

/** Runs install.sh (a no-op once installed) and returns Ghost's directory. */
export function installGhost(): string {
  const out = execFileSync('bash', [INSTALL_SCRIPT], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    timeout: 20 * 60_000,
  });
  const dir = /^GHOST_DIR=(.+)$/m.exec(out)?.[1];
  if (!dir || !existsSync(join(dir, 'index.js'))) throw new Error(`install.sh said: ${out}`);
  return dir;
}

function ghostEnv(url: string, port: number, stateDir: string, mailgun: string) {
  return {
    ...process.env,
    NODE_ENV: 'development',
    url,
    server__host: '127.0.0.1',
    server__port: String(port),
    database__client: 'better-sqlite3',
    database__connection__filename: join(stateDir, 'data', 'ghost.db'),
    paths__contentPath: stateDir,
    mail__transport: 'stub',
    bulkEmail__mailgun__apiKey: 'key-fake',
    bulkEmail__mailgun__domain: MAILGUN_DOMAIN,
    bulkEmail__mailgun__baseUrl: `${mailgun}/v3`,
    security__staffDeviceVerification: 'false',
    logging__level: 'warn',
    logging__transports: '["stdout"]',
  };
}

async function waitForGhost(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Ghost exited (${child.exitCode}):\n${log()}`);
    try {
      const res = await fetch(`${url}/ghost/api/admin/site/`, {
        signal: AbortSignal.timeout(2000),
      });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`Ghost did not answer at ${url} within 120 s:\n${log()}`);
}

export async function startGhostRig({
  port = 2368,
  stateDir = mkdtempSync(join(tmpdir(), 'clickmap-ghost-')),
} = {}): Promise<GhostRig> {
  const ghostDir = installGhost();
  for (const sub of ['data', 'images', 'logs', 'settings', 'public', 'adapters'])
    mkdirSync(join(stateDir, sub), { recursive: true });
  if (!existsSync(join(stateDir, 'themes')))
    symlinkSync(join(ghostDir, 'content', 'themes'), join(stateDir, 'themes'));
  const mailgun = await startFakeMailgun(join(stateDir, 'mailgun'));
  const url = `http://127.0.0.1:${port}`;
  let output = '';
  const child = spawn(process.execPath, ['index.js'], {
    cwd: ghostDir,
    env: ghostEnv(url, port, stateDir, mailgun.url),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  writeFileSync(join(stateDir, 'ghost.pid'), String(child.pid));
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((done) => setTimeout(done, 10_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    await mailgun.close();
  };
  try {
    await waitForGhost(url, child, () => output);
    const admin = await GhostAdmin.setUp(url);
    const staffToken = await admin.staffToken();
    const integrationKey = await admin.integrationKey('Clickmap Lens');
    return { url, stateDir, mailgun, admin, staffToken, integrationKey, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: { port: { type: 'string', default: '2368' }, state: { type: 'string' } },
  });
  const rig = await startGhostRig({
    port: Number(values.port),
    ...(values.state ? { stateDir: values.state } : {}),
  });
  console.log(`GHOST_URL=${rig.url}`);
  console.log(`GHOST_ADMIN=${rig.url}/ghost/ (${OWNER.email} / ${OWNER.password})`);
  console.log(`GHOST_STAFF_TOKEN=${rig.staffToken}`);
  console.log(`GHOST_INTEGRATION_KEY=${rig.integrationKey}`);
  console.log(`MAILGUN_URL=${rig.mailgun.url}`);
  console.log(`STATE_DIR=${rig.stateDir}`);
  const quit = () => void rig.stop().then(() => process.exit(0));
  process.on('SIGINT', quit);
  process.on('SIGTERM', quit);
}
