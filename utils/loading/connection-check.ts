/**
 * The options page's "can the active source be reached with these
 * credentials?" check: one cheap authenticated request per source kind
 * (Click Map API: health + template list; Mailchimp: /ping; listmonk:
 * /api/health; Mautic: one email). Failures come back as the source
 * adapters word them (401 → "Credentials refused …").
 */
import * as v from 'valibot';
import { HealthSchema, TemplateListSchema } from '../api/index.ts';
import { activeSourceSettings, type Settings } from '../settings/settings.ts';
import { checkSource, SOURCE_LABELS } from '../settings/sources.ts';
import { buildUrl, requestJson, type HttpRequest, type SourceDeps } from '../sources/http.ts';
import type { SourceConfig } from '../sources/index.ts';
import { listmonkRequest } from '../sources/listmonk.ts';
import { mailchimpRequest } from '../sources/mailchimp.ts';
import { mauticRequest } from '../sources/mautic.ts';

export interface ConnectionResult {
  ok: boolean;
  detail: string;
}

async function clickMapApiDetail(
  config: Extract<SourceConfig, { kind: 'clickmap-api' }>,
  deps: SourceDeps,
): Promise<string> {
  const get = (path: string): HttpRequest => ({
    url: buildUrl(config.apiUrl, path),
    method: 'GET',
    headers: { Authorization: `Bearer ${config.token}`, Accept: 'application/json' },
  });
  // health answers without a token; the template list proves the token works.
  const health = await requestJson(deps, get('/v1/health'), HealthSchema);
  const { templates } = await requestJson(deps, get('/v1/templates'), TemplateListSchema);
  return `Connected to ${config.apiUrl}: ${templates.length} templates, ${health.events} events.`;
}

function probe(config: Exclude<SourceConfig, { kind: 'clickmap-api' }>): HttpRequest {
  switch (config.kind) {
    case 'mailchimp':
      return mailchimpRequest(config, '/ping');
    case 'listmonk':
      return listmonkRequest(config, '/health');
    case 'mautic':
      return mauticRequest(config, '/emails', { limit: 1, minimal: 'true' });
  }
}

export async function checkConnection(
  settings: Settings,
  deps: SourceDeps,
): Promise<ConnectionResult> {
  const saved = activeSourceSettings(settings);
  if (!saved) return { ok: false, detail: 'No source chosen: pick one and save.' };
  const check = checkSource(saved);
  if (!check.ok) return { ok: false, detail: `Not configured: ${check.reason}` };
  try {
    const config = check.config;
    if (config.kind === 'clickmap-api') {
      return { ok: true, detail: await clickMapApiDetail(config, deps) };
    }
    await requestJson(deps, probe(config), v.unknown());
    return { ok: true, detail: `Connected to ${SOURCE_LABELS[config.kind]} at ${check.baseUrl}.` };
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
}
