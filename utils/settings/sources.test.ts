// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  checkSource,
  emptySource,
  mailchimpDataCenter,
  parseSource,
  SOURCE_KINDS,
} from './sources.ts';
import type { SourceSettings } from './sources.ts';

describe('checkSource', () => {
  it.each<[SourceSettings, unknown]>([
    [
      { kind: 'clickmap-api', apiUrl: 'http://127.0.0.1:8787/', token: ' demo ' },
      {
        config: { kind: 'clickmap-api', apiUrl: 'http://127.0.0.1:8787', token: 'demo' },
        baseUrl: 'http://127.0.0.1:8787',
        origin: 'http://127.0.0.1/*',
      },
    ],
    [
      { kind: 'mailchimp', apiKey: '0123456789abcdef0123456789abcdef-us11' },
      {
        config: { kind: 'mailchimp', apiKey: '0123456789abcdef0123456789abcdef-us11' },
        baseUrl: 'https://us11.api.mailchimp.com/3.0',
        origin: 'https://us11.api.mailchimp.com/*',
      },
    ],
    [
      { kind: 'listmonk', baseUrl: 'https://lists.example.org/', username: 'api', token: 'tk' },
      {
        config: {
          kind: 'listmonk',
          baseUrl: 'https://lists.example.org',
          username: 'api',
          token: 'tk',
        },
        baseUrl: 'https://lists.example.org',
        origin: 'https://lists.example.org/*',
      },
    ],
    [
      {
        kind: 'mautic',
        baseUrl: 'https://m.example.com',
        auth: 'basic',
        username: 'u',
        password: ' p ',
        accessToken: 'ignored',
      },
      {
        config: {
          kind: 'mautic',
          baseUrl: 'https://m.example.com',
          username: 'u',
          password: ' p ',
        },
        baseUrl: 'https://m.example.com',
        origin: 'https://m.example.com/*',
      },
    ],
    [
      {
        kind: 'mautic',
        baseUrl: 'https://m.example.com:8443/mautic',
        auth: 'oauth',
        username: '',
        password: '',
        accessToken: 'tok',
      },
      {
        config: {
          kind: 'mautic',
          baseUrl: 'https://m.example.com:8443/mautic',
          accessToken: 'tok',
        },
        baseUrl: 'https://m.example.com:8443/mautic',
        origin: 'https://m.example.com/*',
      },
    ],
  ])('accepts %o', (source, expected) => {
    expect(checkSource(source)).toEqual({ ok: true, ...(expected as object) });
  });

  it.each<[SourceSettings, string]>([
    [{ kind: 'clickmap-api', apiUrl: '', token: 'k' }, 'Enter the address of your Click Map API.'],
    [
      { kind: 'clickmap-api', apiUrl: 'https://x.io', token: ' ' },
      'Enter the Click Map API token.',
    ],
    [{ kind: 'mailchimp', apiKey: '' }, 'Enter the Mailchimp API key.'],
    [
      { kind: 'mailchimp', apiKey: '0123456789abcdef' },
      'A Mailchimp API key ends with its data centre, e.g. "…-us11".',
    ],
    [
      { kind: 'listmonk', baseUrl: 'http://lists.example.org', username: 'a', token: 'b' },
      'Use https: plain http is allowed only for 127.0.0.1 / localhost.',
    ],
    [
      { kind: 'listmonk', baseUrl: 'https://lists.example.org', username: 'a', token: '' },
      'Enter the listmonk API user and token.',
    ],
    [
      { ...emptySource('mautic'), baseUrl: 'https://m.example.com' } as SourceSettings,
      'Enter the Mautic API user name and password.',
    ],
    [
      {
        ...emptySource('mautic'),
        baseUrl: 'https://m.example.com',
        auth: 'oauth',
      } as SourceSettings,
      'Enter the Mautic OAuth2 access token.',
    ],
    [emptySource('mautic'), 'Enter the address of your Mautic.'],
  ])('rejects %o', (source, reason) => {
    expect(checkSource(source)).toEqual({ ok: false, reason });
  });
});

describe('parseSource / emptySource / mailchimpDataCenter', () => {
  it('parses every empty source back to itself', () => {
    for (const kind of SOURCE_KINDS)
      expect(parseSource(emptySource(kind))).toEqual(emptySource(kind));
  });
  it('rejects non-sources and fills missing fields with ""', () => {
    expect(parseSource(null)).toBeNull();
    expect(parseSource({ kind: 'sendgrid' })).toBeNull();
    expect(parseSource({ kind: 'listmonk', baseUrl: 7 })).toEqual(emptySource('listmonk'));
  });
  it.each([
    ['0123456789abcdef0123456789abcdef-us11', 'us11'],
    [' key-us2 ', 'us2'],
    ['key-US2', null],
    ['key', null],
  ])('%j → %j', (key, dc) => {
    expect(mailchimpDataCenter(key)).toBe(dc);
  });
});
