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
      label: 'API key',
      type: 'password',
      placeholder: 'xkeysib-…',
      hint: 'Brevo → SMTP & API → API keys. Requests go to https://api.brevo.com/v3.',
    },
  ],
  check(settings) {
    const apiKey = settings.apiKey.trim();
    if (!apiKey) return missing('Brevo API key');
    return ready({ kind: 'brevo', apiKey }, BREVO_API);
  },
  create: (config, deps) => createBrevoSource(config, deps),
  async probe(config, deps) {
    await requestJson(deps, brevoRequest(config, '/account'), v.unknown());
    return `Connected to Brevo at ${config.baseUrl ?? BREVO_API}.`;
  },
  campaign: {
    carriers: 'nothing (Brevo links are opaque): the subject is matched instead',
    async lookup(preview, config, deps, cached) {
      if (!preview.subject) {
        return {
          reason:
            'Brevo links carry no campaign id, and this page does not show the email’s subject to match on: open the email in a webmail that shows its subject.',
        };
      }
      const client = createBrevoClient(config, deps);
      const sent = await cached(['brevo-sent'], () => client.sentCampaigns());
      const found = campaignBySubject(sent, preview.subject, preview.sender ?? undefined);
      if (!found) {
        return {
          reason: `None of the ${sent.length} sent Brevo campaigns has the subject “${preview.subject}”.`,
        };
      }
      const { campaign, alike } = found;
      const reasons = [`the subject is that of Brevo campaign ${campaign.id} (${campaign.name})`];
      if (alike > 0)
        reasons.push(`${alike} older campaigns have the same subject: the newest is shown`);
      return { campaignId: String(campaign.id), confidence: 1 / (alike + 1), reasons };
    },
  },
};
