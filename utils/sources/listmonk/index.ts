/**
 * listmonk as a source: address + API user and token; the campaign read from
 * the preview's /link/… or /campaign/… tracking URLs (a UUID, looked up).
 */
import * as v from 'valibot';
import { checkApiUrl } from '../../settings/url-check.ts';
import { missing, ready, URL_HINT, type SourceDescriptor } from '../descriptor.ts';
import { requestJson } from '../http.ts';
import {
  createListmonkClient,
  createListmonkSource,
  listmonkRequest,
  type ListmonkConfig,
} from './client.ts';
import { LISTMONK_CAPABILITIES } from './map.ts';

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
      label: 'listmonk address',
      type: 'url',
      placeholder: 'https://lists.example.org',
      hint: URL_HINT,
    },
    {
      key: 'username',
      id: 'listmonkUser',
      label: 'API user',
      type: 'text',
      hint: 'Admin → Users → API user (listmonk v4 or later).',
    },
    { key: 'token', id: 'listmonkToken', label: 'API token', type: 'password' },
  ],
  check(settings) {
    const url = checkApiUrl(settings.baseUrl, 'your listmonk');
    if (!url.ok) return url;
    const username = settings.username.trim();
    const token = settings.token.trim();
    if (!username || !token) return missing('listmonk API user and token');
    return ready({ kind: 'listmonk', baseUrl: url.url, username, token }, url.url);
  },
  create: (config, deps) => createListmonkSource(config, deps),
  async probe(config, deps) {
    await requestJson(deps, listmonkRequest(config, '/health'), v.unknown());
    return `Connected to listmonk at ${config.baseUrl}.`;
  },
  campaign: {
    carriers: 'listmonk /link/… or /campaign/… tracking URLs',
    refName: 'UUID',
    // Links carry the campaign's UUID; the API wants its id.
    async resolve(uuid, config, deps, cached) {
      const client = createListmonkClient(config, deps);
      const found = await cached(['listmonk-uuid', uuid], () => client.campaignByUuid(uuid));
      return found?.id ?? null;
    },
  },
};
