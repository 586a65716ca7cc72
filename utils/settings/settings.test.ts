// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  checkApiUrl,
  DEFAULT_SETTINGS,
  isConfigured,
  isSiteEnabled,
  originPattern,
  parseSettings,
} from './settings.ts';

describe('checkApiUrl', () => {
  it.each([
    ['https://reports.example.com/', { ok: true, url: 'https://reports.example.com' }],
    ['  http://127.0.0.1:8787  ', { ok: true, url: 'http://127.0.0.1:8787' }],
    ['http://localhost:3000/api/', { ok: true, url: 'http://localhost:3000/api' }],
    ['http://[::1]:9/', { ok: true, url: 'http://[::1]:9' }],
  ])('accepts %s', (input, expected) => {
    expect(checkApiUrl(input)).toEqual(expected);
  });

  it.each([
    ['', 'Enter the address'],
    ['reports.example.com', 'is not a URL'],
    ['ftp://example.com', 'Only http and https'],
    ['http://reports.example.com', 'plain http is allowed only'],
    ['https://u:p@example.com', 'not in the URL'],
  ])('rejects %j with a reason', (input, reason) => {
    const result = checkApiUrl(input);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toContain(reason);
  });
});

describe('parseSettings', () => {
  it('fills defaults for missing or malformed storage', () => {
    expect(parseSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings('junk')).toEqual(DEFAULT_SETTINGS);
    expect(
      parseSettings({
        apiUrl: 5,
        token: 't',
        includeMachineClicks: 'yes',
        disabledSites: ['a', 3],
      }),
    ).toEqual({ ...DEFAULT_SETTINGS, token: 't', disabledSites: ['a'] });
  });
});

describe('helpers', () => {
  it('derives the host permission pattern without port or path', () => {
    expect(originPattern('http://127.0.0.1:8787/api')).toBe('http://127.0.0.1/*');
    expect(originPattern('https://r.example.com')).toBe('https://r.example.com/*');
  });
  it('is configured only with a valid URL and a token', () => {
    expect(isConfigured({ ...DEFAULT_SETTINGS, apiUrl: 'https://x.io', token: ' ' })).toBe(false);
    expect(isConfigured({ ...DEFAULT_SETTINGS, apiUrl: 'https://x.io', token: 'k' })).toBe(true);
  });
  it('disables sites case-insensitively by hostname', () => {
    const s = { ...DEFAULT_SETTINGS, disabledSites: ['mail.example.com'] };
    expect(isSiteEnabled(s, 'Mail.Example.com')).toBe(false);
    expect(isSiteEnabled(s, 'other.example.com')).toBe(true);
  });
});
