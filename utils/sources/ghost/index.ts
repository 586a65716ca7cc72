/**
 * Ghost (6.x) as a source: the site address and an Admin API key — a staff
 * access token (every number) or a custom integration's key (Ghost refuses
 * those its link list: the per-link counts then come from member click
 * events). The post is found from the received copy's /r/<hash> links.
 */
import { t } from '../../i18n/i18n.ts';
import { checkApiUrl } from '../../settings/url-check.ts';
import { missing, ready, urlHint, type SourceDescriptor } from '../descriptor.ts';
import { parseAdminKey } from './admin-token.ts';
import { createGhostClient, type GhostConfig } from './client.ts';
import { findGhostPost } from './find-post.ts';
import { GHOST_CAPABILITIES } from './map.ts';
import { createGhostSource, explainRefusal } from './source.ts';

export interface GhostSettings {
  kind: 'ghost';
  siteUrl: string;
  adminKey: string;
}

type Config = { kind: 'ghost' } & GhostConfig;

export const ghost: SourceDescriptor<'ghost', GhostSettings, Config> = {
  kind: 'ghost',
  label: 'Ghost',
  capabilities: GHOST_CAPABILITIES,
  fields: [
    {
      key: 'siteUrl',
      id: 'ghostUrl',
      get label() {
        return t('ghostFieldSite');
      },
      type: 'url',
      placeholder: 'https://blog.example.com',
      hint: urlHint,
    },
    {
      key: 'adminKey',
      id: 'ghostKey',
      get label() {
        return t('ghostFieldKey');
      },
      type: 'password',
      placeholder: '<24 hex id>:<64 hex secret>', // i18n-exempt: the key's format
      get hint() {
        return t('ghostKeyHint');
      },
    },
  ],
  check(settings) {
    const url = checkApiUrl(settings.siteUrl, t('ghostYourSite'));
    if (!url.ok) return url;
    const adminKey = settings.adminKey.trim();
    if (!adminKey) return missing(t('ghostMissingKey'));
    if (!parseAdminKey(adminKey)) {
      return { ok: false, reason: t('ghostKeyFormat') };
    }
    return ready({ kind: 'ghost', siteUrl: url.url, adminKey }, url.url);
  },
  create: (config, deps) => createGhostSource(config, deps),
  async probe(config, deps) {
    try {
      // /posts, not /site: /site answers without a key.
      await createGhostClient(config, deps).sentPosts();
      return t('ghostConnected', config.siteUrl);
    } catch (error) {
      throw explainRefusal(error, config.siteUrl);
    }
  },
  campaign: {
    get carriers() {
      return t('ghostCarriers');
    },
    async lookup(preview, config, deps, cached) {
      try {
        return await findGhostPost(
          createGhostClient(config, deps),
          config.siteUrl,
          preview,
          cached,
        );
      } catch (error) {
        throw explainRefusal(error, config.siteUrl);
      }
    },
  },
};
