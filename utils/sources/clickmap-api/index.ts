/**
 * The project's own Click Map API as a source: every number (the engine's
 * report), found by the API's match endpoint (links, subject, sender), with
 * template versions, campaigns and sequences.
 */
import { HealthSchema, TemplateListSchema } from '../../api/index.ts';
import { checkApiUrl } from '../../settings/url-check.ts';
import { ready, missing, urlHint, type SourceDescriptor } from '../descriptor.ts';
import { buildUrl, requestJson, type HttpRequest } from '../http.ts';
import { createClickMapApiSource, ENGINE_CAPABILITIES, type ClickMapApiConfig } from './api.ts';
import { loadFromClickMapApi } from './load.ts';
import { t, tn } from '../../i18n/i18n.ts';

export interface ClickMapApiSettings {
  kind: 'clickmap-api';
  apiUrl: string;
  token: string;
}

type Config = { kind: 'clickmap-api' } & ClickMapApiConfig;

export const clickMapApi: SourceDescriptor<'clickmap-api', ClickMapApiSettings, Config> = {
  kind: 'clickmap-api',
  get label() {
    return t('clickmapSourceName');
  },
  capabilities: ENGINE_CAPABILITIES,
  fields: [
    {
      key: 'apiUrl',
      id: 'apiUrl',
      get label() {
        return t('fieldApiAddress');
      },
      type: 'url',
      placeholder: 'https://reports.example.com',
      get hint() {
        return t('clickmapUrlHint', urlHint());
      },
    },
    {
      key: 'token',
      id: 'token',
      get label() {
        return t('fieldToken');
      },
      type: 'password',
    },
  ],
  check(settings) {
    const url = checkApiUrl(settings.apiUrl);
    if (!url.ok) return url;
    const token = settings.token.trim();
    if (!token) return missing(t('clickmapMissingToken'));
    return ready({ kind: 'clickmap-api', apiUrl: url.url, token }, url.url);
  },
  create: (config, deps) => createClickMapApiSource(config, deps),
  async probe(config, deps) {
    const get = (path: string): HttpRequest => ({
      url: buildUrl(config.apiUrl, path),
      method: 'GET',
      headers: { Authorization: `Bearer ${config.token}`, Accept: 'application/json' },
    });
    // health answers without a token; the template list proves the token works.
    const health = await requestJson(deps, get('/v1/health'), HealthSchema);
    const { templates } = await requestJson(deps, get('/v1/templates'), TemplateListSchema);
    return tn('clickmapConnected', templates.length, config.apiUrl, String(health.events));
  },
  load: (config, deps, cached, preview, selection) =>
    loadFromClickMapApi(
      createClickMapApiSource(config, deps),
      cached,
      preview,
      selection,
      selection.includeMachineClicks,
    ),
};
