/**
 * User settings: where the reporting API is, its token, and report defaults.
 * Pure: parsing tolerates whatever storage holds (old versions, hand edits)
 * and always yields a complete Settings; validation explains what is wrong.
 */

export interface Settings {
  /** Base URL of the Click Map API (e.g. http://127.0.0.1:8787). Empty: not configured. */
  apiUrl: string;
  /** Bearer token for the API. */
  token: string;
  /** Whether suspected machine (security scanner) clicks are counted. Off by default. */
  includeMachineClicks: boolean;
  /** Hosts (page hostnames) where the overlay is switched off by the user. */
  disabledSites: string[];
}

export const DEFAULT_SETTINGS: Settings = {
  apiUrl: '',
  token: '',
  includeMachineClicks: false,
  disabledSites: [],
};

export type UrlCheck = { ok: true; url: string } | { ok: false; reason: string };

/** Accepts http(s) URLs only; plain http only on loopback (tokens must not cross networks in clear). */
export function checkApiUrl(input: string): UrlCheck {
  const text = input.trim();
  if (text === '') return { ok: false, reason: 'Enter the address of your Click Map API.' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return {
      ok: false,
      reason: `"${text}" is not a URL (expected e.g. https://reports.example.com).`,
    };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, reason: `Only http and https are supported, not ${url.protocol}` };
  }
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    return {
      ok: false,
      reason: 'Use https: plain http is allowed only for 127.0.0.1 / localhost.',
    };
  }
  if (url.username || url.password) {
    return { ok: false, reason: 'Put the token in the token field, not in the URL.' };
  }
  return { ok: true, url: url.href.replace(/\/+$/, '') };
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** The host permission pattern the background needs to call the API. */
export function originPattern(apiUrl: string): string {
  const url = new URL(apiUrl);
  return `${url.protocol}//${url.hostname}/*`;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export function parseSettings(stored: unknown): Settings {
  const s = (typeof stored === 'object' && stored !== null ? stored : {}) as Record<
    string,
    unknown
  >;
  return {
    apiUrl: typeof s.apiUrl === 'string' ? s.apiUrl : DEFAULT_SETTINGS.apiUrl,
    token: typeof s.token === 'string' ? s.token : DEFAULT_SETTINGS.token,
    includeMachineClicks: s.includeMachineClicks === true,
    disabledSites: stringList(s.disabledSites),
  };
}

export function isConfigured(settings: Settings): boolean {
  return checkApiUrl(settings.apiUrl).ok && settings.token.trim() !== '';
}

export function isSiteEnabled(settings: Settings, hostname: string): boolean {
  return !settings.disabledSites.includes(hostname.toLowerCase());
}
