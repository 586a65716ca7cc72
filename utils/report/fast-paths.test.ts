// @vitest-environment node
/**
 * Property: the fast paths (buildClickMapReport on the FastCounter, and the
 * columnar entry point) produce the SAME whole report as the streaming
 * ReportAccumulator, down to row order, names, URLs and refs. Logs are long
 * enough (up to 700 events) to cross the periodic burst sweep, with many
 * messages and linkIds whose URL varies, so the settle order matters.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ReportAccumulator } from './accumulator.ts';
import {
  assembleClickMap,
  buildClickMapReport,
  resolveInputOptions,
  selectedCampaignIds,
} from './build.ts';
import { buildClickMapReportColumnar, countColumns } from './columnar.ts';
import { toEventColumns } from './event-columns.ts';
import { sortEvents } from './event-order.ts';
import type { Campaign, EmailEvent, Period, TemplateVersion } from './model.ts';
import { mergeRecipientParts, recipientParts } from './partition.ts';
import type { ClickMapReport } from './report-types.ts';

const campaigns: Campaign[] = [
  { id: 'c1', templateId: 't', versionId: 'v1', name: 'one', sentAt: 0 },
  { id: 'c2', templateId: 't', versionId: 'v2', name: 'two', sentAt: 0 },
  { id: 'x', templateId: 'other', versionId: 'w', name: 'other', sentAt: 0 },
];
const versions: TemplateVersion[] = [
  {
    id: 'v1',
    templateId: 't',
    contentHash: 'h1',
    createdAt: 0,
    placements: [
      { linkId: 'L0', ordinal: 0, url: 'https://a.example/x', text: 'X' },
      { linkId: 'L1', ordinal: 1, url: 'https://a.example/y', text: 'Y', kind: 'unsubscribe' },
      { linkId: 'L3', ordinal: 2, url: 'https://b.example/z', text: 'Z' },
    ],
  },
  {
    id: 'v2',
    templateId: 't',
    contentHash: 'h2',
    createdAt: 1000,
    placements: [{ linkId: 'L0', ordinal: 0, url: 'https://a.example/new', text: 'New' }],
  },
];
const links = [
  { linkId: 'L0', url: 'https://a.example/x' },
  { linkId: 'L0', url: 'https://a.example/x2' },
  { linkId: 'L1', url: 'https://a.example/y' },
  { linkId: 'L9', url: 'https://z.example/{{id}}' },
  { url: 'https://a.example/x?utm_source=n' },
  { url: 'https://a.example/x' },
  { url: 'https://b.example/z' },
  { url: 'https://shop.example/{{id}}' },
  { url: '*|ARCHIVE|*' },
];
const finals = [undefined, 'https://a.example/x', 'https://shop.example/1', 'https://c.example/'];
const agents = [undefined, 'Mozilla/5.0 Chrome/126', 'Mozilla/5.0 (compatible; Proofpoint)'];
const offsets = [0, 1, 500, 1_999, 2_000, 2_001, 9_999, 10_000, 86_399_999, 86_400_000];

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

const eventArb = fc
  .tuple(
    fc.constantFrom('c1', 'c2', 'x'),
    fc.integer({ min: 0, max: 11 }),
    fc.integer({ min: 0, max: 40 }),
    fc.constantFrom(...offsets),
    fc.integer({ min: 0, max: 9 }),
    fc.nat(199),
  )
  .map(([campaignId, r, step, offset, kind, n]): WithoutId<EmailEvent> => {
    const base = { campaignId, recipient: `r${r}`, at: step * 700 + offset };
    if (kind === 0) return { ...base, type: 'sent' };
    if (kind === 1) return { ...base, type: 'delivered' };
    if (kind === 2) return { ...base, type: 'bounce', kind: n % 2 ? 'hard' : 'soft' };
    if (kind === 3) return { ...base, type: 'open' };
    if (kind === 4) return { ...base, type: n % 3 ? 'open' : 'complaint' };
    if (kind === 5) {
      const method = (['link', 'list-unsubscribe', 'other'] as const)[n % 3]!;
      return { ...base, type: 'unsubscribe', method, ...(n % 2 ? { linkId: 'L1' } : {}) };
    }
    return {
      ...base,
      type: 'click',
      ...links[n % links.length]!,
      finalUrl: finals[(n >> 2) % finals.length],
      userAgent: agents[(n >> 3) % agents.length],
    };
  });

const logArb = fc
  .tuple(fc.array(eventArb, { maxLength: 700, size: 'max' }), fc.array(fc.nat(), { maxLength: 20 }))
  .map(([events, dupes]) => {
    const withIds = events.map((e, i) => ({ ...e, id: `e${i}` }) as EmailEvent);
    const copies = dupes.flatMap((d) =>
      withIds.length ? [{ ...withIds[d % withIds.length]! }] : [],
    );
    return [...withIds, ...copies];
  });
const time = fc.integer({ min: 0, max: 30_000 });
const periodArb = fc.record({
  from: fc.option(time, { nil: undefined }),
  to: fc.option(time, { nil: undefined }),
});
const settingsArb = fc.record({
  includeMachineClicks: fc.boolean(),
  versionId: fc.constantFrom(null, 'v1', 'v2'),
  uniquenessWindowMs: fc.constantFrom(86_400_000, 3_000),
});

interface Settings {
  includeMachineClicks: boolean;
  versionId: string | null;
  uniquenessWindowMs: number;
}

/** The previous engine: ReportAccumulator over sorted events. */
function accumulatorReport(events: EmailEvent[], period: Period, s: Settings): ClickMapReport {
  const input = { templateId: 't', versions, campaigns, versionId: s.versionId, period };
  const resolved = resolveInputOptions(input, s);
  const ids = selectedCampaignIds(input);
  const accumulator = new ReportAccumulator(ids, period, resolved);
  for (const event of sortEvents(events)) accumulator.add(event);
  return assembleClickMap(input, ids, accumulator.finish(), resolved);
}

