/**
 * The report sources a user can save (what the options page edits) and how a
 * saved one becomes the config of utils/sources' createSource: validation
 * with a reason, the one host the background must be allowed to call, and a
 * tolerant parser for stored values. Credentials stay as typed (trimmed).
 */
import type { SourceConfig } from '../sources/index.ts';
import type { SourceKind } from '../sources/source-report.ts';
import { checkApiUrl, originPattern } from './url-check.ts';

export type SourceSettings =
  | { kind: 'clickmap-api'; apiUrl: string; token: string }
  | { kind: 'mailchimp'; apiKey: string }
  | { kind: 'listmonk'; baseUrl: string; username: string; token: string }
  | {
      kind: 'mautic';
      baseUrl: string;
      /** Which credentials are used; both kinds are kept so switching loses nothing. */
      auth: 'basic' | 'oauth';
      username: string;
      password: string;
      accessToken: string;
    };

export const SOURCE_KINDS: readonly SourceKind[] = [
  'clickmap-api',
  'mailchimp',
  'listmonk',
  'mautic',
];

export const SOURCE_LABELS: Record<SourceKind, string> = {
  'clickmap-api': 'Click Map API',
  mailchimp: 'Mailchimp',
  listmonk: 'listmonk',
  mautic: 'Mautic',
};

export function emptySource(kind: SourceKind): SourceSettings {
  switch (kind) {
    case 'clickmap-api':
      return { kind, apiUrl: '', token: '' };
    case 'mailchimp':
      return { kind, apiKey: '' };
    case 'listmonk':
      return { kind, baseUrl: '', username: '', token: '' };
    case 'mautic':
      return { kind, baseUrl: '', auth: 'basic', username: '', password: '', accessToken: '' };
  }
}

const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/** A stored source, or null when it is not one (unknown kind, not an object). */
export function parseSource(stored: unknown): SourceSettings | null {
  if (typeof stored !== 'object' || stored === null) return null;
  const s = stored as Record<string, unknown>;
  switch (s.kind) {
    case 'clickmap-api':
      return { kind: s.kind, apiUrl: str(s.apiUrl), token: str(s.token) };
    case 'mailchimp':
      return { kind: s.kind, apiKey: str(s.apiKey) };
    case 'listmonk':
      return {
        kind: s.kind,
        baseUrl: str(s.baseUrl),
        username: str(s.username),
        token: str(s.token),
      };
    case 'mautic':
      return {
        kind: s.kind,
        baseUrl: str(s.baseUrl),
        auth: s.auth === 'oauth' ? 'oauth' : 'basic',
        username: str(s.username),
        password: str(s.password),
        accessToken: str(s.accessToken),
      };
    default:
      return null;
  }
}

/** "…-us11" → "us11": Mailchimp keys end with their data centre. */
export function mailchimpDataCenter(apiKey: string): string | null {
  return /-([a-z]+\d+)$/.exec(apiKey.trim())?.[1] ?? null;
}

export type SourceCheck =
  | {
      ok: true;
      /** What createSource takes. */
      config: SourceConfig;
      /** The URL requests go to (for messages). */
      baseUrl: string;
      /** Host permission pattern for browser.permissions.request. */
      origin: string;
    }
  | { ok: false; reason: string };

const missing = (what: string): SourceCheck => ({ ok: false, reason: `Enter the ${what}.` });

function ok(config: SourceConfig, baseUrl: string): SourceCheck {
  return { ok: true, config, baseUrl, origin: originPattern(baseUrl) };
}

function checkMautic(source: Extract<SourceSettings, { kind: 'mautic' }>): SourceCheck {
  const url = checkApiUrl(source.baseUrl, 'your Mautic');
  if (!url.ok) return url;
  if (source.auth === 'oauth') {
    const accessToken = source.accessToken.trim();
    if (!accessToken) return missing('Mautic OAuth2 access token');
    return ok({ kind: 'mautic', baseUrl: url.url, accessToken }, url.url);
  }
  const username = source.username.trim();
  if (!username || source.password === '') return missing('Mautic API user name and password');
  return ok({ kind: 'mautic', baseUrl: url.url, username, password: source.password }, url.url);
}

/** Whether `source` can be used, and the config and host it gives. */
export function checkSource(source: SourceSettings): SourceCheck {
  switch (source.kind) {
    case 'clickmap-api': {
      const url = checkApiUrl(source.apiUrl);
      if (!url.ok) return url;
      const token = source.token.trim();
      if (!token) return missing('Click Map API token');
      return ok({ kind: 'clickmap-api', apiUrl: url.url, token }, url.url);
    }
    case 'mailchimp': {
      const apiKey = source.apiKey.trim();
      if (!apiKey) return missing('Mailchimp API key');
      const dc = mailchimpDataCenter(apiKey);
      if (!dc) {
        return {
          ok: false,
          reason: 'A Mailchimp API key ends with its data centre, e.g. "…-us11".',
        };
      }
      return ok({ kind: 'mailchimp', apiKey }, `https://${dc}.api.mailchimp.com/3.0`);
    }
    case 'listmonk': {
      const url = checkApiUrl(source.baseUrl, 'your listmonk');
      if (!url.ok) return url;
      const username = source.username.trim();
      const token = source.token.trim();
      if (!username || !token) return missing('listmonk API user and token');
      return ok({ kind: 'listmonk', baseUrl: url.url, username, token }, url.url);
    }
    case 'mautic':
      return checkMautic(source);
  }
}
