// @vitest-environment node
/**
 * Link identity must not depend on the reader: two readers' copies of one
 * link (different recipient tokens, referral codes, addresses) get one key.
 * Each table row is one reader-dependent spelling a real received copy had.
 */
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { placementsFromHtml } from '../../server/placements.ts';
import { classifyLink } from './classify.ts';
import { cleanHref } from './clean.ts';
import { describeLink, linkIdentity } from './identity.ts';
import { REDIRECT_FORMATS } from './redirect-formats.ts';

/** A Mailgun /c/ link as Mailgun builds it: zlib(query) in base64url; r = reader, e = time. */
function mailgun(destination: string, reader: string, time = 1743085991): string {
  const query = new URLSearchParams({ d: '2a862', e: String(time), l: destination, r: reader });
  return `https://trk.news.example/c/${deflateSync(query.toString()).toString('base64url')}`;
}

/** A Substack /redirect/2/ link: base64url JSON whose e is the destination, u the reader. */
function substack2(destination: string, user: number): string {
  const payload = Buffer.from(JSON.stringify({ e: destination, p: 17, s: 5, u: user })).toString(
    'base64url',
  );
  return `https://substack.com/redirect/2/${payload}.c2lnbmF0dXJl?`;
}

const b64 = (text: string) => Buffer.from(text).toString('base64url');
const UUID = '3b2f1c5e-9a4d-4c6b-8e21-0f5d7a9c1b23';

/** [case, reader A's copy, reader B's copy, the key both must get]. */
const TWO_READERS: [string, string, string, string][] = [
  [
    'Substack /redirect/<uuid>?j= (item 1)',
    `https://substack.com/redirect/${UUID}?j=eyJ1IjoxMTF9.aaa`,
    `https://substack.com/redirect/${UUID.toUpperCase()}?j=eyJ1IjoyMjJ9.bbb`,
    `substack:${UUID}`,
  ],
  [
    'Substack /redirect/<uuid> on a custom domain (item 1)',
    `https://news.example.org/redirect/${UUID}?j=eyJ1IjoxMTF9.aaa`,
    `https://news.example.org/redirect/${UUID}?j=eyJ1IjoyMjJ9.bbb`,
    `substack:${UUID}`,
  ],
  [
    'Substack /redirect/2/ destination r= / token= / freeSignupEmail= (item 2)',
    substack2('https://pub.substack.com/subscribe?r=5f3rgc&next=%2Fp%2Fpost', 111),
    substack2(
      'https://pub.substack.com/subscribe?r=9zz1ab&token=eyJhIjoxfQ&freeSignupEmail=b%40x.org&next=%2Fp%2Fpost',
      222,
    ),
    'https://pub.substack.com/subscribe?next=%2Fp%2Fpost',
  ],
  [
    'Mailgun-unwrapped email= (item 2)',
    mailgun(
      'https://shop.example/account?email=alice%40example.com&tab=orders',
      'alice@example.com',
    ),
    mailgun('https://shop.example/account?email=bob%40example.net&tab=orders', 'bob@example.net'),
    'https://shop.example/account?tab=orders',
  ],
  [
    'Mailgun-unwrapped unsubscribe token holding the address (item 2)',
    mailgun(`https://shop.example/unsubscribe?t=${b64('alice@example.com|list-7')}`, 'alice@x.org'),
    mailgun(`https://shop.example/unsubscribe?t=${b64('bob@example.net|list-7')}`, 'bob@x.org'),
    'https://shop.example/unsubscribe',
  ],
  [
    'Mailgun-unwrapped address in a path segment (item 2)',
    mailgun(`https://shop.example/unsub/${b64('alice@example.com')}`, 'alice@example.com'),
    mailgun('https://shop.example/unsub/bob%40example.net', 'bob@example.net'),
    'https://shop.example/unsub',
  ],
  [
    'Mailchimp short code with _ (item 3)',
    'https://us.list-manage.com/zZ_CZ2OvE8?e=96d6a43dd8&c2id=5286dfb7',
    'https://us.list-manage.com/zZ_CZ2OvE8?e=0000000001&c2id=5286dfb7',
    'mailchimp:zZ_CZ2OvE8',
  ],
  [
    'Mailchimp short code with - (item 3)',
    'https://us12.list-manage.com/a-Bc9d0E1f?e=96d6a43dd8',
    'https://us12.list-manage.com/a-Bc9d0E1f?e=0000000001',
    'mailchimp:a-Bc9d0E1f',
  ],
  [
    'Mailgun destination without a scheme (item 4)',
    mailgun('www.strava.com/activities/13958594592', 'alice@example.com', 1),
    mailgun('www.strava.com/activities/13958594592', 'bob@example.net', 2),
    'https://www.strava.com/activities/13958594592',
  ],
  [
    'Brevo unsubscribe /mk/un/ (item 5)',
    'https://g08dc.r.a.d.sendibm1.com/mk/un/li/sh/1t6Af4OiGsDg0kUyn5EFxDNbiwiJ5t/7SRKyHQ7amFd',
    'https://g08dc.r.a.d.sendibm1.com/mk/un/li/sh/9QqZf4OiGsDg0kUyn5EFxDNbiwiXXX/0AbcdQ7amFd',
    'brevo:g08dc.r.a.d.sendibm1.com:un',
  ],
  [
    'Brevo view-in-browser /mk/mr/',
    'https://g08dc.r.a.d.sendibm1.com/mk/mr/sh/1t6Af4OiGsDg0kUyn5EFxDNbiwiJ5t/7SRKyHQ7amFd',
    'https://g08dc.r.a.d.sendibm1.com/mk/mr/sh/9QqZf4OiGsDg0kUyn5EFxDNbiwiXXX/0AbcdQ7amFd',
    'brevo:g08dc.r.a.d.sendibm1.com:mr',
  ],
];

