/**
 * SendGrid Event Webhook → EmailEvent. The body is a JSON array of events
 * (`event`, `email`, `timestamp` in Unix seconds, `sg_event_id`, and per type
 * `url`, `url_offset`, `useragent`, `ip`, `type` bounce|blocked). Custom args
 * arrive as top-level keys: `campaign_id` names the campaign, else the
 * Marketing Campaigns `singlesend_id` / `marketing_campaign_id`.
 * SendGrid cannot tell a body unsubscribe link from the List-Unsubscribe
 * button, so its unsubscribes are `other`.
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

const IGNORED = new Set(['deferred', 'dropped', 'group_resubscribe']);

function linkIdOf(raw: Json): string | undefined {
  const offset = raw.url_offset;
  if (offset === null || typeof offset !== 'object') return undefined;
  const { index, type } = offset as { index?: unknown; type?: unknown };
  // Only HTML-part offsets are positions among the template's links.
  return typeof index === 'number' && type === 'html' ? `L${index}` : undefined;
}

function convert(raw: Json, where: string, campaignId: string): EmailEvent | string {
  const kind = requiredString(raw, 'event', where);
  const base = {
    id: `sendgrid:${requiredString(raw, 'sg_event_id', where)}`,
    campaignId,
    recipient: requiredString(raw, 'email', where).toLowerCase(),
    at: unixSeconds(raw, 'timestamp', where),
    ...(optionalString(raw, 'useragent') ? { userAgent: optionalString(raw, 'useragent') } : {}),
    ...(optionalString(raw, 'ip') ? { ip: optionalString(raw, 'ip') } : {}),
  };
  switch (kind) {
    case 'processed':
      return { ...base, type: 'sent' };
    case 'delivered':
      return { ...base, type: 'delivered' };
    case 'bounce':
      return { ...base, type: 'bounce', kind: raw.type === 'blocked' ? 'soft' : 'hard' };
    case 'open':
      return { ...base, type: 'open' };
    case 'click': {
      const linkId = linkIdOf(raw);
      return {
        ...base,
        type: 'click',
        url: requiredString(raw, 'url', where),
        ...(linkId ? { linkId } : {}),
      };
    }
    case 'unsubscribe':
    case 'group_unsubscribe':
      return { ...base, type: 'unsubscribe', method: 'other' };
    case 'spamreport':
      return { ...base, type: 'complaint' };
    default:
      if (IGNORED.has(kind)) return `${where}: "${kind}" is not tracked`;
      throw badRequest(`${where}: unknown event "${kind}"`);
  }
}

export function parseSendgrid(body: unknown, exists: CampaignExists): ProviderBatch {
  if (!Array.isArray(body))
    throw badRequest('SendGrid Event Webhook body must be a JSON array of events');
  const batch: ProviderBatch = { events: [], skipped: [] };
  body.forEach((item, index) => {
    const where = `event #${index}`;
    const raw = asObject(item, where);
    const candidates = [
      optionalString(raw, 'campaign_id'),
      optionalString(raw, 'singlesend_id'),
      optionalString(raw, 'marketing_campaign_id'),
    ];
    const campaignId = resolveCampaign(candidates, exists);
    // Validate first: a malformed event rejects the body even when its campaign is unknown.
    const result = convert(raw, where, campaignId ?? '');
    if (typeof result === 'string') batch.skipped.push(result);
    else if (!campaignId) batch.skipped.push(unknownCampaign(where, candidates));
    else batch.events.push(result);
  });
  return batch;
}
