/**
 * Mailgun webhooks → EmailEvent. One event per request:
 * `{ "signature": { timestamp, token, signature }, "event-data": {...} }`
 * with `event` accepted|delivered|failed|opened|clicked|unsubscribed|complained,
 * `timestamp` (Unix seconds, fractional), `id`, `recipient`, `url`,
 * `client-info.user-agent`, `severity` permanent|temporary for failures.
 * The campaign is `user-variables.campaign_id`, else a Mailgun campaign id,
 * else a tag. Mailgun's `client-info.bot` verdict is carried into the user
 * agent (`mailgun-bot/<kind>`) so the engine's scanner rule sees it.
 */
import type { EmailEvent } from '../../utils/report/model.ts';
import { badRequest } from '../problem.ts';
import type { CampaignExists, Json, ProviderBatch } from './provider-common.ts';
import {
  asObject,
  optionalString,
  requiredString,
  resolveCampaign,
  unixSeconds,
  unknownCampaign,
} from './provider-common.ts';

export interface MailgunSignature {
  timestamp: string;
  token: string;
  signature: string;
}

export function mailgunSignatureOf(body: unknown): MailgunSignature {
  const sig = asObject(asObject(body, 'body').signature, 'signature');
  return {
    timestamp: requiredString(sig, 'timestamp', 'signature'),
    token: requiredString(sig, 'token', 'signature'),
    signature: requiredString(sig, 'signature', 'signature'),
  };
}

function userAgentOf(data: Json): string | undefined {
  const info = data['client-info'];
  if (info === null || typeof info !== 'object') return undefined;
  const agent = optionalString(info as Json, 'user-agent');
  const bot = optionalString(info as Json, 'bot');
  return bot ? `${agent ?? ''} mailgun-bot/${bot}`.trim() : agent;
}

function campaignCandidates(data: Json): (string | undefined)[] {
  const variables = data['user-variables'];
  const custom =
    variables && typeof variables === 'object'
      ? optionalString(variables as Json, 'campaign_id')
      : undefined;
  const campaigns = Array.isArray(data.campaigns) ? data.campaigns : [];
  const ids = campaigns.map((c) =>
    c && typeof c === 'object' ? optionalString(c as Json, 'id') : undefined,
  );
  const tags = Array.isArray(data.tags)
    ? data.tags.filter((t): t is string => typeof t === 'string')
    : [];
  return [custom, ...ids, ...tags];
}

function convert(data: Json, campaignId: string): EmailEvent | string {
  const where = 'event-data';
  const kind = requiredString(data, 'event', where);
  const userAgent = userAgentOf(data);
  const ip = optionalString(data, 'ip');
  const base = {
    id: `mailgun:${requiredString(data, 'id', where)}`,
    campaignId,
    recipient: requiredString(data, 'recipient', where).toLowerCase(),
    at: unixSeconds(data, 'timestamp', where),
    ...(userAgent ? { userAgent } : {}),
    ...(ip ? { ip } : {}),
  };
  switch (kind) {
    case 'accepted':
      return { ...base, type: 'sent' };
    case 'delivered':
      return { ...base, type: 'delivered' };
    case 'failed':
      return { ...base, type: 'bounce', kind: data.severity === 'temporary' ? 'soft' : 'hard' };
    case 'opened':
      return { ...base, type: 'open' };
    case 'clicked':
      return { ...base, type: 'click', url: requiredString(data, 'url', where) };
    case 'unsubscribed':
      return { ...base, type: 'unsubscribe', method: 'link' };
    case 'complained':
      return { ...base, type: 'complaint' };
    case 'stored':
    case 'list_member_uploaded':
      return `${where}: "${kind}" is not tracked`;
    default:
      throw badRequest(`${where}: unknown event "${kind}"`);
  }
}

export function parseMailgun(body: unknown, exists: CampaignExists): ProviderBatch {
  const data = asObject(asObject(body, 'body')['event-data'], 'event-data');
  const candidates = campaignCandidates(data);
  const campaignId = resolveCampaign(candidates, exists);
  const result = convert(data, campaignId ?? '');
  if (typeof result === 'string') return { events: [], skipped: [result] };
  if (!campaignId) return { events: [], skipped: [unknownCampaign('event-data', candidates)] };
  return { events: [result], skipped: [] };
}
