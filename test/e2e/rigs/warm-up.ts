/**
 * vitest globalSetup of the e2e run: starts the SOGo and Horde IMP rigs'
 * setup.sh in the background as the run begins (as root only), so their apt
 * installs and first starts overlap the other e2e files instead of adding up
 * in front of the rig tests. Not awaited: each rig test's ensureRigUp runs
 * setup.sh itself, which waits on the rig's lock until the warm-up is done
 * and reports any failure with the daemons' logs.
 */
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { resolve } from 'node:path';
import { HORDE_SETUP } from '../horde/rig.ts';
import { SOGO_SETUP } from '../sogo/rig.ts';

export default function warmUpRigs(): void {
  if (process.getuid?.() !== 0 || process.env.CML_RIGS_WARM_UP === '0') return;
  const logs = resolve(import.meta.dirname, '../../../test-results/rigs');
  mkdirSync(logs, { recursive: true });
  for (const [name, script] of [
    ['sogo', SOGO_SETUP],
    ['horde', HORDE_SETUP],
  ] as const) {
    const out = openSync(resolve(logs, `${name}-warm-up.log`), 'w');
    spawn('bash', [script], { detached: true, stdio: ['ignore', out, out] }).unref();
    closeSync(out);
  }
}
