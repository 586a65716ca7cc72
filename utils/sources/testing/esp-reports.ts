/**
 * Test-only: SourceReports of the ESP adapters over the documented responses
 * in test/fixtures/api (fake http), for panel-model and panel tests.
 */
import { createListmonkSource } from '../listmonk/client.ts';
import { createMailchimpSource } from '../mailchimp/client.ts';
import type { SourceReport } from '../source-report.ts';
import { fakeHttp, json, noSleep } from './fake-http.ts';
import { apiFixture } from './fixtures.ts';

const NOW = Date.parse('2024-09-01T00:00:00Z');

export function listmonkReport(): Promise<SourceReport> {
  const { http } = fakeHttp([
    { path: '/api/campaigns/1', respond: () => json(apiFixture('listmonk-campaigns-get')) },
    ...['views', 'clicks', 'bounces', 'links'].map((name) => ({
      path: `/api/campaigns/analytics/${name}`,
      respond: () => json(apiFixture(`listmonk-campaigns-analytics-${name}`)),
    })),
  ]);
  const config = { baseUrl: 'https://lists.example.org', username: 'api', token: 't' };
  return createListmonkSource(config, { http, sleep: noSleep, now: () => NOW }).report({
    campaignIds: ['1'],
  });
}

export function mailchimpSourceReport(): Promise<SourceReport> {
  const { http } = fakeHttp([
    { path: '/reports/6d785331c3', respond: () => json(apiFixture('mailchimp-reports-campaign')) },
    {
      path: '/reports/6d785331c3/click-details',
      respond: () => json(apiFixture('mailchimp-reports-click-details')),
    },
  ]);
  return createMailchimpSource(
    { apiKey: 'k-us11' },
    { http, sleep: noSleep, now: () => NOW },
  ).report({
    campaignIds: ['6d785331c3'],
  });
}
