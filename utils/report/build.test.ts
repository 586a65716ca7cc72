// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { linkIdentity } from '../links/identity.ts';
import { buildClickMapReport } from './build.ts';
import { EventIdConflictError } from './event-ids.ts';
import { compareEvents } from './event-order.ts';
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
  /** Human-only view (machine clicks excluded); default: the seed's reading, every click counted. */
  humanOnly?: boolean;
  /** rowKey → [unique, total, machine], rows with any click only. */
  rows: Record<string, [number, number, number]>;
  totals?: Partial<ClickMapTotals>;
}

const m = E.deliveredMessage;
const cases: Case[] = [
  {
    name: 'exactly 24 h after the counted click counts again',
    events: [...m(), E.click(HOUR, { linkId: 'L0' }), E.click(HOUR + DAY, { linkId: 'L0' })],
    rows: { 'link:L0': [2, 2, 0] },
    totals: { uniqueClicks: 1, totalClicks: 2 },
  },
  {
    name: '24 h minus 1 ms does not count',
    events: [...m(), E.click(HOUR, { linkId: 'L0' }), E.click(HOUR + DAY - 1, { linkId: 'L0' })],
    rows: { 'link:L0': [1, 2, 0] },
  },
  {
    name: 'the window runs from the last COUNTED click',
    events: [
      ...m(),
      E.click(HOUR, { linkId: 'L0' }),
      E.click(HOUR + 23 * HOUR, { linkId: 'L0' }),
      E.click(HOUR + 46 * HOUR, { linkId: 'L0' }),
    ],
    rows: { 'link:L0': [2, 3, 0] },
  },
  {
    name: 'links are independent',
    events: [
      ...m(),
      E.click(HOUR, { linkId: 'L0' }),
      E.click(HOUR + 60_000, { linkId: 'L2', url: UNSUB }),
    ],
    rows: { 'link:L0': [1, 1, 0], 'link:L2': [1, 1, 0] },
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
    rows: { 'link:L0': [0, 1, 0] },
    // Altcraft: "Total unique clicks: unique clicks across the entire message for the selected
    // period": the message was clicked on day 2, though the 24 h rule did not count that click.
    totals: { sent: 0, delivered: 0, uniqueClicks: 1, totalClicks: 1 },
  },
  {
    name: 'period start is inclusive',
    period: { from: T0 + HOUR },
    events: [...m(), E.click(HOUR, { linkId: 'L0' })],
    rows: { 'link:L0': [1, 1, 0] },
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
    rows: { 'link:L0': [2, 2, 0] },
    totals: { sent: 2, delivered: 2, uniqueClicks: 2 },
  },
  {
    name: 'a List-Unsubscribe press is a click on the unsubscribe link row, and an unsubscribe',
    events: [...m(), E.unsubscribe(HOUR, 'list-unsubscribe')],
    rows: { 'link:L2': [1, 1, 0] },
    totals: {
      unsubscribed: 1,
      unsubscribedBy: { link: 0, listUnsubscribe: 1, other: 0 },
      totalClicks: 1,
      uniqueClicks: 1,
    },
  },
  {
    name: 'a List-Unsubscribe press naming its link counts on that link; 24 h rule with body clicks',
    events: [
      ...m(),
      E.click(HOUR, { linkId: 'L2', url: UNSUB }),
      E.unsubscribe(2 * HOUR, 'list-unsubscribe', {}, 'L2'),
    ],
    rows: { 'link:L2': [1, 2, 0] },
    totals: { unsubscribed: 1, totalClicks: 2, uniqueClicks: 1 },
  },
  {
    name: 'a List-Unsubscribe press where the version has no unsubscribe link: its own row',
    events: [...m({ c: 'c3' }), E.unsubscribe(HOUR, 'list-unsubscribe', { c: 'c3' })],
    rows: { 'list-unsubscribe': [1, 1, 0] },
    totals: { unsubscribed: 1, totalClicks: 1, uniqueClicks: 1 },
  },
  {
    name: 'a link-method unsubscribe is no click by itself (its click event is)',
    events: [...m(), E.unsubscribe(HOUR, 'link', {}, 'L2'), E.unsubscribe(HOUR, 'other')],
    rows: {},
    totals: { unsubscribed: 1, totalClicks: 0 },
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
    rows: { 'link:L2': [1, 1, 0] },
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
    rows: { 'link:L0': [1, 1, 0] },
    totals: { uniqueOpens: 0, clickImpliedOpens: 1, ctor: null, ctr: 1 },
  },
  {
    name: 'an open at any time means images were not blocked',
    period: { from: T0, to: T0 + DAY },
    events: [...m(), E.click(HOUR, { linkId: 'L0' }), E.open(3 * DAY)],
    rows: { 'link:L0': [1, 1, 0] },
    totals: { uniqueOpens: 0, clickImpliedOpens: 0 },
  },
  {
    name: 'scanner user agent: counted by default, and shown as machine clicks',
    events: [...m(), E.click(HOUR, { linkId: 'L0', ua: SCANNER })],
    rows: { 'link:L0': [1, 1, 1] },
    totals: { machineClicks: 1, uniqueClicks: 1, totalClicks: 1, clickImpliedOpens: 1 },
  },
  {
    name: 'scanner user agent: flagged and excluded in the human-only view',
    humanOnly: true,
    events: [...m(), E.click(HOUR, { linkId: 'L0', ua: SCANNER })],
    rows: { 'link:L0': [0, 0, 1] },
    totals: { machineClicks: 1, uniqueClicks: 0, totalClicks: 0, clickImpliedOpens: 0 },
  },
  {
    name: 'scanner user agent: included on request',
    includeMachineClicks: true,
    events: [...m(), E.click(HOUR, { linkId: 'L0', ua: SCANNER })],
    rows: { 'link:L0': [1, 1, 1] },
    totals: { machineClicks: 1, uniqueClicks: 1, totalClicks: 1 },
  },
  {
    name: 'a click 9.999 s after delivery is a machine click; 10 s is human',
    humanOnly: true,
    events: [
      ...m(),
      ...m({ r: 'bob' }),
      E.click(9_999, { linkId: 'L0' }),
      E.click(10_000, { linkId: 'L0', r: 'bob' }),
    ],
    rows: { 'link:L0': [1, 1, 1] },
  },
  {
    name: 'no delivery: the reference is the sending time',
    humanOnly: true,
    events: [E.sent(0), E.click(5_000, { linkId: 'L0' })],
    rows: { 'link:L0': [0, 0, 1] },
    totals: { delivered: null },
  },
  {
    name: 'burst: 3 distinct links within 2 s gaps are all machine clicks',
    humanOnly: true,
    events: [
      ...m(),
      E.click(HOUR, { linkId: 'L0' }),
      E.click(HOUR + 2_000, { linkId: 'L1', url: DYNAMIC }),
      E.click(HOUR + 3_000, { linkId: 'L2', url: UNSUB }),
    ],
    rows: { 'link:L0': [0, 0, 1], 'domain:shop.example': [0, 0, 1], 'link:L2': [0, 0, 1] },
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
    rows: { 'link:L0': [1, 1, 0], 'domain:shop.example': [1, 1, 0], 'link:L2': [1, 1, 0] },
  },
  {
    name: 'repeated clicks on one link are no burst',
    events: [
      ...m(),
      E.click(HOUR, { linkId: 'L0' }),
      E.click(HOUR + 500, { linkId: 'L0' }),
      E.click(HOUR + 900, { linkId: 'L0' }),
    ],
    rows: { 'link:L0': [1, 3, 0] },
  },
  {
    name: 'a machine click does not start the 24 h window',
    humanOnly: true,
    events: [
      ...m(),
      E.click(HOUR, { linkId: 'L0', ua: SCANNER }),
      E.click(2 * HOUR, { linkId: 'L0' }),
    ],
    rows: { 'link:L0': [1, 1, 1] },
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
    name: 'dynamic link WITH a placement linkId: still counted by final domain',
    events: [
      ...m(),
      ...m({ r: 'bob' }),
      E.click(HOUR, { linkId: 'L1', url: DYNAMIC, finalUrl: 'https://shop.example/u/1' }),
      E.click(HOUR, { linkId: 'L1', url: DYNAMIC, finalUrl: 'https://partner.example/', r: 'bob' }),
    ],
    rows: { 'domain:shop.example': [1, 1, 0], 'domain:partner.example': [1, 1, 0] },
  },
  {
    name: 'a link id that looks like a row key does not merge with that row',
    events: [
      ...m(),
      ...m({ r: 'bob' }),
      E.click(HOUR, { linkId: 'domain:shop.example', url: 'https://a.example/' }),
      E.click(HOUR, { url: DYNAMIC, finalUrl: 'https://shop.example/u/2', r: 'bob' }),
    ],
    rows: { 'link:domain:shop.example': [1, 1, 0], 'domain:shop.example': [1, 1, 0] },
  },
  {
    name: 'URL without linkId: keyed by link identity (tracking params dropped)',
    events: [
      ...m(),
      E.click(HOUR, { url: 'https://shop.example/sale?utm_source=x&utm_medium=email' }),
    ],
    rows: { [`url:${SALE_KEY}`]: [1, 1, 0] },
  },
  {
    name: 'a re-delivered event id is applied once',
    events: (() => {
      const c = E.click(HOUR, { linkId: 'L0' });
      return [...m(), c, { ...c }, { ...c }];
    })(),
    rows: { 'link:L0': [1, 1, 0] },
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
    rows: { 'link:L0': [1, 2, 0] },
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
    c.humanOnly
      ? { includeMachineClicks: false }
      : c.includeMachineClicks
        ? { includeMachineClicks: true }
        : {},
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

  it('names a final-domain row after the one personalised placement its clicks came from', () => {
    const report = build({
      name: 'named',
      events: [
        ...m(),
        E.click(HOUR, { linkId: 'L1', url: DYNAMIC, finalUrl: 'https://partner.example/' }),
      ],
      rows: {},
    });
    const row = report.links.find((r) => r.rowKey === 'domain:partner.example');
    expect(row).toMatchObject({ linkId: 'L1', name: 'Your account', ordinal: 1 });
    expect(row?.finalDomain).toBe('partner.example');
    // The placement is covered by its final-domain row: no empty row for it.
    expect(report.links.filter((r) => r.linkId === 'L1')).toHaveLength(1);
  });

  it('lists no zero row for placements counted by final domain, even when they share a domain', () => {
    const versions = [
      {
        ...E.versions[0]!,
        placements: [
          ...E.versions[0]!.placements,
          { linkId: 'L3', ordinal: 3, url: 'https://shop.example/o/{{order}}', text: 'Your order' },
        ],
      },
      E.versions[1]!,
    ];
    const events = [
      ...m(),
      E.click(HOUR, { linkId: 'L1', url: DYNAMIC, finalUrl: 'https://shop.example/u/1' }),
      E.click(2 * HOUR, {
        linkId: 'L3',
        url: 'https://shop.example/o/{{order}}',
        finalUrl: 'https://shop.example/o/9',
      }),
    ];
    const report = buildClickMapReport(
      { templateId: 'tpl', versions, campaigns: E.campaigns, events, versionId: 'v1' },
      {},
    );
    expect(report.links.map((r) => [r.rowKey, r.name, r.uniqueClicks])).toEqual([
      ['link:L0', 'Shop the sale', 0],
      ['link:L2', 'Unsubscribe', 0],
      ['domain:shop.example', '', 1], // one message, one row: the 24 h rule counts it once
    ]);
  });

  it('names the row of a press without a known link "List-Unsubscribe", an unsubscribe row', () => {
    const report = build({
      name: 'press',
      events: [...m({ c: 'c3' }), E.unsubscribe(HOUR, 'list-unsubscribe', { c: 'c3' })],
      rows: {},
    });
    expect(report.links.find((r) => r.rowKey === 'list-unsubscribe')).toMatchObject({
      name: 'List-Unsubscribe',
      isUnsubscribe: true,
      uniqueClicks: 1,
    });
  });

  it('refuses an event id reused with different content, listing the ids', () => {
    const first = E.click(HOUR, { linkId: 'L0' });
    const reused = { ...first, recipient: 'bob' };
    const events = [...m(), ...m({ r: 'bob' }), first, reused];
    expect(() => build({ name: 'reuse', events, rows: {} })).toThrow(EventIdConflictError);
    expect(() => build({ name: 'reuse', events, rows: {} })).toThrow(JSON.stringify(first.id));
    const sorted = [...events].sort(compareEvents);
    expect(() =>
      buildClickMapReport(
        { templateId: 'tpl', versions: E.versions, campaigns: E.campaigns, events: sorted },
        { assumeSorted: true },
      ),
    ).toThrow(EventIdConflictError);
    // The same content again (also with its fields in another order) is a no-op.
    const { id, ...rest } = first;
    const again = build({ name: 'again', events: [...m(), first, { ...rest, id }], rows: {} });
    expect(again.totals.totalClicks).toBe(1);
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
