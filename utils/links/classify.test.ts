// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { classifyLink, isListUnsubscribeMailto } from './classify.ts';
import { describeLink } from './identity.ts';

const kindOf = (href: string, text = '') =>
  classifyLink({ href, text, description: describeLink(href) });

describe('classifyLink', () => {
  it.each([
    ['*|UNSUB|*', '', 'unsubscribe'],
    ['*|UPDATE_PROFILE|*', 'Update preferences', 'unsubscribe'],
    ['[unsubscribe]', 'here', 'unsubscribe'],
    ['<%asm_group_unsubscribe_raw_url%>', '', 'unsubscribe'],
    ['{{ UnsubscribeURL }}', '', 'unsubscribe'],
    ['%%unsub_center_url%%', '', 'unsubscribe'],
    ['https://pointer.us9.list-manage.com/unsubscribe?u=1&id=2&e=3', '', 'unsubscribe'],
    ['https://g08dc.r.a.d.sendibm1.com/mk/un/li/sh/abc', '', 'unsubscribe'],
    [
      'https://news.example/subscription/35f1ae31-fdc1-49cf-88aa-1c094173d922/611e2fc9-286b-485d-90f2-bf03a4915d4e',
      '',
      'unsubscribe',
    ],
    ['#', 'Unsubscribe here', 'unsubscribe'],
    ['https://x.example/p', 'Se désinscrire', 'unsubscribe'],
    ['mailto:unsubscribe-mc.us9_abc@unsubscribe.mailchimpapp.net', '', 'unsubscribe'],
    ['mailto:list@x.example?subject=Unsubscribe', 'Leave', 'unsubscribe'],
    ['*|ARCHIVE|*', 'View this email in your browser', 'view-in-browser'],
    ['[[PERMALINK]]', '', 'view-in-browser'],
    ['{{ MessageURL }}', '', 'view-in-browser'],
    [
      'https://mailchi.mp/technologyreview/the-download-858237?e=4fc74d6331',
      'here',
      'view-in-browser',
    ],
    ['#', 'View in browser', 'view-in-browser'],
    ['#', 'Web Version', 'view-in-browser'],
    ['https://www.facebook.com/sharer/sharer.php?u=[[SHORT_PERMALINK]]', 'facebook', 'link'],
    ['https://x.example/', 'Read more', 'link'],
    ['mailto:hello@x.example', 'Write to us', 'mailto'],
    ['tel:+331', 'Call', 'tel'],
    ['#top', 'Back to top', 'anchor'],
    ['javascript:void(0)', 'Click', 'link'],
  ])('%s "%s" → %s', (href, text, kind) => {
    expect(kindOf(href, text)).toBe(kind);
  });

  it('recognises List-Unsubscribe style mailto only', () => {
    expect(isListUnsubscribeMailto('mailto:support@x.example')).toBe(false);
    expect(isListUnsubscribeMailto('mailto:unsub-123@bounce.example')).toBe(true);
  });
});
