// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  activeSourceSettings,
  checkApiUrl,
  DEFAULT_SETTINGS,
  isConfigured,
  originPattern,
  parseSettings,
  withMachineClicks,
  withSource,
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
    ).toEqual({
      ...DEFAULT_SETTINGS,
      sources: [{ kind: 'clickmap-api', apiUrl: '', token: 't' }],
      activeSource: 'clickmap-api',
      disabledSites: ['a'],
    });
  });

  it("counts machine clicks by default (the seeds' reading); only a stored false turns them off", () => {
    expect(DEFAULT_SETTINGS.includeMachineClicks).toBe(true);
    expect(parseSettings({}).includeMachineClicks).toBe(true);
    expect(parseSettings({ includeMachineClicks: false }).includeMachineClicks).toBe(false);
  });

  it('remembers the panel switch, refusing anything but a boolean', () => {
    expect(withMachineClicks(DEFAULT_SETTINGS, false).includeMachineClicks).toBe(false);
    expect(withMachineClicks(DEFAULT_SETTINGS, true).includeMachineClicks).toBe(true);
    expect(() => withMachineClicks(DEFAULT_SETTINGS, 'no')).toThrow(/true or false/);
  });

  it('migrates the single-API shape of earlier versions to an active Click Map API source', () => {
    const old = {
      apiUrl: 'http://127.0.0.1:8787',
      token: 'demo',
      includeMachineClicks: true,
      disabledSites: ['mail.example.com'],
    };
    expect(parseSettings(old)).toEqual({
      sources: [{ kind: 'clickmap-api', apiUrl: 'http://127.0.0.1:8787', token: 'demo' }],
      activeSource: 'clickmap-api',
      includeMachineClicks: true,
      sendSubjectAndSender: true,
      enabledSites: [],
      disabledSites: ['mail.example.com'],
    });
    expect(isConfigured(parseSettings(old))).toBe(true);
    expect(parseSettings({ apiUrl: '', token: '' })).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps one source per kind in a fixed order, drops unknown ones and a dangling active kind', () => {
    const parsed = parseSettings({
      sources: [
        { kind: 'mautic', baseUrl: 'https://m.example.com', auth: 'oauth', accessToken: 'x' },
        { kind: 'sendgrid', apiKey: 'k' },
        'junk',
        { kind: 'mailchimp', apiKey: 'abc-us11' },
        { kind: 'mailchimp', apiKey: 'second-us2' },
      ],
      activeSource: 'listmonk',
    });
    expect(parsed.sources).toEqual([
      { kind: 'mailchimp', apiKey: 'abc-us11' },
      {
        kind: 'mautic',
        baseUrl: 'https://m.example.com',
        auth: 'oauth',
        username: '',
        password: '',
        accessToken: 'x',
      },
    ]);
    expect(parsed.activeSource).toBeNull();
    expect(parseSettings({ ...parsed, activeSource: 'mailchimp' }).activeSource).toBe('mailchimp');
  });

  it('round-trips what it produces', () => {
    const settings = withSource(
      { ...DEFAULT_SETTINGS, activeSource: 'listmonk' },
      { kind: 'listmonk', baseUrl: 'https://lists.example.org', username: 'api', token: 't' },
    );
    expect(parseSettings(JSON.parse(JSON.stringify(settings)))).toEqual(settings);
  });
});

describe('helpers', () => {
  it('derives the host permission pattern without port or path', () => {
    expect(originPattern('http://127.0.0.1:8787/api')).toBe('http://127.0.0.1/*');
    expect(originPattern('https://r.example.com')).toBe('https://r.example.com/*');
  });
  it('is configured only with an active, valid source', () => {
    const api = (token: string) =>
      withSource(
        { ...DEFAULT_SETTINGS, activeSource: 'clickmap-api' },
        { kind: 'clickmap-api', apiUrl: 'https://x.io', token },
      );
    expect(isConfigured(api(' '))).toBe(false);
    expect(isConfigured(api('k'))).toBe(true);
    expect(isConfigured({ ...api('k'), activeSource: null })).toBe(false);
    expect(activeSourceSettings(api('k'))).toEqual({
      kind: 'clickmap-api',
      apiUrl: 'https://x.io',
      token: 'k',
    });
  });
  it('replaces a source of the same kind and keeps kinds in order', () => {
    let s = withSource(DEFAULT_SETTINGS, { kind: 'mautic', ...MAUTIC });
    s = withSource(s, { kind: 'clickmap-api', apiUrl: 'a', token: 'b' });
    s = withSource(s, { kind: 'mautic', ...MAUTIC, baseUrl: 'https://new.example.com' });
    expect(s.sources.map((x) => [x.kind, 'baseUrl' in x ? x.baseUrl : null])).toEqual([
      ['clickmap-api', null],
      ['mautic', 'https://new.example.com'],
    ]);
  });
});

const MAUTIC = {
  baseUrl: 'https://m.example.com',
  auth: 'basic' as const,
  username: 'u',
  password: 'p',
  accessToken: '',
};
