/**
 * Where the SOGo test rig lives (defaults of setup.sh; the same CML_SOGO_*
 * variables override both) and how to make sure it is up.
 */
import { resolve } from 'node:path';
import type { ImapAccount } from '../roundcube/imap.ts';
import { ensureRigUp } from '../rigs/ensure.ts';

export interface SogoRig {
  /** SOGo's base URL, ending in '/SOGo/'. */
  url: string;
  user: string;
  pass: string;
  imap: ImapAccount;
}

export const SOGO_SETUP = resolve(import.meta.dirname, 'setup.sh');

export function sogoRig(env: NodeJS.ProcessEnv = process.env): SogoRig {
  const user = env.CML_SOGO_USER ?? 'qa@clickmap.test';
  const pass = env.CML_SOGO_PASS ?? 'clickmap-qa-pass';
  return {
    url: `http://127.0.0.1:${env.CML_SOGO_HTTP_PORT ?? '8090'}/SOGo/`,
    user,
    pass,
    imap: { host: '127.0.0.1', port: Number(env.CML_SOGO_IMAP_PORT ?? '10145'), user, pass },
  };
}

export async function ensureSogoRig(rig: SogoRig = sogoRig()): Promise<SogoRig> {
  await ensureRigUp({
    name: 'SOGo',
    setupScript: SOGO_SETUP,
    loginUrl: rig.url,
    // The Angular app's module name: on the login page whatever the browser.
    loginMarker: 'SOGo.MainUI',
  });
  return rig;
}
