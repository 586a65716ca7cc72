// @vitest-environment node
/**
 * Provider payload → EmailEvent mapping, one row per provider event type,
 * on payloads shaped like the providers' documented webhook bodies and the
 * corpus samples.
 */
import { describe, expect, it } from 'vitest';
import type { EmailEvent } from '../../utils/report/model.ts';
import { HttpProblem } from '../problem.ts';
import { parseMailgun } from './mailgun.ts';
import { parsePostmark } from './postmark.ts';
import { parseSendgrid } from './sendgrid.ts';
import { mailgunSignature, verifyMailgun } from './signatures.ts';

const exists = (id: string): boolean => id === 'camp';
const TS = 1_790_000_000;
const AT = TS * 1000;

describe('SendGrid', () => {
  const base = { email: 'Ada@Example.org', timestamp: TS, sg_event_id: 'x', campaign_id: 'camp' };
  const common = { id: 'sendgrid:x', campaignId: 'camp', recipient: 'ada@example.org', at: AT };
  it.each<[string, Record<string, unknown>, Partial<EmailEvent> | string]>([
    ['processed', {}, { type: 'sent' }],
    ['delivered', {}, { type: 'delivered' }],
    ['bounce', { type: 'bounce' }, { type: 'bounce', kind: 'hard' }],
    ['bounce', { type: 'blocked' }, { type: 'bounce', kind: 'soft' }],
    ['open', { useragent: 'UA', ip: '1.2.3.4' }, { type: 'open', userAgent: 'UA', ip: '1.2.3.4' }],
    [
      'click',
      { url: 'https://a.example/x', url_offset: { index: 2, type: 'html' } },
      { type: 'click', url: 'https://a.example/x', linkId: 'L2' },
    ],
    [
      'click',
      { url: 'https://a.example/x', url_offset: { index: 2, type: 'text' } },
      { type: 'click', url: 'https://a.example/x' },
    ],
    ['unsubscribe', {}, { type: 'unsubscribe', method: 'other' }],
    ['group_unsubscribe', {}, { type: 'unsubscribe', method: 'other' }],
    ['spamreport', {}, { type: 'complaint' }],
    ['deferred', {}, 'event #0: "deferred" is not tracked'],
  ])('%s %j', (event, extra, expected) => {
    const batch = parseSendgrid([{ ...base, event, ...extra }], exists);
    if (typeof expected === 'string') expect(batch).toEqual({ events: [], skipped: [expected] });
    else expect(batch).toEqual({ events: [{ ...common, ...expected }], skipped: [] });
  });

  it('rejects a body that is not an array', () => {
    expect(() => parseSendgrid({ event: 'open' }, exists)).toThrow(HttpProblem);
  });
});

describe('Mailgun', () => {
  const data = {
    timestamp: TS + 0.5,
    id: 'mg1',
    recipient: 'ada@example.org',
    'user-variables': { campaign_id: 'camp' },
  };
  const common = {
    id: 'mailgun:mg1',
    campaignId: 'camp',
    recipient: 'ada@example.org',
    at: AT + 500,
  };
  it.each<[string, Record<string, unknown>, Partial<EmailEvent>]>([
    ['accepted', {}, { type: 'sent' }],
    ['delivered', {}, { type: 'delivered' }],
    ['failed', { severity: 'permanent' }, { type: 'bounce', kind: 'hard' }],
    ['failed', { severity: 'temporary' }, { type: 'bounce', kind: 'soft' }],
    [
      'opened',
      { 'client-info': { 'user-agent': 'UA', bot: '' } },
      { type: 'open', userAgent: 'UA' },
    ],
    [
      'clicked',
      { url: 'https://a.example', 'client-info': { 'user-agent': 'UA', bot: 'generic' } },
      { type: 'click', url: 'https://a.example', userAgent: 'UA mailgun-bot/generic' },
    ],
    ['unsubscribed', {}, { type: 'unsubscribe', method: 'link' }],
    ['complained', {}, { type: 'complaint' }],
  ])('%s %j', (event, extra, expected) => {
    expect(parseMailgun({ 'event-data': { ...data, event, ...extra } }, exists)).toEqual({
      events: [{ ...common, ...expected }],
      skipped: [],
    });
  });

  it('finds the campaign among tags when no user variable names it', () => {
    const batch = parseMailgun(
      {
        'event-data': {
          ...data,
          'user-variables': {},
          tags: ['newsletter', 'camp'],
          event: 'opened',
        },
      },
      exists,
    );
    expect(batch.events[0]?.campaignId).toBe('camp');
  });

  it('signature: HMAC-SHA256 hex of timestamp + token', () => {
    const signature = mailgunSignature('key', '1790000000', 'tok');
    expect(signature).toMatch(/^[0-9a-f]{64}$/);
    expect(verifyMailgun('key', { timestamp: '1790000000', token: 'tok', signature }, AT)).toBe(
      true,
    );
    expect(verifyMailgun('key', { timestamp: '1790000000', token: 'tok2', signature }, AT)).toBe(
      false,
    );
  });
});

