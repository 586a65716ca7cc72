/**
 * Where the Horde IMP test rig lives (defaults of setup.sh; the same
 * CML_HORDE_* variables override both) and how to make sure it is up.
 */
import { resolve } from 'node:path';
import type { ImapAccount } from '../roundcube/imap.ts';
import { ensureRigUp } from '../rigs/ensure.ts';

export interface HordeRig {
  /** Horde's base URL, ending in '/horde/'. */
  url: string;
  user: string;
  pass: string;
  imap: ImapAccount;
}

export const HORDE_SETUP = resolve(import.meta.dirname, 'setup.sh');

export function hordeRig(env: NodeJS.ProcessEnv = process.env): HordeRig {
  const user = env.CML_HORDE_USER ?? 'qa@clickmap.test';
  const pass = env.CML_HORDE_PASS ?? 'clickmap-qa-pass';
  return {
    url: `http://127.0.0.1:${env.CML_HORDE_HTTP_PORT ?? '8091'}/horde/`,
    user,
    pass,
    imap: { host: '127.0.0.1', port: Number(env.CML_HORDE_IMAP_PORT ?? '10146'), user, pass },
  };
}

export async function ensureHordeRig(rig: HordeRig = hordeRig()): Promise<HordeRig> {
  await ensureRigUp({
    name: 'Horde IMP',
    setupScript: HORDE_SETUP,
    loginUrl: `${rig.url}login.php`,
    loginMarker: 'horde_user',
  });
  return rig;
}
