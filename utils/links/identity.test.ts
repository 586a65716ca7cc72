// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { describeLink, linkIdentity } from './identity.ts';

describe('normalisation: same destination, same key', () => {
  it.each([
    ['HTTPS://Example.COM:443/Path/', 'https://example.com/Path'],
    ['http://example.com:80', 'http://example.com/'],
    ['https://example.com/a?b=2&a=1', 'https://example.com/a?a=1&b=2'],
    ['https://example.com/a#section-2', 'https://example.com/a'],
    ['https://example.com/%7euser/%e2%82%ac', 'https://example.com/~user/%E2%82%AC'],
    ['https://user:pw@example.com/x', 'https://example.com/x'],
    ['https://example.com./x', 'https://example.com/x'],
    ['https://example.com/x?utm_source=nl&utm_medium=email&id=7', 'https://example.com/x?id=7'],
    [
      'https://example.com/x?fbclid=1&gclid=2&msclkid=3&mc_cid=4&mc_eid=5&_hsenc=6&_hsmi=7',
      'https://example.com/x',
    ],
    [
      'https://example.com/x?mkt_tok=1&ml_subscriber=2&ml_subscriber_hash=3&srsltid=4&_ga=5&_gl=6',
      'https://example.com/x',
    ],
    [
      'https://example.com/x?mtm_campaign=a&pk_kwd=b&otm_source=c&itm_medium=d&UTM_Source=e',
      'https://example.com/x',
    ],
    ['  https://example.com/\n\tx  ', 'https://example.com/x'],
    ['https://example.com/x?a=b&amp;utm_source=y', 'https://example.com/x?a=b'],
    ['//example.com/x', 'https://example.com/x'],
  ])('%s → %s', (href, key) => {
    expect(linkIdentity(href).key).toBe(key);
  });

  it('keeps meaningful parameters, empty values and hash routes', () => {
    expect(linkIdentity('https://shop.example/p?id=42&truid=&utm_term=').key).toBe(
      'https://shop.example/p?id=42&truid=',
    );
    expect(linkIdentity('https://app.example/#/settings').key).toBe(
      'https://app.example/#/settings',
    );
    expect(linkIdentity('https://shop.example/p?id=42').key).not.toBe(
      linkIdentity('https://shop.example/p?id=43').key,
    );
    expect(linkIdentity('http://example.com/').key).not.toBe(
      linkIdentity('https://example.com/').key,
    );
  });

  it('resolves relative hrefs against a base, keeps them as written without one', () => {
    expect(linkIdentity('/pricing?utm_source=x', 'https://Example.com/blog/').key).toBe(
      'https://example.com/pricing',
    );
    expect(linkIdentity('pricing')).toEqual({ key: 'pricing', dynamic: false, domain: null });
  });

  it('returns the final host as domain', () => {
    expect(linkIdentity('https://WWW.Example.com/a').domain).toBe('www.example.com');
  });
});

describe('other schemes', () => {
  it.each([
    ['mailto:Support@Example.COM', 'mailto:support@example.com'],
    ['MAILTO:b@x.org,a@x.org?subject=Hi', 'mailto:a@x.org,b@x.org?subject=Hi'],
    ['tel:+1 (655) 606-605', 'tel:+1655606605'],
    ['#', '#'],
    ['#top', '#top'],
    ['sms:+123', 'sms:+123'],
  ])('%s → %s', (href, key) => {
    expect(linkIdentity(href)).toEqual({ key, dynamic: false, domain: null });
  });

  it('flags javascript:, vbscript:, data: as unsafe', () => {
    for (const href of [
      'javascript:alert(1)',
      ' JavaScript:void(0)',
      'vbscript:msgbox',
      'data:text/html,<script>',
    ]) {
      expect(describeLink(href).scheme).toBe('unsafe');
    }
  });

  it('bounds the key of a huge href', () => {
    const huge = `https://example.com/?q=${'a'.repeat(1_000_000)}`;
    const { key } = linkIdentity(huge);
    expect(key.length).toBeLessThan(300);
    expect(key).toBe(linkIdentity(huge).key);
    expect(key).not.toBe(linkIdentity(`${huge}b`).key);
  });
});

describe('dynamic (personalised) links', () => {
  it.each([
    ['https://shop.example/u/{{ user.id }}/cart', 'domain:shop.example', 'shop.example'],
    ['https://Shop.example/u/%7B%7Buser.id%7D%7D', 'domain:shop.example', 'shop.example'],
    ['https://shop.example/?c=*|EMAIL|*', 'domain:shop.example', 'shop.example'],
    ['https://shop.example/?c=*%7CEMAIL%7C*', 'domain:shop.example', 'shop.example'],
    ['https://shop.example/{% if vip %}vip{% endif %}', 'domain:shop.example', 'shop.example'],
    ['https://shop.example/?e=%%emailaddr%%', 'domain:shop.example', 'shop.example'],
    ['https://shop.example/?p=[[SHORT_PERMALINK]]', 'domain:shop.example', 'shop.example'],
    ['https://shop.example/?n=[Sender_Name]', 'domain:shop.example', 'shop.example'],
    ['https://shop.example/?n=${name}', 'domain:shop.example', 'shop.example'],
    ['https://shop.example/?n=<%name%>', 'domain:shop.example', 'shop.example'],
    ['{{action_url}}', 'dynamic:{{action_url}}', null],
    ['*|UNSUB|*', 'dynamic:*|UNSUB|*', null],
    ['<%asm_global_unsubscribe_raw_url%>', 'dynamic:<%asm_global_unsubscribe_raw_url%>', null],
    ['https://{{host}}/x', 'dynamic:https://{{host}}/x', null],
    ['mailto:{{support_email}}', 'dynamic:mailto:{{support_email}}', null],
  ])('%s → %s', (href, key, domain) => {
    expect(linkIdentity(href)).toEqual({ key, dynamic: true, domain });
  });

  it('a merge tag only in a tracking parameter does not personalise the destination', () => {
    expect(linkIdentity('https://shop.example/sale?utm_content={{campaign}}')).toEqual({
      key: 'https://shop.example/sale',
      dynamic: false,
      domain: 'shop.example',
    });
  });

  it.each([
    'https://[2001:db8::1]/x',
    'https://shop.example/?filter[color]=red',
    'https://shop.example/caf%C3%A9%20%25%20off',
    'https://shop.example/a%2520b',
  ])('%s is not dynamic', (href) => {
    expect(linkIdentity(href).dynamic).toBe(false);
  });
});
