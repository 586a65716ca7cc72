// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { linkIdentity } from '../links/identity.ts';
import { buildClickMapReport } from './build.ts';
import type { EmailEvent, Period } from './model.ts';
import type { ClickMapReport, ClickMapTotals } from './report-types.ts';
import * as E from './test-events.ts';
import { DAY, HOUR, T0 } from './test-events.ts';

const SCANNER = 'Mozilla/5.0 (compatible; Barracuda Sentinel (EE))';
const DYNAMIC = 'https://shop.example/u/{{customer_id}}';
const UNSUB = 'https://esp.example/unsubscribe';
const SALE_KEY = linkIdentity('https://shop.example/sale').key;

interface Case {
  name: string;
  events: EmailEvent[];
  period?: Period;
  includeMachineClicks?: boolean;
  versionId?: string;
  /** rowKey → [unique, total, machine], rows with any click only. */
  rows: Record<string, [number, number, number]>;
  totals?: Partial<ClickMapTotals>;
}

const m = E.deliveredMessage;
const cases: Case[] = [
  {
    name: 'exactly 24 h after the counted click counts again',
    events: [...m(), E.click(HOUR, { linkId: 'L0' }), E.click(HOUR + DAY, { linkId: 'L0' })],
    rows: { L0: [2, 2, 0] },
    totals: { uniqueClicks: 1, totalClicks: 2 },
  },
  {
    name: '24 h minus 1 ms does not count',
    events: [...m(), E.click(HOUR, { linkId: 'L0' }), E.click(HOUR + DAY - 1, { linkId: 'L0' })],
    rows: { L0: [1, 2, 0] },
  },
  {
    name: 'the window runs from the last COUNTED click',
    events: [
      ...m(),
      E.click(HOUR, { linkId: 'L0' }),
      E.click(HOUR + 23 * HOUR, { linkId: 'L0' }),
      E.click(HOUR + 46 * HOUR, { linkId: 'L0' }),
    ],
    rows: { L0: [2, 3, 0] },
  },
  {
    name: 'links are independent',
    events: [
      ...m(),
      E.click(HOUR, { linkId: 'L0' }),
      E.click(HOUR + 60_000, { linkId: 'L2', url: UNSUB }),
    ],
    rows: { L0: [1, 1, 0], L2: [1, 1, 0] },
    totals: { uniqueClicks: 1, totalClicks: 2 },
  },
  {
    name: 'counted-ness is decided over history; events outside the period are not tallied',
    period: { from: T0 + DAY, to: T0 + 2 * DAY },
    events: [
      ...m(),
      E.click(20 * HOUR, { linkId: 'L0' }),
      E.click(DAY + 2 * HOUR, { linkId: 'L0' }),
      E.click(2 * DAY, { linkId: 'L2', url: UNSUB }),
    ],
    rows: { L0: [0, 1, 0] },
    totals: { sent: 0, delivered: 0, uniqueClicks: 0, totalClicks: 1 },
  },
  {
    name: 'period start is inclusive',
    period: { from: T0 + HOUR },
    events: [...m(), E.click(HOUR, { linkId: 'L0' })],
    rows: { L0: [1, 1, 0] },
    totals: { uniqueClicks: 1, sent: 0 },
  },
  {
    name: 'one recipient in two campaigns of the template = two messages',
    events: [
      ...m(),
      ...m({ c: 'c2' }),
      E.click(HOUR, { linkId: 'L0' }),
      E.click(HOUR + 60_000, { linkId: 'L0', c: 'c2' }),
    ],
    rows: { L0: [2, 2, 0] },
    totals: { sent: 2, delivered: 2, uniqueClicks: 2 },
  },
  {
    name: 'List-Unsubscribe without a click counts as unsubscribed',
    events: [...m(), E.unsubscribe(HOUR, 'list-unsubscribe')],
    rows: {},
    totals: {
      unsubscribed: 1,
      unsubscribedBy: { link: 0, listUnsubscribe: 1, other: 0 },
      totalClicks: 0,
    },
  },
  {
    name: 'unsubscribe link is a row; its unsubscribe counts once per recipient',
    events: [
      ...m(),
      ...m({ c: 'c2' }),
      E.click(HOUR, { linkId: 'L2', url: UNSUB }),
      E.unsubscribe(HOUR, 'link', {}, 'L2'),
      E.unsubscribe(2 * HOUR, 'other', { c: 'c2' }),
    ],
    rows: { L2: [1, 1, 0] },
    totals: { unsubscribed: 1, unsubscribedBy: { link: 1, listUnsubscribe: 0, other: 0 } },
  },
  {
    name: 'bounce then open: a bounce pixel open, not an open',
    events: [E.sent(0), E.bounce(1000, 'hard'), E.open(60_000)],
    rows: {},
    totals: { uniqueOpens: 0, bouncePixelOpens: 1, bounces: { hard: 1, soft: 0 } },
  },
  {
    name: 'soft bounce, then delivered: opens count',
    events: [E.sent(0), E.bounce(1000, 'soft'), E.delivered(HOUR), E.open(2 * HOUR)],
    rows: {},
    totals: { uniqueOpens: 1, bouncePixelOpens: 0, bounces: { hard: 0, soft: 1 }, delivered: 1 },
  },
  {
    name: 'click without open: a click-implied open',
    events: [...m(), E.click(HOUR, { linkId: 'L0' })],
    rows: { L0: [1, 1, 0] },
    totals: { uniqueOpens: 0, clickImpliedOpens: 1, ctor: null, ctr: 1 },
  },
  {
    name: 'an open at any time means images were not blocked',
    period: { from: T0, to: T0 + DAY },
    events: [...m(), E.click(HOUR, { linkId: 'L0' }), E.open(3 * DAY)],
    rows: { L0: [1, 1, 0] },
    totals: { uniqueOpens: 0, clickImpliedOpens: 0 },
  },
  {
    name: 'scanner user agent: flagged and excluded',
    events: [...m(), E.click(HOUR, { linkId: 'L0', ua: SCANNER })],
    rows: { L0: [0, 0, 1] },
    totals: { machineClicks: 1, uniqueClicks: 0, totalClicks: 0, clickImpliedOpens: 0 },
  },
  {
    name: 'scanner user agent: included on request',
    includeMachineClicks: true,
    events: [...m(), E.click(HOUR, { linkId: 'L0', ua: SCANNER })],
    rows: { L0: [1, 1, 1] },
    totals: { machineClicks: 1, uniqueClicks: 1, totalClicks: 1 },
  },
  {
    name: 'a click 9.999 s after delivery is a machine click; 10 s is human',
    events: [
      ...m(),
      ...m({ r: 'bob' }),
      E.click(9_999, { linkId: 'L0' }),
      E.click(10_000, { linkId: 'L0', r: 'bob' }),
    ],
    rows: { L0: [1, 1, 1] },
  },
  {
    name: 'no delivery: the reference is the sending time',
    events: [E.sent(0), E.click(5_000, { linkId: 'L0' })],
    rows: { L0: [0, 0, 1] },
    totals: { delivered: null },
  },
  {
    name: 'burst: 3 distinct links within 2 s gaps are all machine clicks',
    events: [
      ...m(),
      E.click(HOUR, { linkId: 'L0' }),
      E.click(HOUR + 2_000, { linkId: 'L1', url: DYNAMIC }),
      E.click(HOUR + 3_000, { linkId: 'L2', url: UNSUB }),
    ],
    rows: { L0: [0, 0, 1], L1: [0, 0, 1], L2: [0, 0, 1] },
    totals: { machineClicks: 3, uniqueClicks: 0 },
  },
  {
    name: 'a 2001 ms gap breaks the chain',
    events: [
      ...m(),
      E.click(HOUR, { linkId: 'L0' }),
      E.click(HOUR + 2_001, { linkId: 'L1', url: DYNAMIC }),
      E.click(HOUR + 3_000, { linkId: 'L2', url: UNSUB }),
    ],
    rows: { L0: [1, 1, 0], L1: [1, 1, 0], L2: [1, 1, 0] },
  },
  {
    name: 'repeated clicks on one link are no burst',
    events: [
      ...m(),
      E.click(HOUR, { linkId: 'L0' }),
      E.click(HOUR + 500, { linkId: 'L0' }),
      E.click(HOUR + 900, { linkId: 'L0' }),
    ],
    rows: { L0: [1, 3, 0] },
  },
  {
    name: 'a machine click does not start the 24 h window',
    events: [
      ...m(),
      E.click(HOUR, { linkId: 'L0', ua: SCANNER }),
      E.click(2 * HOUR, { linkId: 'L0' }),
    ],
    rows: { L0: [1, 1, 1] },
  },
  {
    name: 'dynamic {{…}} link without linkId: counted by final domain',
    events: [
      ...m(),
      ...m({ r: 'bob' }),
      ...m({ r: 'cy' }),
      E.click(HOUR, { url: DYNAMIC, finalUrl: 'https://shop.example/u/1' }),
      E.click(HOUR, { url: DYNAMIC, finalUrl: 'https://shop.example/u/2', r: 'bob' }),
      E.click(HOUR, { url: DYNAMIC, finalUrl: 'https://Partner.example/x', r: 'cy' }),
    ],
    rows: { 'domain:shop.example': [2, 2, 0], 'domain:partner.example': [1, 1, 0] },
  },
  {
    name: 'URL without linkId: keyed by link identity (tracking params dropped)',
    events: [
      ...m(),
      E.click(HOUR, { url: 'https://shop.example/sale?utm_source=x&utm_medium=email' }),
    ],
    rows: { [SALE_KEY]: [1, 1, 0] },
  },
  {
    name: 'a re-delivered event id is applied once',
    events: (() => {
      const c = E.click(HOUR, { linkId: 'L0' });
      return [...m(), c, { ...c }, { ...c }];
    })(),
    rows: { L0: [1, 1, 0] },
    totals: { totalClicks: 1 },
  },
  {
    name: 'complaints count once per message',
    events: [...m(), E.complaint(HOUR), E.complaint(2 * HOUR)],
    rows: {},
    totals: { complaints: 1 },
  },
  {
    name: 'other templates are ignored',
    events: [...m(), ...m({ c: 'other' }), E.click(HOUR, { linkId: 'L0', c: 'other' })],
    rows: {},
    totals: { sent: 1 },
  },
  {
    name: 'version v2 selects only its campaigns',
    versionId: 'v2',
    events: [
      ...m(),
      ...m({ c: 'c3' }),
      E.click(HOUR, { linkId: 'L0' }),
      E.click(HOUR, { linkId: 'L0', c: 'c3' }),
      E.click(2 * HOUR, { linkId: 'L0', c: 'c3' }),
    ],
    rows: { L0: [1, 2, 0] },
    totals: { sent: 1 },
  },
];

