// @vitest-environment node
/**
 * The incremental aggregates must give EXACTLY the report buildClickMapReport
 * computes over the same events, whatever the arrival order and batching
 * (out-of-order events re-evaluate their message), for both machine-click
 * modes and for day-aligned periods (aggregates) and ragged ones (fallback).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildClickMapReport } from '../../utils/report/build.ts';
import type { Campaign, EmailEvent, TemplateVersion } from '../../utils/report/model.ts';
import { DAY_MS, resolveOptions } from '../../utils/report/options.ts';
import { SqliteStorage } from '../storage/sqlite-storage.ts';

const T0 = Date.UTC(2026, 2, 2);
const NOW = Date.UTC(2026, 5, 1);
const URLS = [
  'https://shop.example/a',
  'https://shop.example/b?utm_source=x',
  'https://{{domain}}/p/{{id}}',
  'https://example.org/unsub',
  'https://shop.example/a-v2', // v2's L0: the URL changed between versions
];
/** Link id sent with a click on URLS[i] when the source records one (a row-key look-alike too). */
const LINK_IDS = ['L0', 'L1', 'L3', 'domain:land1.example', 'L0'];
const versions: TemplateVersion[] = [
  {
    id: 'v1',
    templateId: 't',
    contentHash: 'h1',
    createdAt: T0,
    placements: [
      { linkId: 'L0', ordinal: 0, url: URLS[0] ?? '', text: 'A' },
      { linkId: 'L1', ordinal: 1, url: URLS[1] ?? '', text: 'B' },
      { linkId: 'L2', ordinal: 2, url: URLS[3] ?? '', text: 'Unsubscribe', kind: 'unsubscribe' },
    ],
  },
  {
    id: 'v2',
    templateId: 't',
    contentHash: 'h2',
    createdAt: T0 + 3 * DAY_MS,
    placements: [
      { linkId: 'L0', ordinal: 0, url: URLS[4] ?? '', text: 'A, new' },
      { linkId: 'L1', ordinal: 1, url: URLS[1] ?? '', text: 'B' },
      { linkId: 'L3', ordinal: 2, url: URLS[2] ?? '', text: 'Your page' },
    ],
  },
];
const campaigns: Campaign[] = [
  { id: 'c1', templateId: 't', versionId: 'v1', name: 'one', sentAt: T0 },
  { id: 'c2', templateId: 't', versionId: 'v1', name: 'two', sentAt: T0 + DAY_MS },
  { id: 'c3', templateId: 't', versionId: 'v2', name: 'three', sentAt: T0 + 3 * DAY_MS },
];

const eventArb = fc.record({
  type: fc.constantFrom(
    'sent',
    'delivered',
    'bounce',
    'open',
    'click',
    'click',
    'click',
    'unsubscribe',
    'complaint',
  ),
  campaign: fc.constantFrom('c1', 'c2', 'c3'),
  recipient: fc.constantFrom('ada', 'bob', 'cy', 'dee'),
  offset: fc.oneof(fc.integer({ min: 0, max: 5 * DAY_MS }), fc.integer({ min: 0, max: 40_000 })),
  url: fc.integer({ min: 0, max: 4 }),
  linkId: fc.boolean(),
  final: fc.integer({ min: 0, max: 7 }),
  bot: fc.boolean(),
  hard: fc.boolean(),
  method: fc.constantFrom('link', 'list-unsubscribe', 'other'),
});

type RawEvent = typeof eventArb extends fc.Arbitrary<infer T> ? T : never;

function toEvent(r: RawEvent, i: number): EmailEvent {
  const base = { id: `e${i}`, campaignId: r.campaign, recipient: r.recipient, at: T0 + r.offset };
  const userAgent = r.bot ? 'Barracuda Sentinel' : 'Mozilla/5.0';
  switch (r.type) {
    case 'click': {
      const url = URLS[r.url] ?? '';
      const click = {
        ...base,
        type: 'click' as const,
        url,
        userAgent,
        finalUrl: `https://land${r.final % 3}.example/x${r.final}`,
      };
      return r.linkId ? { ...click, linkId: LINK_IDS[r.url] ?? '' } : click;
    }
    case 'bounce':
      return { ...base, type: 'bounce', kind: r.hard ? 'hard' : 'soft' };
    case 'unsubscribe':
      return r.method === 'link'
        ? { ...base, type: 'unsubscribe', method: 'link', linkId: 'L2' }
        : { ...base, type: 'unsubscribe', method: r.method as 'other', userAgent };
    default:
      return { ...base, type: r.type as 'sent' };
  }
}

const periods = [
  {},
  { from: T0 + DAY_MS },
  { from: T0, to: T0 + 2 * DAY_MS },
  { from: T0 + 3 * DAY_MS, to: T0 + 4 * DAY_MS },
  { from: T0 + 5_000, to: T0 + DAY_MS + 7 },
];

describe('incremental aggregates = buildClickMapReport', () => {
  it('holds for random histories, batch splits and arrival orders', () => {
    fc.assert(
      fc.property(
        fc.array(eventArb, { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 7 }),
        fc.boolean(),
        (records, batches, reverse) => {
          const events = records.map(toEvent);
          const storage = new SqliteStorage(':memory:', () => resolveOptions({ now: NOW }));
          storage.putTemplate({ id: 't', name: 'T' });
          for (const v of versions) storage.putVersion(v);
          for (const c of campaigns) storage.putCampaign(c);
          const arrival = reverse ? [...events].reverse() : events;
          const size = Math.ceil(arrival.length / batches);
          for (let i = 0; i < arrival.length; i += size) storage.ingest(arrival.slice(i, i + size));
          storage.ingest(arrival.slice(0, 3)); // redelivery changes nothing
          for (const period of periods)
            for (const includeMachineClicks of [undefined, false, true])
              for (const versionId of [undefined, 'v1']) {
                const expected = buildClickMapReport(
                  {
                    templateId: 't',
                    versions,
                    campaigns,
                    events,
                    period,
                    ...(versionId ? { versionId } : {}),
                  },
                  includeMachineClicks === undefined
                    ? { now: NOW }
                    : { includeMachineClicks, now: NOW },
                );
                const actual = storage.clickMap({
                  templateId: 't',
                  ...period,
                  includeMachineClicks: includeMachineClicks ?? true, // the API's default
                  ...(versionId ? { versionId } : {}),
                });
                expect(actual).toEqual(expected);
              }
          storage.close();
        },
      ),
      { numRuns: 150, seed: 20261123 },
    );
  }, 120_000); // 3 readings × 2 versions × 5 periods per run: minutes on a loaded machine
});
