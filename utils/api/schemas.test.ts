// @vitest-environment node
/**
 * The response schemas accept what the reference server really answers (demo
 * dataset, every endpoint) and reject malformed variants of those answers.
 */
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/start.ts';
import { startServer } from '../../server/start.ts';
import {
  CampaignListSchema,
  HealthSchema,
  IngestResultSchema,
  MatchResultSchema,
  ProblemSchema,
  SequenceListSchema,
  TemplateDetailSchema,
  TemplateListSchema,
} from './catalog-schemas.ts';
import { ClickMapReportSchema, SequenceReportSchema } from './report-schemas.ts';

let server: RunningServer;
const responses = new Map<string, unknown>();

async function get(path: string, init?: RequestInit): Promise<unknown> {
  const response = await fetch(`${server.url}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
  });
  return response.json();
}

const ENDPOINTS: [string, v.GenericSchema, string, RequestInit?][] = [
  ['health', HealthSchema, '/v1/health'],
  ['templates', TemplateListSchema, '/v1/templates'],
  ['template', TemplateDetailSchema, '/v1/templates/welcome'],
  ['campaigns', CampaignListSchema, '/v1/campaigns'],
  ['sequences', SequenceListSchema, '/v1/sequences'],
  ['clickmap', ClickMapReportSchema, '/v1/templates/welcome/clickmap'],
  [
    'clickmap v2 with machine clicks',
    ClickMapReportSchema,
    '/v1/templates/newsletter/clickmap?version=newsletter-v2&machineClicks=include',
  ],
  ['sequence report', SequenceReportSchema, '/v1/sequences/sales-q4/report'],
  [
    'match',
    MatchResultSchema,
    '/v1/match',
    {
      method: 'POST',
      body: JSON.stringify({
        hrefs: ['http://htmlemail.io', 'http://htmlemail.io/blog'],
        subject: 'The HTML email digest',
      }),
    },
  ],
  ['ingest', IngestResultSchema, '/v1/events', { method: 'POST', body: '[]' }],
  ['problem', ProblemSchema, '/v1/templates/nope/clickmap'],
];

beforeAll(async () => {
  server = await startServer({ seed: 'demo', now: () => Date.UTC(2026, 10, 1) });
  for (const [name, , path, init] of ENDPOINTS) responses.set(name, await get(path, init));
}, 120_000);
afterAll(() => server.close());

describe('schemas accept the real responses', () => {
  it.each(ENDPOINTS)('%s', (name, schema) => {
    const result = v.safeParse(schema, responses.get(name));
    expect(result.issues?.map((i) => i.message) ?? []).toEqual([]);
  });

  it('the demo click map is not trivial', () => {
    const report = v.parse(ClickMapReportSchema, responses.get('clickmap'));
    // Two static placements, the personalised ones' final domains (Altcraft: "statistics are
    // collected by the final domain") and the List-Unsubscribe presses' row (no unsubscribe link).
    expect(report.links.length).toBe(5);
    expect(report.totals.uniqueClicks).toBeGreaterThan(0);
    expect(report.totals.machineClicks).toBeGreaterThan(0);
    expect(report.totals.clickImpliedOpens).toBeGreaterThan(0);
    expect(report.totals.bouncePixelOpens).toBeGreaterThan(0);
  });
});

describe('schemas reject malformed responses', () => {
  const report = (): Record<string, unknown> =>
    structuredClone(responses.get('clickmap')) as Record<string, unknown>;
  const mutations: [string, (r: Record<string, unknown>) => void][] = [
    ['missing totals', (r) => delete r.totals],
    ['negative count', (r) => ((r.totals as Record<string, unknown>).uniqueClicks = -1)],
    ['fractional count', (r) => ((r.totals as Record<string, unknown>).sent = 1.5)],
    ['NaN rate as string', (r) => ((r.totals as Record<string, unknown>).ctr = 'NaN')],
    [
      'share above 1',
      (r) =>
        (((r.links as Record<string, unknown>[])[0] as Record<string, unknown>).shareOfClicks =
          1.2),
    ],
    ['unknown capability', (r) => (r.capabilities = ['telepathy'])],
    ['links not an array', (r) => (r.links = {})],
    ['versionId undefined', (r) => delete r.versionId],
    // Numbers the panel draws must be safe integers: no 300-digit counts.
    ['count of 1e308', (r) => ((r.totals as Record<string, unknown>).uniqueClicks = 1e308)],
    ['count of 2^53', (r) => ((r.totals as Record<string, unknown>).sent = 2 ** 53)],
    [
      'row count of 1e300',
      (r) =>
        (((r.links as Record<string, unknown>[])[0] as Record<string, unknown>).totalClicks =
          1e300),
    ],
    ['infinite ratio', (r) => ((r.totals as Record<string, unknown>).ctr = Infinity)],
    ['generatedAt past the Date range', (r) => (r.generatedAt = 1e300)],
  ];
  it.each(mutations)('%s', (_, mutate) => {
    const r = report();
    mutate(r);
    expect(v.safeParse(ClickMapReportSchema, r).success).toBe(false);
  });

  it('a campaign list with a 1e300 sentAt or a lone surrogate in its id', () => {
    const campaign = { id: 'c', templateId: 't', versionId: 'v', name: 'n', sentAt: 0 };
    expect(v.safeParse(CampaignListSchema, { campaigns: [campaign] }).success).toBe(true);
    for (const bad of [{ sentAt: 1e300 }, { id: 'c\ud800' }])
      expect(
        v.safeParse(CampaignListSchema, { campaigns: [{ ...campaign, ...bad }] }).success,
      ).toBe(false);
  });

  it('a match confidence above 1', () => {
    expect(
      v.safeParse(MatchResultSchema, {
        best: null,
        candidates: [
          { templateId: 't', versionId: 'v', campaignId: null, confidence: 1.5, reasons: [] },
        ],
      }).success,
    ).toBe(false);
  });
});
