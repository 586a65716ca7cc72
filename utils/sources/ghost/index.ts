/**
 * Ghost (6.x) as a source: the site address and an Admin API key — a staff
 * access token (every number) or a custom integration's key (Ghost refuses
 * those its link list: the per-link counts then come from member click
 * events). The post is found from the received copy's /r/<hash> links.
 */
import { checkApiUrl } from '../../settings/url-check.ts';
import { missing, ready, URL_HINT, type SourceDescriptor } from '../descriptor.ts';
import { parseAdminKey } from './admin-token.ts';
import { createGhostClient, type GhostConfig } from './client.ts';
import { findGhostPost } from './find-post.ts';
import { GHOST_CAPABILITIES } from './map.ts';
import { createGhostSource, explainRefusal } from './source.ts';
import * as v from 'valibot';

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
      label: 'Ghost site address',
      type: 'url',
      placeholder: 'https://blog.example.com',
      hint: URL_HINT,
    },
    {
      key: 'adminKey',
      id: 'ghostKey',
      label: 'Admin API key',
      type: 'password',
      placeholder: '<24 hex id>:<64 hex secret>',
      hint: 'Best: your Staff access token (Ghost Admin → your profile). A custom integration’s Admin API key (Settings → Integrations) also works, but Ghost then lists only the links someone clicked.',
    },
  ],
  check(settings) {
    const url = checkApiUrl(settings.siteUrl, 'your Ghost site');
    if (!url.ok) return url;
    const adminKey = settings.adminKey.trim();
    if (!adminKey) return missing('Ghost Admin API key');
    if (!parseAdminKey(adminKey)) {
      return {
        ok: false,
        reason: 'A Ghost Admin API key is "<24 hex id>:<64 hex secret>": copy it whole.',
      };
    }
    return ready({ kind: 'ghost', siteUrl: url.url, adminKey }, url.url);
  },
  create: (config, deps) => createGhostSource(config, deps),
  async probe(config, deps) {
    try {
      await createGhostClient(config, deps).get('/site/', v.unknown());
      const posts = await createGhostClient(config, deps).sentPosts();
      return `Connected to Ghost at ${config.siteUrl}: ${posts.length} sent newsletters.`;
    } catch (error) {
      throw explainRefusal(error, config.siteUrl);
    }
  },
  campaign: {
    carriers: 'Ghost tracked links (<site>/r/<hash>)',
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
