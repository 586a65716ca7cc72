// @vitest-environment jsdom
/**
 * Brevo through the background's report loading (utils/loading/load-report.ts):
 * its links are opaque, so the descriptor's lookup finds the campaign by the
 * preview's subject among the sent campaigns.
 */
import { describe, expect, it } from 'vitest';
import { RequestCache } from '../../cache/request-cache.ts';
import { loadReport } from '../../loading/load-report.ts';
import type { ReportOutcome, ReportSelection } from '../../messaging/protocol.ts';
import { emailWith, previewOf } from '../../messaging/testing/preview.ts';
import { DEFAULT_SETTINGS, withSource } from '../../settings/settings.ts';
import { fakeHttp, json, noSleep, type FakeRoute } from '../testing/fake-http.ts';
import { apiFixture } from '../testing/fixtures.ts';

const ALL: ReportSelection = { versionId: null, period: {}, includeMachineClicks: null };
const NOW = Date.parse('2024-09-01T00:00:00Z');
const ready = (outcome: ReportOutcome) => {
  if (outcome.state !== 'ready') throw new Error(`not ready: ${JSON.stringify(outcome)}`);
  return outcome;
};

describe('Brevo: opaque links, the campaign found by the subject', () => {
  const BREVO = { kind: 'brevo', apiKey: 'xkeysib-1' } as const;
  const LINK =
    'https://g08dc.r.a.d.sendibm1.com/mk/cl/f/sh/1t6Af4OiGsDg0kUyn5EFxDNbiwiJ5t/7SRKyHQ7amFd';
  const campaign = apiFixture('brevo-emailCampaigns-get') as { id: number };
  const routes: FakeRoute[] = [
    { path: '/v3/emailCampaigns', respond: () => json({ campaigns: [campaign], count: 1 }) },
    { path: '/v3/emailCampaigns/22', respond: () => json(campaign) },
  ];

  function loadWithSubject(subject: string | null) {
    const { http, requests } = fakeHttp(routes);
    const cache = new RequestCache<unknown>({ ttlMs: 60_000, maxEntries: 50, now: () => NOW });
    const sourceDeps = { http, sleep: noSleep, now: () => NOW };
    const preview = { ...previewOf(emailWith([LINK])), subject };
    return {
      outcome: loadReport(
        {
          settings: withSource({ ...DEFAULT_SETTINGS, activeSource: 'brevo' }, BREVO),
          sourceDeps,
          cache,
        },
        preview,
        ALL,
      ),
      requests,
    };
  }

  it('matches the sent campaign with the preview subject and loads its statistics', async () => {
    const { outcome, requests } = loadWithSubject('Weekly newsletter');
    const result = ready(await outcome);
    expect(result.match).toMatchObject({ campaignId: '22', confidence: 1 });
    expect(result.report.source).toBe('brevo');
    expect(result.report.totals.uniqueClicks).toBe(2300);
    expect(requests.every((r) => r.headers['api-key'] === 'xkeysib-1')).toBe(true);
  });

  it('without a subject, or with an unknown one, says why (no request for the report)', async () => {
    const none = await loadWithSubject(null).outcome;
    expect(none).toMatchObject({ state: 'no-match', source: 'brevo' });
    const other = await loadWithSubject('Something else').outcome;
    expect(other).toEqual({
      state: 'no-match',
      source: 'brevo',
      reason: 'The 1 sent Brevo campaign does not have the subject “Something else”.',
    });
  });
});
