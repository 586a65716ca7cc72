/**
 * Mautic as a source: address + Basic API user or OAuth2 access token; the
 * email read from the preview's /r/… redirects (ct parameter).
 */
import * as v from 'valibot';
import { checkApiUrl } from '../../settings/url-check.ts';
import { missing, ready, URL_HINT, type SourceDescriptor } from '../descriptor.ts';
import { requestJson } from '../http.ts';
import { createMauticSource, mauticRequest, type MauticConfig } from './client.ts';
import { MAUTIC_CAPABILITIES } from './map.ts';

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
      label: 'Mautic address',
      type: 'url',
      placeholder: 'https://mautic.example.com',
      hint: `${URL_HINT} The API must be enabled in Mautic's configuration.`,
    },
    {
      key: 'auth',
      id: 'mauticAuth',
      label: 'Mautic authentication',
      type: 'choice',
      choices: [
        { value: 'basic', label: 'Basic (API user name and password)' },
        { value: 'oauth', label: 'OAuth2 access token' },
      ],
    },
    { key: 'username', id: 'mauticUser', label: 'User name', type: 'text', when: basic },
    { key: 'password', id: 'mauticPassword', label: 'Password', type: 'password', when: basic },
    {
      key: 'accessToken',
      id: 'mauticToken',
      label: 'Access token',
      type: 'password',
      when: (s) => !basic(s),
    },
  ],
  check(settings) {
    const url = checkApiUrl(settings.baseUrl, 'your Mautic');
    if (!url.ok) return url;
    if (settings.auth === 'oauth') {
      const accessToken = settings.accessToken.trim();
      if (!accessToken) return missing('Mautic OAuth2 access token');
      return ready({ kind: 'mautic', baseUrl: url.url, accessToken }, url.url);
    }
    const username = settings.username.trim();
    if (!username || settings.password === '') return missing('Mautic API user name and password');
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
    return `Connected to Mautic at ${config.baseUrl}.`;
  },
  campaign: {
    carriers: 'Mautic /r/… redirects with a ct parameter',
    resolve: async (emailId) => emailId,
  },
};
