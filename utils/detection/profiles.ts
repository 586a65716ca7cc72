/**
 * The ordered list of site profiles (highest priority first) and the probe
 * selector of each element profile: one selector list joining all its root
 * rules, so a single querySelector call rules a profile in or out.
 *
 * Priority: hosted webmails (host-bound, 100) > self-hosted webmails
 * recognised by distinctive DOM (80) > ESP preview URLs (60) > heuristic
 * email-looking frame (20) > email-looking top page (10).
 */
import type { ElementProfile, SiteProfile } from './types.ts';
import { GMAIL, OUTLOOK, PROTON, YAHOO } from './profiles-webmail.ts';
import { HORDE, ROUNDCUBE, SOGO, ZIMBRA, ZIMBRA_HTML } from './profiles-selfhosted.ts';
import { GENERIC_FRAME, LISTMONK, MAUTIC, VIEW_IN_BROWSER } from './profiles-esp.ts';

export { GMAIL, OUTLOOK, PROTON, YAHOO, ROUNDCUBE, SOGO, HORDE, ZIMBRA, ZIMBRA_HTML };
export { GENERIC_FRAME, LISTMONK, MAUTIC, VIEW_IN_BROWSER };

const ALL: readonly SiteProfile[] = [
  GMAIL,
  OUTLOOK,
  YAHOO,
  PROTON,
  ROUNDCUBE,
  SOGO,
  HORDE,
  ZIMBRA,
  ZIMBRA_HTML,
  LISTMONK,
  MAUTIC,
  GENERIC_FRAME,
  VIEW_IN_BROWSER,
];

/** All profiles, highest priority first (stable for equal priorities). */
export const PROFILES: readonly SiteProfile[] = [...ALL].sort((a, b) => b.priority - a.priority);

const probes = new WeakMap<ElementProfile, string>();

/**
 * One selector list covering every root rule of the profile; for a profile
 * that requires a trace, the trace (its roots, e.g. <body>, are everywhere).
 */
export function probeSelector(profile: ElementProfile): string {
  let probe = probes.get(profile);
  if (probe === undefined) {
    probe = profile.requires?.selector ?? profile.roots.map((rule) => rule.selector).join(', ');
    probes.set(profile, probe);
  }
  return probe;
}
