// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, withSource } from '../settings/settings.ts';
import type { SourceSettings } from '../settings/sources.ts';
import { fakeHttp, json, noSleep } from '../sources/testing/fake-http.ts';
import { checkConnection } from './connection-check.ts';

const active = (source: SourceSettings) =>
  withSource({ ...DEFAULT_SETTINGS, activeSource: source.kind }, source);

describe('checkConnection', () => {
  it('probes Mailchimp /ping on the key data centre with the key', async () => {
    const { http, requests } = fakeHttp([
      { path: '/3.0/ping', respond: () => json({ health_status: "Everything's Chimpy!" }) },
    ]);
    const result = await checkConnection(active({ kind: 'mailchimp', apiKey: 'abc-us11' }), {
      http,
      sleep: noSleep,
    });
    expect(result).toEqual({
      ok: true,
      detail: 'Connected to Mailchimp at https://us11.api.mailchimp.com/3.0.',
    });
    expect(requests.map((r) => [r.url, r.headers.Authorization])).toEqual([
      ['https://us11.api.mailchimp.com/3.0/ping', `Basic ${btoa('clickmap-lens:abc-us11')}`],
    ]);
  });

  it('words a refused listmonk token as the adapters do', async () => {
    const { http } = fakeHttp([
      { path: '/api/health', respond: () => json({ message: 'invalid API credentials' }, 403) },
    ]);
    const source: SourceSettings = {
      kind: 'listmonk',
      baseUrl: 'https://lists.example.org',
      username: 'api',
      token: 'bad',
    };
    expect(await checkConnection(active(source), { http, sleep: noSleep })).toEqual({
      ok: false,
      detail: 'Credentials refused (403) by https://lists.example.org/api/health',
    });
  });

  it('asks for a source before any request', async () => {
    const { http, requests } = fakeHttp([]);
    expect(await checkConnection(DEFAULT_SETTINGS, { http, sleep: noSleep })).toEqual({
      ok: false,
      detail: 'No source chosen: pick one and save.',
    });
    expect(
      await checkConnection(active({ kind: 'mailchimp', apiKey: 'nodc' }), {
        http,
        sleep: noSleep,
      }),
    ).toEqual({
      ok: false,
      detail: 'Not configured: A Mailchimp API key ends with its data centre, e.g. "…-us11".',
    });
    expect(requests).toEqual([]);
  });
});