function rowsWithClicks(report: ClickMapReport): Record<string, [number, number, number]> {
  const rows: Record<string, [number, number, number]> = {};
  for (const r of report.links) {
    if (r.uniqueClicks + r.totalClicks + r.machineClicks > 0)
      rows[r.rowKey] = [r.uniqueClicks, r.totalClicks, r.machineClicks];
  }
  return rows;
}

const build = (c: Case, events = c.events): ClickMapReport =>
  buildClickMapReport(
    {
      templateId: 'tpl',
      versions: E.versions,
      campaigns: E.campaigns,
      events,
      period: c.period,
      versionId: c.versionId,
    },
    { includeMachineClicks: c.includeMachineClicks ?? false },
  );

describe('buildClickMapReport rules', () => {
  it.each(cases)('$name', (c) => {
    const report = build(c);
    expect(rowsWithClicks(report)).toEqual(c.rows);
    expect(report.totals).toMatchObject(c.totals ?? {});
  });

  it.each(cases)('unsorted input gives the same report: $name', (c) => {
    const reversed = [...c.events].reverse();
    expect(build(c, reversed)).toEqual(build(c));
  });

  it('assumeSorted refuses out-of-order events instead of miscounting', () => {
    const events = [E.click(HOUR, { linkId: 'L0' }), E.click(0, { linkId: 'L0' })];
    expect(() =>
      buildClickMapReport(
        { templateId: 'tpl', versions: E.versions, campaigns: E.campaigns, events },
        { assumeSorted: true },
      ),
    ).toThrow(/out of order/);
  });
});