describe('Postmark', () => {
  const meta = { Metadata: { campaign_id: 'camp' }, MessageID: 'm-1' };
  const iso = new Date(AT).toISOString();
  it.each<[Record<string, unknown>, Partial<EmailEvent> | string]>([
    [
      { RecordType: 'Delivery', Recipient: 'Ada@example.org', DeliveredAt: iso },
      { type: 'delivered' },
    ],
    [
      {
        RecordType: 'Bounce',
        ID: 42,
        Type: 'HardBounce',
        Email: 'ada@example.org',
        BouncedAt: iso,
      },
      { type: 'bounce', kind: 'hard', id: 'postmark:Bounce:42' },
    ],
    [
      {
        RecordType: 'Bounce',
        ID: 43,
        Type: 'SoftBounce',
        Email: 'ada@example.org',
        BouncedAt: iso,
      },
      { type: 'bounce', kind: 'soft', id: 'postmark:Bounce:43' },
    ],
    [
      { RecordType: 'Open', Recipient: 'ada@example.org', ReceivedAt: iso, UserAgent: 'UA' },
      { type: 'open', userAgent: 'UA' },
    ],
    [
      {
        RecordType: 'Click',
        Recipient: 'ada@example.org',
        ReceivedAt: iso,
        OriginalLink: 'https://a.example',
      },
      { type: 'click', url: 'https://a.example' },
    ],
    [
      { RecordType: 'SpamComplaint', Email: 'ada@example.org', BouncedAt: iso },
      { type: 'complaint' },
    ],
    [
      {
        RecordType: 'SubscriptionChange',
        Recipient: 'ada@example.org',
        ChangedAt: iso,
        SuppressSending: true,
        SuppressionReason: 'ManualSuppression',
      },
      { type: 'unsubscribe', method: 'other' },
    ],
    [
      {
        RecordType: 'SubscriptionChange',
        Recipient: 'ada@example.org',
        ChangedAt: iso,
        SuppressSending: false,
        SuppressionReason: 'ManualSuppression',
      },
      'record: subscription change "ManualSuppression" is not an unsubscribe',
    ],
  ])('%j', (record, expected) => {
    const batch = parsePostmark({ ...meta, ...record }, exists);
    if (typeof expected === 'string')
      return expect(batch).toEqual({ events: [], skipped: [expected] });
    expect(batch.events[0]).toMatchObject({
      campaignId: 'camp',
      recipient: 'ada@example.org',
      at: AT,
      ...expected,
    });
    expect(batch.events[0]?.id).toMatch(/^postmark:/);
  });

  it('derives the same id for a redelivered record', () => {
    const record = { ...meta, RecordType: 'Open', Recipient: 'a@b.c', ReceivedAt: iso };
    expect(parsePostmark(record, exists).events[0]?.id).toBe(
      parsePostmark({ ...record }, exists).events[0]?.id,
    );
  });
});
