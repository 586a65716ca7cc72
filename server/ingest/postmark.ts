/**
 * Postmark webhooks → EmailEvent. One record per request, told apart by
 * `RecordType`: Delivery (DeliveredAt), Bounce (Type, BouncedAt, Email),
 * Open (ReceivedAt, UserAgent), Click (OriginalLink, ReceivedAt, UserAgent),
 * SpamComplaint (BouncedAt, Email), SubscriptionChange (ChangedAt,
 * SuppressSending, SuppressionReason). The campaign is `Metadata.campaign_id`,
 * else the `Tag`. Postmark does not sign webhooks (it uses basic auth) and
 * sends no event id except on bounces, so the id is a hash of the record's
 * identifying fields: a redelivered record gets the same id.
 */
import { createHash } from 'node:crypto';
import type { EmailEvent } from '../../utils/report/model.ts';
import { badRequest } from '../problem.ts';
import type { CampaignExists, Json, ProviderBatch } from './provider-common.ts';
import {
  asObject,
  isoTime,
  optionalString,
  requiredString,
  resolveCampaign,
  unknownCampaign,
} from './provider-common.ts';

const SOFT = new Set([
  'SoftBounce',
  'Transient',
  'DnsError',
  'AutoResponder',
  'MailboxFull',
  'ChallengeVerification',
]);

function eventId(raw: Json, recordType: string, at: number): string {
  if (typeof raw.ID === 'number' || typeof raw.ID === 'string')
    return `postmark:${recordType}:${raw.ID}`;
  const parts = [
    recordType,
    optionalString(raw, 'MessageID'),
    at,
    optionalString(raw, 'Recipient'),
    optionalString(raw, 'OriginalLink'),
  ];
  return `postmark:${createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32)}`;
}

function timeOf(raw: Json, recordType: string, where: string): number {
  const key = {
    Delivery: 'DeliveredAt',
    Bounce: 'BouncedAt',
    SpamComplaint: 'BouncedAt',
    SubscriptionChange: 'ChangedAt',
  }[recordType];
  return isoTime(raw, key ?? 'ReceivedAt', where);
}

function convert(raw: Json, campaignId: string): EmailEvent | string {
  const where = 'record';
  const recordType = requiredString(raw, 'RecordType', where);
  const at = timeOf(raw, recordType, where);
  const recipient = optionalString(raw, 'Recipient') ?? requiredString(raw, 'Email', where);
  const userAgent = optionalString(raw, 'UserAgent');
  const base = {
    id: eventId(raw, recordType, at),
    campaignId,
    recipient: recipient.toLowerCase(),
    at,
    ...(userAgent ? { userAgent } : {}),
  };
  switch (recordType) {
    case 'Delivery':
      return { ...base, type: 'delivered' };
    case 'Bounce': {
      const type = requiredString(raw, 'Type', where);
      return { ...base, type: 'bounce', kind: SOFT.has(type) ? 'soft' : 'hard' };
    }
    case 'Open':
      return { ...base, type: 'open' };
    case 'Click':
      return { ...base, type: 'click', url: requiredString(raw, 'OriginalLink', where) };
    case 'SpamComplaint':
      return { ...base, type: 'complaint' };
    case 'SubscriptionChange':
      if (raw.SuppressSending !== true || raw.SuppressionReason !== 'ManualSuppression')
        return `${where}: subscription change "${String(raw.SuppressionReason)}" is not an unsubscribe`;
      return { ...base, type: 'unsubscribe', method: 'other' };
    default:
      throw badRequest(`${where}: unknown RecordType "${recordType}"`);
  }
}

export function parsePostmark(body: unknown, exists: CampaignExists): ProviderBatch {
  const raw = asObject(body, 'body');
  const metadata = raw.Metadata && typeof raw.Metadata === 'object' ? (raw.Metadata as Json) : {};
  const candidates = [optionalString(metadata, 'campaign_id'), optionalString(raw, 'Tag')];
  const campaignId = resolveCampaign(candidates, exists);
  const result = convert(raw, campaignId ?? '');
  if (typeof result === 'string') return { events: [], skipped: [result] };
  if (!campaignId) return { events: [], skipped: [unknownCampaign('record', candidates)] };
  return { events: [result], skipped: [] };
}
