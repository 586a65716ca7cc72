/**
 * Brevo (ex-Sendinblue) as a source: the API key; the campaign found by the
 * preview's subject (and sender) among the sent campaigns, since Brevo's
 * tracking links (…sendibm1.com/mk/cl/f/…) are opaque tokens.
 */
import { missing, ready, type SourceDescriptor } from '../descriptor.ts';
import { requestJson } from '../http.ts';
import * as v from 'valibot';
import {
  BREVO_API,
  brevoRequest,
  campaignBySubject,
  createBrevoClient,
  createBrevoSource,
  type BrevoConfig,
} from './client.ts';
import { BREVO_CAPABILITIES } from './map.ts';
import { t, tn } from '../../i18n/i18n.ts';

export interface BrevoSettings {
  kind: 'brevo';
  apiKey: string;
}

type Config = { kind: 'brevo' } & BrevoConfig;

export const brevo: SourceDescriptor<'brevo', BrevoSettings, Config> = {
  kind: 'brevo',
  label: 'Brevo',
  capabilities: BREVO_CAPABILITIES,
  fields: [
    {
      key: 'apiKey',
      id: 'brevoKey',
      get label() {
        return t('fieldApiKey');
      },
      type: 'password',
      placeholder: 'xkeysib-…',
      get hint() {
        return t('brevoKeyHint');
      },
    },
  ],
  check(settings) {
    const apiKey = settings.apiKey.trim();
    if (!apiKey) return missing(t('brevoMissingKey'));
    return ready({ kind: 'brevo', apiKey }, BREVO_API);
  },
  create: (config, deps) => createBrevoSource(config, deps),
  async probe(config, deps) {
    await requestJson(deps, brevoRequest(config, '/account'), v.unknown());
    return t('sourceConnectedAt', 'Brevo', config.baseUrl ?? BREVO_API);
  },
  campaign: {
    get carriers() {
      return t('brevoCarriers');
    },
    async lookup(preview, config, deps, cached) {
      if (!preview.subject) {
        return { reason: t('brevoNoSubject') };
      }
      const client = createBrevoClient(config, deps);
      const sent = await cached(['brevo-sent'], () => client.sentCampaigns());
      const found = campaignBySubject(sent, preview.subject, preview.sender ?? undefined);
      if (!found) {
        return {
          reason: tn('brevoNoSubjectMatch', sent.length, preview.subject),
        };
      }
      const { campaign, alike } = found;
      const reasons = [t('brevoSubjectIs', String(campaign.id), campaign.name)];
      if (alike > 0) reasons.push(tn('brevoAlike', alike));
      return { campaignId: String(campaign.id), confidence: 1 / (alike + 1), reasons };
    },
  },
};
