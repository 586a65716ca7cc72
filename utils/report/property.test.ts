// @vitest-environment node
/**
 * Property: on random event logs (shuffled, duplicated, boundary-heavy times,
 * scanners, bursts, dynamic links, random periods) the streaming engine agrees
 * exactly with the plain nested-loop oracle in naive-reference.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildClickMapReport } from './build.ts';
import type { Campaign, EmailEvent, TemplateVersion } from './model.ts';
import { naiveReport } from './naive-reference.ts';
import type { NaiveResult } from './naive-reference.ts';
import { DEFAULT_MACHINE_RULES, DAY_MS } from './options.ts';
import type { ClickMapReport } from './report-types.ts';

const campaigns: Campaign[] = [
  { id: 'c1', templateId: 't', versionId: 'v', name: 'one', sentAt: 0 },
  { id: 'c2', templateId: 't', versionId: 'v2', name: 'two', sentAt: 0 },
  { id: 'x', templateId: 'other', versionId: 'w', name: 'other', sentAt: 0 },
];
// c1's version has an unsubscribe link (List-Unsubscribe presses count on it); c2's has none.
const versions: TemplateVersion[] = [
  {
    id: 'v',
    templateId: 't',
    contentHash: 'h',
    createdAt: 0,
    placements: [
      { linkId: 'L0', ordinal: 0, url: 'https://a.example/x', text: 'X' },
      {
        linkId: 'U',
        ordinal: 1,
        url: 'https://a.example/unsub',
        text: 'Unsubscribe',
        kind: 'unsubscribe',
      },
    ],
  },
  { id: 'v2', templateId: 't', contentHash: 'h2', createdAt: 1, placements: [] },
];
const unsubscribeLinks = { c1: { linkId: 'U', url: 'https://a.example/unsub' } };
const links = [
  { linkId: 'L0', url: 'https://a.example/x' },
  { linkId: 'L1', url: 'https://a.example/y' },
  { linkId: 'L2', url: 'https://shop.example/{{id}}' },
  { linkId: 'domain:shop.example', url: 'https://a.example/z' },
  { url: 'https://a.example/x?utm_source=n' },
  { url: 'https://b.example/z' },
  { url: 'https://shop.example/{{id}}' },
  { url: '*|ARCHIVE|*' },
];
const finals = [
  undefined,
  'https://a.example/x',
  'https://shop.example/1',
  'https://shop.example/2',
  'https://c.example/',
];
const agents = [undefined, 'Mozilla/5.0 Chrome/126', 'Mozilla/5.0 (compatible; Proofpoint)'];
// Offsets around every threshold: 24 h, 10 s near-delivery, 2 s burst gap.
const offsets = [0, 1, 999, 2_000, 2_001, 9_999, 10_000, 3_600_000, DAY_MS - 1, DAY_MS, DAY_MS + 1];

const time = fc
  .tuple(fc.integer({ min: 0, max: 2 }), fc.constantFrom(...offsets))
  .map(([d, o]) => d * DAY_MS + o);
const who = fc.record({
  campaignId: fc.constantFrom('c1', 'c2', 'x'),
  recipient: fc.constantFrom('r1', 'r2'),
});

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

const eventArb = fc
  .tuple(who, time, fc.integer({ min: 0, max: 9 }), fc.nat(99))
  .map(([w, at, kind, n]): WithoutId<EmailEvent> => {
    const base = { ...w, at };
    if (kind === 0) return { ...base, type: 'sent' };
    if (kind === 1) return { ...base, type: 'delivered' };
    if (kind === 2) return { ...base, type: 'bounce', kind: n % 2 ? 'hard' : 'soft' };
    if (kind === 3) return { ...base, type: 'open' };
    if (kind === 4) return { ...base, type: 'complaint' };
    if (kind === 5)
      return {
        ...base,
        type: 'unsubscribe',
        method: (['link', 'list-unsubscribe', 'other'] as const)[n % 3]!,
        ...(n % 4 === 1 ? { linkId: 'L1' } : {}),
        userAgent: agents[(n >> 2) % agents.length],
      };
    const link = links[n % links.length]!;
    return {
      ...base,
      type: 'click',
      ...link,
      finalUrl: finals[n % finals.length],
      userAgent: agents[(n >> 2) % agents.length],
    };
  });

const logArb = fc
  .tuple(fc.array(eventArb, { maxLength: 60 }), fc.array(fc.nat(), { maxLength: 8 }))
  .map(([events, dupes]) => {
    const withIds = events.map((e, i) => ({ ...e, id: `e${i}` }) as EmailEvent);
    return [
      ...withIds,
      ...dupes.flatMap((d) => (withIds.length ? [{ ...withIds[d % withIds.length]! }] : [])),
    ];
  });
const periodArb = fc.record({
  from: fc.option(time, { nil: undefined }),
  to: fc.option(time, { nil: undefined }),
});

function project(report: ClickMapReport): NaiveResult {
  const t = report.totals;
  const rows: NaiveResult['rows'] = {};
  for (const r of report.links) {
    if (r.uniqueClicks + r.totalClicks + r.machineClicks > 0)
      rows[r.rowKey] = { unique: r.uniqueClicks, total: r.totalClicks, machine: r.machineClicks };
  }
  return {
    sent: t.sent,
    delivered: t.delivered ?? 0,
    hard: t.bounces.hard,
    soft: t.bounces.soft,
    uniqueOpens: t.uniqueOpens,
    clickImpliedOpens: t.clickImpliedOpens,
    bouncePixelOpens: t.bouncePixelOpens,
    uniqueClicks: t.uniqueClicks,
    totalClicks: t.totalClicks,
    machineClicks: t.machineClicks,
    complaints: t.complaints,
    unsubscribed: t.unsubscribedBy,
    rows,
  };
}

function dropEmptyRows(result: NaiveResult): NaiveResult {
  const rows = Object.fromEntries(
    Object.entries(result.rows).filter(([, r]) => r.unique + r.total + r.machine > 0),
  );
  return { ...result, rows };
}

describe('engine vs naive reference', () => {
  it('agrees on random logs, in any input order', () => {
    fc.assert(
      fc.property(
        logArb,
        periodArb,
        fc.constantFrom(null, false, true),
        fc.integer(),
        (log, period, includeMachine, seed) => {
          const shuffled = fc.sample(
            fc.shuffledSubarray(log, { minLength: log.length, maxLength: log.length }),
            { seed, numRuns: 1 },
          )[0]!;
          const report = buildClickMapReport(
            { templateId: 't', versions, campaigns, events: shuffled, period },
            includeMachine === null ? {} : { includeMachineClicks: includeMachine },
          );
          const naive = naiveReport(
            log,
            ['c1', 'c2'],
            period,
            DEFAULT_MACHINE_RULES,
            includeMachine ?? true, // the default: every click counted
            DAY_MS,
            unsubscribeLinks,
          );
          expect(project(report)).toEqual(dropEmptyRows(naive));
          expect(report.totals.unsubscribed).toBe(
            naive.unsubscribed.link + naive.unsubscribed.listUnsubscribe + naive.unsubscribed.other,
          );
        },
      ),
      { numRuns: 1000 },
    );
  });
});
