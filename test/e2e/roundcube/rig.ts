/**
 * Where the Roundcube test rig lives and how to make sure it is up. The
 * defaults match setup.sh; the same CML_RC_* environment variables override
 * both, so a rig started on other ports is still found.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

export interface RigConfig {
  /** Roundcube base URL, ending in '/'. */
  url: string;
  user: string;
  pass: string;
  imapHost: string;
  imapPort: number;
}

export const SETUP_SCRIPT = resolve(import.meta.dirname, 'setup.sh');

export function rigConfig(env: NodeJS.ProcessEnv = process.env): RigConfig {
  const httpPort = env.CML_RC_HTTP_PORT ?? '8089';
  return {
    url: `http://127.0.0.1:${httpPort}/`,
    user: env.CML_RC_USER ?? 'qa@clickmap.test',
    pass: env.CML_RC_PASS ?? 'clickmap-qa-pass',
    imapHost: '127.0.0.1',
    imapPort: Number(env.CML_RC_IMAP_PORT ?? '10143'),
  };
}

/** True when the Roundcube login form is served at `url`. */
export async function loginPageAnswers(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(3000) });
    return res.ok && (await res.text()).includes('rcmloginuser');
  } catch {
    return false;
  }
}

/** Parses setup.sh's `KEY=value` lines. */
export function parseKeyValues(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const m = /^([A-Z_]+)=(.*)$/.exec(line.trim());
    if (m?.[1] !== undefined && m[2] !== undefined) out[m[1]] = m[2];
  }
  return out;
}

/**
 * Runs setup.sh unless the login page already answers. setup.sh is idempotent,
 * so this is cheap when the rig is up and installs everything on a fresh machine.
 * Throws with setup.sh's stderr (which ends with the daemons' last log lines).
 */
export async function ensureRig(config: RigConfig = rigConfig()): Promise<RigConfig> {
  if (await loginPageAnswers(config.url)) return config;
  try {
    execFileSync('bash', [SETUP_SCRIPT], {
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 15 * 60_000,
      encoding: 'utf8',
    });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(`${SETUP_SCRIPT} failed (run it by hand as root to see why):\n${stderr}`, {
      cause: error,
    });
  }
  if (!(await loginPageAnswers(config.url))) {
    throw new Error(`setup.sh finished but ${config.url} does not serve the Roundcube login`);
  }
  return config;
}
