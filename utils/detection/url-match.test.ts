// @vitest-environment node
/** Frame host resolution and host/URL matching, including junk input. */
import { describe, expect, it } from 'vitest';
import { profileForFrame } from './detect.ts';
import { frameHost, hostMatches, isExtensionUrl } from './url-match.ts';

const ids = (isTop: boolean, url: string, origin = 'null'): string[] =>
  profileForFrame({ isTop, url, origin }).map((p) => p.id);

describe('frameHost', () => {
  it.each([
    ['https://Mail.Google.com/mail/u/0/', 'null', 'mail.google.com'],
    ['about:blank', 'https://mail.proton.me', 'mail.proton.me'],
    ['about:srcdoc', 'null', ''],
    ['not a url', 'also junk', ''],
    ['', '', ''],
    ['javascript:alert(1)', 'null', ''],
    ['data:text/html,<p>x', 'null', ''],
  ])('%j with origin %j → %j', (url, origin, host) => {
    expect(frameHost({ isTop: false, url, origin })).toBe(host);
  });
});

describe('hostMatches', () => {
  it.each([
    ['mail.live.com', ['*.mail.live.com'], true],
    ['snt.mail.live.com', ['*.mail.live.com'], true],
    ['evilmail.live.com', ['*.mail.live.com'], false],
    ['mail.google.com.evil.net', ['mail.google.com'], false],
    ['', ['mail.google.com'], false],
  ])('%j in %j → %s', (host, patterns, result) => {
    expect(hostMatches(host, patterns)).toBe(result);
  });
});

describe('profileForFrame', () => {
  it('gives a hosted webmail host only its own profile', () => {
    expect(ids(true, 'https://mail.google.com/mail/u/0/#inbox')).toEqual(['gmail']);
    expect(ids(false, 'about:blank', 'https://mail.google.com')).toEqual(['gmail']);
    expect(ids(true, 'https://mail.proton.me/u/0/inbox')).toEqual([]);
    expect(ids(false, 'about:blank', 'https://mail.proton.me')).toEqual(['proton']);
  });

  it('offers self-hosted and heuristic profiles elsewhere, by frame kind and URL', () => {
    expect(ids(true, 'https://example.com/')).toEqual([
      'roundcube',
      'sogo',
      'zimbra',
      'view-in-browser',
    ]);
    expect(ids(false, 'about:srcdoc')).toEqual([
      'roundcube',
      'sogo',
      'horde',
      'zimbra',
      'generic-frame',
    ]);
    expect(ids(false, 'https://l.example.org/api/campaigns/3/preview')).toEqual([
      'roundcube',
      'sogo',
      'horde',
      'zimbra',
      'listmonk',
      'generic-frame',
    ]);
    expect(ids(true, 'https://m.example.org/email/preview/12')).toEqual([
      'roundcube',
      'sogo',
      'zimbra',
      'mautic',
      'view-in-browser',
    ]);
    expect(ids(true, 'https://m.example.org/email/preview/abc')).not.toContain('mautic');
    expect(ids(true, 'https://m.example.org/s/emails/preview/12')).not.toContain('mautic');
  });

  it('never offers anything in extension pages', () => {
    expect(isExtensionUrl('chrome-extension://chajdjgopohfdekcmdjihpmnighpohog/options.html')).toBe(
      true,
    );
    expect(ids(false, 'moz-extension://3c6e0d2a/panel.html')).toEqual([]);
  });
});
