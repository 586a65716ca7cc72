// @vitest-environment node
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { buildClickMapReport } from '../report/build.ts';
import * as E from '../report/test-events.ts';
import { reportToXlsxBuffer } from './xlsx-node.ts';

describe('reportToXlsxBuffer', () => {
  it('round-trips through read-excel-file: same columns, numbers and totals', async () => {
    const events = [
      ...E.deliveredMessage(),
      ...E.deliveredMessage({ r: 'bob' }),
      E.open(E.HOUR),
      E.click(E.HOUR, { linkId: 'L0' }),
      E.click(E.HOUR, { linkId: 'L2', url: 'https://esp.example/unsubscribe', r: 'bob' }),
    ];
    const report = buildClickMapReport({
      templateId: 'tpl',
      versions: E.versions,
      campaigns: E.campaigns,
      events,
      versionId: 'v1',
    });
    const buffer = await reportToXlsxBuffer(report);
    expect(buffer.subarray(0, 2).toString()).toBe('PK');
    const [sheet] = await readXlsxFile(buffer);
    expect(sheet?.sheet).toBe('Click map');
    const rows = sheet?.data ?? [];
    const header = Object.fromEntries(rows.slice(0, 6).map((r) => [r[0], r[1]]));
    expect(header).toMatchObject({
      Template: 'tpl',
      Campaigns: 'c1, c2',
      Version: 'v1',
      Period: 'all time',
      'Machine clicks': 'counted (every click, as the seeds count them)',
    });
    const table = rows.findIndex((r) => r[0] === 'Position');
    expect(rows.slice(table, table + 4)).toEqual([
      [
        'Position',
        'Link id',
        'Link',
        'Name',
        'Unique clicks',
        '% of total',
        'CTR',
        'Total clicks',
        'CTOR',
      ],
      [1, 'L0', 'https://shop.example/sale?utm_source=mail', 'Shop the sale', 1, 0.5, 0.5, 1, 1],
      [2, 'L1', 'https://shop.example/u/{{customer_id}}', 'Your account', 0, 0, 0, 0, 0],
      [3, 'L2', 'https://esp.example/unsubscribe', 'Unsubscribe', 1, 0.5, 0.5, 1, 1],
    ]);
    const totals = Object.fromEntries(rows.slice(table + 5).map((r) => [r[0], r[1]]));
    expect(totals).toMatchObject({
      Sent: 2,
      Delivered: 2,
      'Unique opens': 1,
      'Unique clicks': 2,
      'Total clicks': 2,
      CTR: 1,
      CTOR: 2,
    });
  });
});
