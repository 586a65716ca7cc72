// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { buildClickMapReport } from './build.ts';
import type { EmailEvent } from './model.ts';
import * as E from './test-events.ts';
import { DAY, HOUR, T0 } from './test-events.ts';

const build = (events: EmailEvent[], versionId?: string) =>
  buildClickMapReport(
    { templateId: 'tpl', versions: E.versions, campaigns: E.campaigns, events, versionId },
    { now: 42 },
  );

describe('assembleReport', () => {
  const people = ['a', 'b', 'c', 'd'];
  const events = [
    ...people.flatMap((r) => E.deliveredMessage({ r })),
    E.open(HOUR, { r: 'a' }),
    E.open(HOUR, { r: 'b' }),
    E.click(2 * HOUR, { r: 'a', linkId: 'L0' }),
    E.click(2 * HOUR, { r: 'b', linkId: 'L0' }),
    E.click(3 * HOUR, { r: 'b', linkId: 'L0' }),
    E.click(2 * HOUR, { r: 'c', linkId: 'L2', url: 'https://esp.example/unsubscribe' }),
  ];
  const report = build(events, 'v1');

  it('computes exact totals and rates', () => {
    expect(report.totals).toEqual({
      sent: 4,
      delivered: 4,
      bounces: { hard: 0, soft: 0 },
      uniqueOpens: 2,
      clickImpliedOpens: 1,
      bouncePixelOpens: 0,
      uniqueClicks: 3,
      totalClicks: 4,
      unsubscribed: 0,
      unsubscribedBy: { link: 0, listUnsubscribe: 0, other: 0 },
      complaints: 0,
      machineClicks: 0,
      ctr: 3 / 4,
      ctor: 3 / 2,
    });
  });

  it('lists every placement in document order with share, CTR and CTOR', () => {
    expect(
      report.links.map((r) => [
        r.rowKey,
        r.ordinal,
        r.name,
        r.uniqueClicks,
        r.totalClicks,
        r.shareOfClicks,
        r.ctr,
        r.ctor,
        r.isUnsubscribe,
      ]),
    ).toEqual([
      ['link:L0', 0, 'Shop the sale', 2, 3, 2 / 3, 2 / 4, 2 / 2, false],
      ['link:L1', 1, 'Your account', 0, 0, 0, 0, 0, false],
      ['link:L2', 2, 'Unsubscribe', 1, 1, 1 / 3, 1 / 4, 1 / 2, true],
    ]);
    expect(report.links[1]).toMatchObject({ dynamic: true, finalDomain: null });
    expect(report.links[0]).toMatchObject({
      dynamic: false,
      finalDomain: 'shop.example',
      key: 'https://shop.example/sale',
    });
  });

  it('reports the version periods and the campaigns summed', () => {
    expect(report.versions).toEqual([
      { versionId: 'v1', contentHash: 'h1', from: T0, to: T0 + 10 * DAY },
      { versionId: 'v2', contentHash: 'h2', from: T0 + 10 * DAY, to: null },
    ]);
    expect(build(events).campaignIds).toEqual(['c1', 'c2', 'c3']);
    expect(report.campaignIds).toEqual(['c1', 'c2']);
    expect(report.generatedAt).toBe(42);
    expect(build(events, 'v2').campaignIds).toEqual(['c3']);
    expect(build(events, 'v2').links.map((r) => r.name)).toEqual(['New collection']);
    // All versions: a linkId row is named after the newest version's placement.
    expect(build(events).links.map((r) => r.name)).toEqual([
      'New collection',
      'Your account',
      'Unsubscribe',
    ]);
  });

  it('gives null rates, never NaN, when nothing was sent', () => {
    const empty = build([]);
    expect(empty.totals.ctr).toBeNull();
    expect(empty.totals.delivered).toBeNull();
    expect(empty.capabilities).not.toContain('delivered');
    expect(
      empty.links.every((r) => r.shareOfClicks === null && r.ctr === null && r.ctor === null),
    ).toBe(true);
  });

  it('flags a placement landing on many distinct final URLs as dynamic', () => {
    const five = ['a', 'b', 'c', 'd', 'e'];
    const clicks = five.map((r, i) =>
      E.click(HOUR, { r, linkId: 'L0', finalUrl: `https://shop.example/p/${i}` }),
    );
    const row = (n: number) =>
      build([...five.flatMap((r) => E.deliveredMessage({ r })), ...clicks.slice(0, n)]).links[0];
    expect(row(4)).toMatchObject({ dynamic: false, finalDomain: 'shop.example', uniqueClicks: 4 });
    expect(row(5)).toMatchObject({ dynamic: true, finalDomain: 'shop.example', uniqueClicks: 5 });
  });

  it('names a URL-keyed row after the one placement with that URL', () => {
    const r = build([
      ...E.deliveredMessage(),
      E.click(HOUR, { url: 'https://shop.example/sale?utm_campaign=jan' }),
    ]);
    expect(r.links.map((l) => [l.rowKey, l.linkId, l.name, l.uniqueClicks])).toEqual([
      ['url:https://shop.example/sale', 'L0', 'Shop the sale', 1],
      ['link:L1', 'L1', 'Your account', 0],
      ['link:L2', 'L2', 'Unsubscribe', 0],
    ]);
  });

  it('uses sent as the CTR denominator when deliveries are unknown', () => {
    const r = build([E.sent(0), E.sent(0, { r: 'b' }), E.click(HOUR, { linkId: 'L0' })]);
    expect(r.totals).toMatchObject({ delivered: null, sent: 2, ctr: 1 / 2 });
    expect(r.links[0]?.ctr).toBe(1 / 2);
  });
});