describe('fast paths vs ReportAccumulator', () => {
  it('object input, unsorted and pre-sorted: identical reports', () => {
    fc.assert(
      fc.property(logArb, periodArb, settingsArb, (log, period, s) => {
        const expected = accumulatorReport(log, period, s);
        const input = { templateId: 't', versions, campaigns, versionId: s.versionId, period };
        const reversed = [...log].reverse();
        expect(buildClickMapReport({ ...input, events: reversed }, s)).toEqual(expected);
        const sorted = sortEvents(log);
        expect(
          buildClickMapReport({ ...input, events: sorted }, { ...s, assumeSorted: true }),
        ).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('columnar input (unsorted, sorted, and without ids): identical reports', () => {
    fc.assert(
      fc.property(logArb, periodArb, settingsArb, (log, period, s) => {
        const expected = accumulatorReport(log, period, s);
        const input = { templateId: 't', versions, campaigns, versionId: s.versionId, period };
        const report = buildClickMapReportColumnar({ ...input, columns: toEventColumns(log) }, s);
        expect(report).toEqual(expected);
        const sorted = toEventColumns(sortEvents(log));
        const options = { ...s, assumeSorted: true };
        expect(buildClickMapReportColumnar({ ...input, columns: sorted }, options)).toEqual(
          expected,
        );
        // Without ids ties go by row order (= id order here); re-deliveries must be absent.
        const distinct = sortEvents(
          log.filter((e, i) => log.findIndex((f) => f.id === e.id) === i),
        );
        const { id: _ids, ...withoutIds } = toEventColumns(distinct);
        const noIds = buildClickMapReportColumnar({ ...input, columns: withoutIds }, options);
        expect(noIds).toEqual(accumulatorReport(distinct, period, s));
      }),
      { numRuns: 300 },
    );
  });

  it('columnar input split by recipient (1–4 parts, any merge order): identical reports', () => {
    fc.assert(
      fc.property(
        logArb,
        periodArb,
        settingsArb,
        fc.integer({ min: 1, max: 4 }),
        fc.boolean(),
        (log, period, s, of, sorted) => {
          const expected = accumulatorReport(log, period, s);
          const input = { templateId: 't', versions, campaigns, versionId: s.versionId, period };
          const columns = toEventColumns(sorted ? sortEvents(log) : log);
          const ids = selectedCampaignIds(input);
          const resolved = resolveInputOptions(input, s);
          const parts = recipientParts(of).map((part) =>
            countColumns(columns, ids, period, resolved, sorted, part),
          );
          const merged = mergeRecipientParts(columns, parts.reverse(), resolved.dynamicFinalUrls);
          expect(assembleClickMap(input, ids, merged, resolved)).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});
