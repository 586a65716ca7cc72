// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { PreviewInfo } from '../../messaging/protocol.ts';
import { DEFAULT_SETTINGS } from '../../settings/settings.ts';
import { sendablePreview } from '../../loading/load-report.ts';
import type { ClickMapApiSource } from './api.ts';
import { loadFromClickMapApi, matchRequestOf } from './load.ts';

const preview: PreviewInfo = {
  profileId: 'generic-frame',
  profileName: 'ESP preview frame',
  confidence: 0.9,
  reason: 'test',
  base: 'https://esp.example/',
  links: [
    {
      ordinal: 0,
      linkId: 'l0',
      href: 'https://attacker.invalid/x',
      text: 'Confirm',
      kind: 'link',
      hidden: false,
      unsafe: false,
    },
  ],
  subject: null,
  sender: null,
};

/** A server that answers a weak match (another implementation of the API, or an old one). */
function sourceAnswering(confidence: number): ClickMapApiSource {
  const fail = () => Promise.reject(new Error('no report may be asked for on weak evidence'));
  return {
    match: async () => ({
      best: { templateId: 't', versionId: 'v', campaignId: null, confidence, reasons: ['1 of 1'] },
      candidates: [],
    }),
    campaigns: fail,
    sequenceReport: fail,
  } as unknown as ClickMapApiSource;
}

describe('loadFromClickMapApi on a weak match', () => {
  it('is no match below the minimum confidence, whatever the server says, and asks for nothing more', async () => {
    const outcome = await loadFromClickMapApi(
      sourceAnswering(0.175),
      (_key, load) => load(),
      preview,
      { versionId: null, period: {}, includeMachineClicks: null },
      false,
    );
    expect(outcome).toEqual({
      state: 'no-match',
      source: 'clickmap-api',
      reason:
        'No campaign matched this email: the closest template scores 0.17, below the 0.25 needed.',
    });
  });
});

describe('matchRequestOf', () => {
  it('leaves an overlong href out and caps the links at 2000 (was a refused request, no report)', () => {
    const link = preview.links[0]!;
    const long = { ...link, href: `https://click.example.com/t?d=${'x'.repeat(9_000)}` };
    const many = Array.from({ length: 2_001 }, (_, i) => ({
      ...link,
      ordinal: i + 1,
      href: `https://shop.example/p/${i}`,
      text: 'y'.repeat(400),
    }));
    const request = matchRequestOf({ ...preview, links: [long, ...many] });
    expect(request.hrefs).toHaveLength(2000);
    expect(request.hrefs[0]).toBe('https://shop.example/p/0');
    expect(request.hrefs.every((h) => h.length <= 8192)).toBe(true);
    expect(request.texts?.every((t) => t.length === 300)).toBe(true);
  });
});

describe('what leaves the browser', () => {
  const webmail = {
    ...preview,
    base: 'https://mail.example.com/roundcube/?_task=mail&_uid=4711&_mbox=INBOX&_action=show',
    subject: 'Your invoice',
    sender: 'Billing <billing@shop.example>',
  };

  it("sends the page's origin, never its path with the mailbox and message ids", () => {
    const request = matchRequestOf(webmail);
    expect(request.base).toBe('https://mail.example.com/');
    expect(JSON.stringify(request)).not.toMatch(/4711|INBOX|roundcube/);
    expect(matchRequestOf({ ...webmail, base: 'about:srcdoc' }).base).toBeUndefined();
  });

  it('keeps subject and sender in the browser when the user switched them off', () => {
    const on = matchRequestOf(sendablePreview(webmail, DEFAULT_SETTINGS));
    expect([on.subject, on.sender]).toEqual(['Your invoice', 'Billing <billing@shop.example>']);
    const off = matchRequestOf(
      sendablePreview(webmail, { ...DEFAULT_SETTINGS, sendSubjectAndSender: false }),
    );
    expect(off).not.toHaveProperty('subject');
    expect(off).not.toHaveProperty('sender');
  });
});
