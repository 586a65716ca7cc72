// @vitest-environment node
import { describe, expect, test } from 'vitest';
import type { Capability } from '../report/report-types.ts';
import { mailchimpReport } from './testing/fixtures.ts';
import { totalsCells } from './totals-view.ts';

const ALL: Capability[] = [
  'unique-24h',
  'per-placement',
  'opens',
  'delivered',
  'bounces',
  'unsubscribes',
  'list-unsubscribe',
  'machine-clicks',
  'click-implied-opens',
  'all-links',
];

describe('totalsCells on the Mailchimp campaign report (real fixture)', () => {
  const report = mailchimpReport();
  const cells = totalsCells(report.totals, report.capabilities, 'en-US');
  const byId = new Map(cells.map((c) => [c.id, c]));

  test('texts in order, headline numbers first', () => {
    expect(cells.map((c) => [c.label, c.text, c.headline])).toEqual([
      ['Unique opens', '18,231', true],
      ['Unique clicks', '3,465', true],
      ['Unsubscribed', '57', true],
      ['Sent', '61,234', false],
      ['Delivered', '—', false],
      ['CTR', '5.66%', false],
      ['CTOR', '19.01%', false],
      ['Tracked opens', '18,231', false],
      ['Click-implied opens', '—', false],
      ['Bounce pixel opens', '0', false],
      ['Machine clicks', '—', false],
      ['All clicks', '4,077', false],
      ['Bounces', '149', false],
    ]);
  });

  test.each([
    ['delivered', 'The data source does not report deliveries.'],
    ['clickImpliedOpens', 'The data source does not report which clickers had no tracked open.'],
    ['machineClicks', 'The data source does not flag machine (scanner) clicks.'],
  ] as const)('%s is missing, with the reason, never 0', (id, reason) => {
    expect(byId.get(id)).toMatchObject({ text: '—', title: reason, missing: true });
  });

  test('a present number carries its meaning', () => {
    expect(byId.get('ctor')?.title).toBe('Unique clicks / unique opens.');
    expect(byId.get('ctor')?.missing).toBe(false);
  });
});

describe('null rates and missing capabilities', () => {
  const base = mailchimpReport().totals;

  test.each<[string, Partial<typeof base>, Capability[], string, string, string]>([
    [
      'no deliveries: CTR null',
      { ctr: null },
      ALL,
      'ctr',
      '—',
      'No messages were delivered in this period.',
    ],
    ['no opens: CTOR null', { ctor: null }, ALL, 'ctor', '—', 'No opens in this period.'],
    [
      'opens not reported hide CTOR',
      {},
      ['unsubscribes'],
      'ctor',
      '—',
      'The data source does not report opens.',
    ],
    [
      'opens not reported hide unique opens',
      {},
      [],
      'uniqueOpens',
      '—',
      'The data source does not report opens.',
    ],
    [
      'unsubscribes not reported',
      {},
      ['opens'],
      'unsubscribed',
      '—',
      'The data source does not report unsubscribes.',
    ],
    [
      'bounces not reported',
      {},
      ['opens'],
      'bouncePixelOpens',
      '—',
      'The data source does not report bounces.',
    ],
    [
      'delivered null despite capability',
      { delivered: null },
      ALL,
      'delivered',
      '—',
      'The data source does not report deliveries.',
    ],
    ['delivered present', { delivered: 61085 }, ALL, 'delivered', '61,085', 'Messages delivered.'],
    [
      'zero machine clicks are a real 0',
      { machineClicks: 0 },
      ALL,
      'machineClicks',
      '0',
      'Clicks flagged as security-scanner or bot clicks.',
    ],
  ])('%s', (_name, patch, caps, id, text, title) => {
    const cell = totalsCells({ ...base, ...patch }, caps, 'en-US').find((c) => c.id === id);
    expect(cell).toMatchObject({ text, title });
  });
});
