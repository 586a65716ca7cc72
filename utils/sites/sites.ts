/**
 * Where the lens may run: the hosts the user enabled in the options page.
 * The background registers the content script for exactly these hosts (their
 * match patterns, below) and asks the browser for nothing wider; a host the
 * user switched off is left out. Pure: no browser API here.
 *
 * Firefox ignores a content script whose host pattern carries a port (the
 * permission is granted, the script never runs), so patterns never do: a
 * host is enabled on every port and both schemes.
 */
import { GMAIL, OUTLOOK, PROTON, YAHOO } from '../detection/profiles.ts';
import type { FrameInfo } from '../detection/types.ts';
import { frameHost, hostMatches } from '../detection/url-match.ts';

export interface KnownSite {
  id: string;
  name: string;
  /** Host names (possibly `*.` wildcards) taken from the site profile itself. */
  hosts: readonly string[];
}

/** Hosted webmails the options page offers as one tick each (hosts from their detection profiles). */
export const KNOWN_SITES: readonly KnownSite[] = [GMAIL, OUTLOOK, YAHOO, PROTON].map((p) => ({
  id: p.id,
  name: p.name,
  hosts: p.hosts ?? [],
}));

export type HostCheck = { ok: true; host: string } | { ok: false; reason: string };

const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const HOSTNAME = new RegExp(`^(?:\\*\\.)?${LABEL}(?:\\.${LABEL})*$`);
const IPV6 = /^\[[0-9a-f:.]+\]$/;

/**
 * A host the user typed ("mail.example.com", "https://mail.example.com:8443/mail/",
 * "*.example.com") as the bare lower-case host name the lens keys sites by.
 */
export function parseHost(input: string): HostCheck {
  let text = input.trim().toLowerCase();
  if (text === '') return { ok: false, reason: 'Enter a host name, e.g. mail.example.com.' };
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(text)) {
    try {
      const url = new URL(text);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        return {
          ok: false,
          reason: `Only web pages (http, https) can be enabled, not ${url.protocol}`,
        };
      }
      text = url.hostname;
    } catch {
      return { ok: false, reason: `"${input.trim()}" is not a host name or URL.` };
    }
  } else {
    text = text.replace(/[/?#].*$/, '');
    if (!IPV6.test(text)) text = text.replace(/:\d*$/, '');
  }
  if (text === '*' || !(HOSTNAME.test(text) || IPV6.test(text))) {
    return { ok: false, reason: `"${input.trim()}" is not a host name (e.g. mail.example.com).` };
  }
  return { ok: true, host: text };
}

/** The match pattern of one enabled host: both schemes, any port, any path. */
export function hostPattern(host: string): string {
  return `*://${host}/*`;
}

/** Enabled hosts minus switched-off ones: where the content script is registered. */
export function activeHosts(enabled: readonly string[], switchedOff: readonly string[]): string[] {
  const off = new Set(switchedOff.map((h) => h.toLowerCase()));
  return [...new Set(enabled.map((h) => h.toLowerCase()))].filter((h) => !off.has(h));
}

/** The match patterns to register, in a stable order (so an unchanged set is not re-registered). */
export function sitePatterns(enabled: readonly string[], switchedOff: readonly string[]): string[] {
  return activeHosts(enabled, switchedOff).map(hostPattern).sort();
}

/**
 * Hosts where the lens ran and must stop now (switched off or no longer
 * enabled): a tab opened before the change still runs its content script,
 * which the browser never unloads, so the background tells it to stop.
 */
export function hostsTurnedOff(before: readonly string[], after: readonly string[]): string[] {
  const still = new Set(after);
  return before.filter((host) => !still.has(host));
}

/** Whether `url` (a tab's or a frame's) is on one of `hosts`; false for non-web URLs. */
export function urlOnHosts(url: string | undefined, hosts: readonly string[]): boolean {
  const host = url ? frameHost({ isTop: true, url, origin: 'null' }) : '';
  return host !== '' && hostMatches(host, hosts);
}

/**
 * Whether a frame's lens stops when `hosts` are turned off: its own host (a
 * srcdoc or about:blank frame's is its parent's origin) is one of them, or
 * its tab's page is (a sandboxed frame has no host of its own).
 */
export function frameTurnedOff(
  frame: FrameInfo,
  hosts: readonly string[],
  tabOff: boolean,
): boolean {
  const host = frameHost(frame);
  return tabOff || (host !== '' && hostMatches(host, hosts));
}
