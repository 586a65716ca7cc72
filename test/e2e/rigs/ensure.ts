/**
 * Makes sure a real-webmail rig is up: runs its setup.sh (idempotent; installs
 * on a fresh machine, starts the daemons, waits until the login page answers)
 * unless the login page already answers. A rig that cannot start fails the
 * test with setup.sh's stderr, which ends with the daemons' last log lines.
 */
import { execFileSync } from 'node:child_process';

export interface RigProbe {
  /** Name in error messages ("SOGo"). */
  name: string;
  setupScript: string;
  /** The login page's URL and a string only that page contains. */
  loginUrl: string;
  loginMarker: string;
}

/** True when `url` answers 200 with `marker` in its body. */
export async function pageAnswers(url: string, marker: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
    return res.ok && (await res.text()).includes(marker);
  } catch {
    return false;
  }
}

export async function ensureRigUp(probe: RigProbe): Promise<void> {
  if (await pageAnswers(probe.loginUrl, probe.loginMarker)) return;
  try {
    execFileSync('bash', [probe.setupScript], {
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 15 * 60_000,
      encoding: 'utf8',
    });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(
      `${probe.name} rig: ${probe.setupScript} failed (run it by hand as root to see why):\n${stderr}`,
      { cause: error },
    );
  }
  if (!(await pageAnswers(probe.loginUrl, probe.loginMarker))) {
    throw new Error(
      `${probe.name} rig: setup.sh finished but ${probe.loginUrl} does not serve its login page`,
    );
  }
}
