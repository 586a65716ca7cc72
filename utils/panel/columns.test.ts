// @vitest-environment node
import { describe, expect, test } from 'vitest';
import { displayShares, LINK_COLUMNS, noRowReason, rowCells } from './columns.ts';
import { mailchimpReport } from './testing/fixtures.ts';

const report = mailchimpReport();
const shares = displayShares(report.links);

describe('rowCells over the Mailchimp rows (real fixture)', () => {
  test('each row: unique clicks, share, CTR, total clicks, CTOR', () => {
    const texts = report.links.map((row) => {
      const c = rowCells(row, shares, report.capabilities, 'en-US');
      return [c.uniqueClicks.text, c.share.text, c.ctr.text, c.totalClicks.text, c.ctor.text];
    });
    expect(texts).toEqual([
      ['1,502', '43.35%', '2.45%', '1,834', '8.24%'],
      ['801', '23.12%', '1.31%', '942', '4.39%'],
      ['540', '15.58%', '0.88%', '611', '2.96%'],
      ['344', '9.93%', '0.56%', '388', '1.89%'],
      ['190', '5.48%', '0.31%', '207', '1.04%'],
      ['88', '2.54%', '0.14%', '95', '0.48%'],
    ]);
  });

  test('a placement without a row shows "—" with the reason in every number', () => {
    const cells = Object.values(rowCells(null, shares, report.capabilities, 'en-US'));
    expect(cells).toEqual(Array(5).fill({ text: '—', title: 'This link is not in the report.' }));
  });

  test('top-links-only sources explain the gap differently', () => {
    expect(noRowReason(['opens'])).toBe(
      'The data source reports only its top links; this one is not among them.',
    );
  });

  test('CTOR is "—" when the source has no opens, and rates null say why', () => {
    const row = { ...report.links[0]!, ctr: null };
    const c = rowCells(row, shares, ['all-links'], 'en-US');
    expect(c.ctor).toEqual({ text: '—', title: 'The data source does not report opens.' });
    expect(c.ctr).toEqual({ text: '—', title: 'No messages were delivered in this period.' });
    expect(c.uniqueClicks).toEqual({ text: '1,502' });
  });
});

test('columns: ids and labels', () => {
  expect(LINK_COLUMNS.map((c) => `${c.id}:${c.label}`)).toEqual([
    'ordinal:#',
    'url:Link',
    'name:Name',
    'uniqueClicks:Unique clicks',
    'share:% of total',
    'ctr:CTR',
    'totalClicks:Total clicks',
    'ctor:CTOR',
  ]);
});
