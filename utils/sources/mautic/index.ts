/**
 * Mautic as a source: address + Basic API user or OAuth2 access token; the
 * email read from the preview's /r/… redirects (ct parameter).
 */
import * as v from 'valibot';
import { checkApiUrl } from '../../settings/url-check.ts';
import { missing, ready, urlHint, type SourceDescriptor } from '../descriptor.ts';
import { requestJson } from '../http.ts';
import { createMauticSource, mauticRequest, type MauticConfig } from './client.ts';
import { MAUTIC_CAPABILITIES } from './map.ts';
import { t } from '../../i18n/i18n.ts';

export interface MauticSettings {
  kind: 'mautic';
  baseUrl: string;
  /** Which credentials are used; both kinds are kept so switching loses nothing. */
  auth: 'basic' | 'oauth';
  username: string;
  password: string;
  accessToken: string;
}

type Config = { kind: 'mautic' } & MauticConfig;

const basic = (s: Record<string, string>) => s.auth !== 'oauth';

export const mautic: SourceDescriptor<'mautic', MauticSettings, Config> = {
  kind: 'mautic',
  label: 'Mautic',
  capabilities: MAUTIC_CAPABILITIES,
  fields: [
    {
      key: 'baseUrl',
      id: 'mauticUrl',
      get label() {
        return t('sourceAddress', 'Mautic');
      },
      type: 'url',
      placeholder: 'https://mautic.example.com',
      get hint() {
        return t('mauticUrlHint', urlHint());
      },
    },
    {
      key: 'auth',
      id: 'mauticAuth',
      get label() {
        return t('mauticAuth');
      },
      type: 'choice',
      get choices() {
        return [
          { value: 'basic', label: t('mauticAuthBasic') },
          { value: 'oauth', label: t('mauticAuthOauth') },
        ];
      },
    },
    {
      key: 'username',
      id: 'mauticUser',
      get label() {
        return t('fieldUserName');
      },
      type: 'text',
      when: basic,
    },
    {
      key: 'password',
      id: 'mauticPassword',
      get label() {
        return t('fieldPassword');
      },
      type: 'password',
      when: basic,
    },
    {
      key: 'accessToken',
      id: 'mauticToken',
      get label() {
        return t('fieldAccessToken');
      },
      type: 'password',
      when: (s) => !basic(s),
    },
  ],
  check(settings) {
    const url = checkApiUrl(settings.baseUrl, t('sourceYour', 'Mautic'));
    if (!url.ok) return url;
    if (settings.auth === 'oauth') {
      const accessToken = settings.accessToken.trim();
      if (!accessToken) return missing(t('mauticMissingToken'));
      return ready({ kind: 'mautic', baseUrl: url.url, accessToken }, url.url);
    }
    const username = settings.username.trim();
    if (!username || settings.password === '') return missing(t('mauticMissingBasic'));
    return ready(
      { kind: 'mautic', baseUrl: url.url, username, password: settings.password },
      url.url,
    );
  },
  create: (config, deps) => createMauticSource(config, deps),
  async probe(config, deps) {
    await requestJson(
      deps,
      mauticRequest(config, '/emails', { limit: 1, minimal: 'true' }),
      v.unknown(),
    );
    return t('sourceConnectedAt', 'Mautic', config.baseUrl);
  },
  campaign: {
    get carriers() {
      return t('mauticCarriers');
    },
    resolve: async (emailId) => emailId,
  },
};