describe('one key for every reader of a link', () => {
  it.each(TWO_READERS)('%s', (_case, readerA, readerB, key) => {
    expect(linkIdentity(readerA).key).toBe(key);
    expect(linkIdentity(readerB).key).toBe(key);
  });

  it('Brevo unsubscribe links come from the format table and count as unsubscribes', () => {
    const href = TWO_READERS.find(([c]) => c.includes('mk/un'))![1];
    const description = describeLink(href);
    expect(description.opaque?.provider).toBe('brevo');
    expect(classifyLink({ href, text: '', description })).toBe('unsubscribe');
  });

  it('a Mailchimp page word is not a short code', () => {
    expect(linkIdentity('https://x.us1.list-manage.com/subscribe?u=1&id=2&e=3').key).toBe(
      'https://x.us1.list-manage.com/subscribe?id=2&u=1',
    );
  });

  it('a Mailgun token that does not decode stays keyed by its token (no guess)', () => {
    expect(linkIdentity('https://trk.example/c/eJ_not_a_real_zlib_stream_at_all').key).toBe(
      'mailgun:eJ_not_a_real_zlib_stream_at_all',
    );
  });
});

describe('reader parameters are data in the format tables', () => {
  it.each([
    ['substack', ['r', 'token', 'freeSignupEmail']],
    ['mailgun', ['email', 'recipient']],
    ['mailchimp', ['e']],
    ['hubspot', ['data']],
  ])('%s lists %j', (id, params) => {
    const listed = REDIRECT_FORMATS.filter((f) => f.id === id).flatMap((f) => f.readerParams ?? []);
    expect(listed).toEqual(expect.arrayContaining(params));
  });

  it('only formats that say so strip: a plain link keeps r= and email=', () => {
    expect(linkIdentity('https://shop.example/x?r=5f3rgc&email=a%40b.org').key).toBe(
      'https://shop.example/x?email=a%40b.org&r=5f3rgc',
    );
  });
});

describe('one control-character cleaning step for page and server (item 6)', () => {
  /** NUL as the server parses it, U+FFFD as browsers do, nothing as Roundcube leaves it. */
  const SPELLINGS: [string, string][] = [
    ['NUL (happy-dom, server)', 'https://shop.example/sale\u0000?id=7'],
    ['U+FFFD (browsers)', 'https://shop.example/sale\ufffd?id=7'],
    ['stripped (Roundcube)', 'https://shop.example/sale?id=7'],
    ['percent-encoded U+FFFD (re-serialised)', 'https://shop.example/sale%EF%BF%BD?id=7'],
    ['zero-width space (copy-paste)', 'https://shop.example/sa\u200ble?id=7'],
    ['BOM and bidi mark', '\ufeffhttps://shop.example/sale\u200e?id=7'],
    ['tab, newline, vertical tab, DEL', 'https://shop.ex\tample/sa\nle\u000b\u007f?id=7'],
  ];
  it.each(SPELLINGS)('%s', (_case, href) => {
    expect(linkIdentity(href).key).toBe('https://shop.example/sale?id=7');
  });

  it('the server (happy-dom placements) and the page agree on an href holding NUL', () => {
    const [placement] = placementsFromHtml(
      '<a href="https://shop.example/sale\u0000?id=7">Sale</a>',
    );
    expect(linkIdentity(placement!.url).key).toBe(
      linkIdentity('https://shop.example/sale\ufffd?id=7').key,
    );
  });

  it('cleans inside unwrapped destinations too', () => {
    const wrapped = `https://nam02.safelinks.protection.outlook.com/?url=${encodeURIComponent('https://shop.example/sale\u0000?id=7')}`;
    expect(linkIdentity(wrapped).key).toBe('https://shop.example/sale?id=7');
  });

  it('keeps visible characters, spaces inside the URL and ordinary escapes', () => {
    expect(cleanHref(' https://x.example/a%20b?q=%C3%A9 ')).toBe(
      'https://x.example/a%20b?q=%C3%A9',
    );
  });
});
