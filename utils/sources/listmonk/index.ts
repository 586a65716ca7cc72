/**
 * listmonk as a source: address + API user and token; the campaign read from
 * the preview's /link/… or /campaign/… tracking URLs (a UUID, looked up).
 */
import * as v from 'valibot';
import { checkApiUrl } from '../../settings/url-check.ts';
import { missing, ready, urlHint, type SourceDescriptor } from '../descriptor.ts';
import { requestJson } from '../http.ts';
import {
  createListmonkClient,
  createListmonkSource,
  listmonkRequest,
  type ListmonkConfig,
} from './client.ts';
import { LISTMONK_CAPABILITIES } from './map.ts';
import { t } from '../../i18n/i18n.ts';

export interface ListmonkSettings {
  kind: 'listmonk';
  baseUrl: string;
  username: string;
  token: string;
}

type Config = { kind: 'listmonk' } & ListmonkConfig;

export const listmonk: SourceDescriptor<'listmonk', ListmonkSettings, Config> = {
  kind: 'listmonk',
  label: 'listmonk',
  capabilities: LISTMONK_CAPABILITIES,
  fields: [
    {
      key: 'baseUrl',
      id: 'listmonkUrl',
      get label() {
        return t('sourceAddress', 'listmonk');
      },
      type: 'url',
      placeholder: 'https://lists.example.org',
      hint: urlHint,
    },
    {
      key: 'username',
      id: 'listmonkUser',
      get label() {
        return t('fieldApiUser');
      },
      type: 'text',
      get hint() {
        return t('listmonkUserHint');
      },
    },
    {
      key: 'token',
      id: 'listmonkToken',
      get label() {
        return t('fieldApiToken');
      },
      type: 'password',
    },
  ],
  check(settings) {
    const url = checkApiUrl(settings.baseUrl, t('sourceYour', 'listmonk'));
    if (!url.ok) return url;
    const username = settings.username.trim();
    const token = settings.token.trim();
    if (!username || !token) return missing(t('listmonkMissing'));
    return ready({ kind: 'listmonk', baseUrl: url.url, username, token }, url.url);
  },
  create: (config, deps) => createListmonkSource(config, deps),
  async probe(config, deps) {
    await requestJson(deps, listmonkRequest(config, '/health'), v.unknown());
    return t('sourceConnectedAt', 'listmonk', config.baseUrl);
  },
  campaign: {
    get carriers() {
      return t('listmonkCarriers');
    },
    get refName() {
      return t('listmonkRefUuid');
    },
    // Links carry the campaign's UUID; the API wants its id.
    async resolve(uuid, config, deps, cached) {
      const client = createListmonkClient(config, deps);
      const found = await cached(['listmonk-uuid', uuid], () => client.campaignByUuid(uuid));
      return found?.id ?? null;
    },
  },
};
