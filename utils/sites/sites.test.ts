// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  activeHosts,
  frameTurnedOff,
  hostPattern,
  hostsTurnedOff,
  KNOWN_SITES,
  parseHost,
  sitePatterns,
  urlOnHosts,
} from './sites.ts';

describe('parseHost', () => {
  it.each([
    ['mail.example.com', 'mail.example.com'],
    ['  Mail.Example.COM  ', 'mail.example.com'],
    ['https://mail.example.com:8443/roundcube/?_task=mail', 'mail.example.com'],
    ['mail.example.com:8080/sogo', 'mail.example.com'],
    ['127.0.0.1:8089', '127.0.0.1'],
    ['*.mail.live.com', '*.mail.live.com'],
    ['http://[::1]:9/', '[::1]'],
  ])('%j → %s (no port: Firefox ignores ported patterns)', (input, host) => {
    expect(parseHost(input)).toEqual({ ok: true, host });
  });

  it.each([
    ['', 'Enter a host name'],
    ['*', 'not a host name'],
    ['*://*/*', 'not a host name'],
    ['ftp://files.example.com', 'Only web pages'],
    ['mail example.com', 'not a host name'],
    ['-bad-.example.com', 'not a host name'],
  ])('rejects %j', (input, reason) => {
    const result = parseHost(input);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toContain(reason);
  });
});

describe('site patterns', () => {
  it('are the enabled hosts minus the switched-off ones, each on both schemes and any port', () => {
    expect(hostPattern('mail.example.com')).toBe('*://mail.example.com/*');
    expect(
      activeHosts(['A.example.com', 'b.example.com', 'a.example.com'], ['B.example.com']),
    ).toEqual(['a.example.com']);
    expect(sitePatterns(['mail.google.com', '127.0.0.1'], [])).toEqual([
      '*://127.0.0.1/*',
      '*://mail.google.com/*',
    ]);
    expect(sitePatterns([], [])).toEqual([]);
  });

  it('offers the hosted webmails with the hosts of their detection profiles', () => {
    expect(KNOWN_SITES.map((s) => s.id)).toEqual(['gmail', 'outlook', 'yahoo', 'proton']);
    for (const site of KNOWN_SITES) {
      expect(site.hosts.length).toBeGreaterThan(0);
      for (const host of site.hosts) expect(parseHost(host)).toEqual({ ok: true, host });
    }
  });
});

describe('turning a site off', () => {
  it('names the hosts that were active and are not any more', () => {
    expect(hostsTurnedOff(['a.example', 'b.example'], ['b.example', 'c.example'])).toEqual([
      'a.example',
    ]);
    expect(hostsTurnedOff(['a.example'], ['a.example'])).toEqual([]);
  });

  it('finds a tab or frame URL on those hosts (wildcards included), never a non-web URL', () => {
    expect(urlOnHosts('https://mail.example.com:8443/?_task=mail', ['mail.example.com'])).toBe(
      true,
    );
    expect(urlOnHosts('https://x.mail.live.com/', ['*.mail.live.com'])).toBe(true);
    expect(urlOnHosts('https://other.example/', ['mail.example.com'])).toBe(false);
    expect(urlOnHosts('about:srcdoc', ['mail.example.com'])).toBe(false);
    expect(urlOnHosts(undefined, ['mail.example.com'])).toBe(false);
  });

  it("stops a frame on its own host, its parent's (srcdoc) or, when opaque, its tab's", () => {
    const off = ['mail.example.com'];
    const srcdoc = { isTop: false, url: 'about:srcdoc', origin: 'https://mail.example.com' };
    const sandboxed = { isTop: false, url: 'about:srcdoc', origin: 'null' };
    const elsewhere = { isTop: true, url: 'https://news.example/', origin: 'https://news.example' };
    expect(frameTurnedOff(srcdoc, off, false)).toBe(true);
    expect(frameTurnedOff(sandboxed, off, false)).toBe(false);
    expect(frameTurnedOff(sandboxed, off, true)).toBe(true);
    expect(frameTurnedOff(elsewhere, off, false)).toBe(false);
  });
});
