/**
 * Mailchimp (Marketing API v3) as a source: the API key (its data centre
 * suffix names the host), the campaign read from the preview's links
 * (mc_cid, list-manage unsubscribe `c`).
 */
import * as v from 'valibot';
import { missing, ready, type SourceDescriptor } from '../descriptor.ts';
import { requestJson } from '../http.ts';
import { createMailchimpSource, mailchimpRequest, type MailchimpConfig } from './client.ts';
import { MAILCHIMP_CAPABILITIES } from './map.ts';
import { t } from '../../i18n/i18n.ts';

export interface MailchimpSettings {
  kind: 'mailchimp';
  apiKey: string;
}

type Config = { kind: 'mailchimp' } & MailchimpConfig;

/** "…-us11" → "us11": Mailchimp keys end with their data centre. */
export function mailchimpDataCenter(apiKey: string): string | null {
  return /-([a-z]+\d+)$/.exec(apiKey.trim())?.[1] ?? null;
}

export const mailchimp: SourceDescriptor<'mailchimp', MailchimpSettings, Config> = {
  kind: 'mailchimp',
  label: 'Mailchimp',
  capabilities: MAILCHIMP_CAPABILITIES,
  fields: [
    {
      key: 'apiKey',
      id: 'mailchimpKey',
      get label() {
        return t('fieldApiKey');
      },
      type: 'password',
      placeholder: '0123456789abcdef0123456789abcdef-us11',
      hint: (settings) => {
        const dc = mailchimpDataCenter(settings.apiKey ?? '');
        return dc ? t('mailchimpDcHint', dc) : t('mailchimpKeyHint');
      },
    },
  ],
  check(settings) {
    const apiKey = settings.apiKey.trim();
    if (!apiKey) return missing(t('mailchimpMissingKey'));
    const dc = mailchimpDataCenter(apiKey);
    if (!dc) {
      return { ok: false, reason: t('mailchimpKeyFormat') };
    }
    return ready({ kind: 'mailchimp', apiKey }, `https://${dc}.api.mailchimp.com/3.0`);
  },
  create: (config, deps) => createMailchimpSource(config, deps),
  async probe(config, deps) {
    await requestJson(deps, mailchimpRequest(config, '/ping'), v.unknown());
    return t(
      'sourceConnectedAt',
      'Mailchimp',
      `https://${mailchimpDataCenter(config.apiKey)}.api.mailchimp.com/3.0`,
    );
  },
  campaign: {
    get carriers() {
      return t('mailchimpCarriers');
    },
    resolve: async (campaignId) => campaignId,
  },
};
