// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { findMergeTags, mergeTagSyntaxes } from './merge-tags.ts';

describe('merge tags', () => {
  it.each([
    ['{{ purchase_date }}', ['handlebars']],
    ['{% for item in var:order.items %}', ['liquid-tag']],
    ['*|UNSUB|*', ['mailchimp']],
    ['%%view_email_url%%', ['ampscript']],
    ['[[SHORT_PERMALINK]]', ['double-bracket', 'bracket']],
    ['[Unsubscribe_Preferences]', ['bracket']],
    ['${firstName}', ['dollar-brace']],
    ['<%asm_global_unsubscribe_raw_url%>', ['asp']],
    ['%7B%7Bname%7D%7D', ['handlebars']],
    ['%257B%257Bname%257D%257D', ['handlebars']],
    ['*%7CARCHIVE%7C*', ['mailchimp']],
    ['%3C%25asm_x%25%3E', ['asp']],
    ['https://plain.example/a?b=c%20d', []],
    ['https://[::1]/', []],
    ['https://x.example/?a[b]=c', []],
  ])('%s → %j', (text, syntaxes) => {
    expect(mergeTagSyntaxes(text)).toEqual(syntaxes);
  });

  it('returns the decoded tags', () => {
    expect(findMergeTags('https://x.example/?u=%7B%7Bid%7D%7D&n=*|FNAME|*')).toEqual([
      '*|FNAME|*',
      '{{id}}',
    ]);
  });

  it('scans a 1 MB attribute in linear time', () => {
    const hostile = `{{${'a'.repeat(1_000_000)}`;
    const started = performance.now();
    expect(mergeTagSyntaxes(hostile)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
