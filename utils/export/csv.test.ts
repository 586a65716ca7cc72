// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { buildClickMapReport } from '../report/build.ts';
import * as E from '../report/test-events.ts';
import { csvCell, tableToCsv } from './csv.ts';
import { reportToCsv } from './csv-export.ts';
import { listmonkReport } from '../sources/testing/esp-reports.ts';

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rlf', '"cr\rlf"'],
    ['=HYPERLINK("http://x")', '"\'=HYPERLINK(""http://x"")"'],
    ['+1', "'+1"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', '"\'\rcmd"'],
    ['Ünïcödé ✓', 'Ünïcödé ✓'],
    [42, '42'],
    [-3, '-3'],
    [0.25, '0.25'],
    [{ percent: 0.12 }, '12%'],
    [{ percent: 1 / 3 }, '33.3333%'],
    [{ percent: 0.07 }, '7%'],
    [null, ''],
  ] as const)('%j → %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });
});

describe('tableToCsv', () => {
  it('writes BOM, CRLF, the table, a blank line and the totals', () => {
    const csv = tableToCsv({
      columns: ['Link', 'Name'],
      rows: [['https://a.example/?q=1,2', 'Buy']],
      totals: [['Sent', 3]],
    });
    expect(csv).toBe('\uFEFFLink,Name\r\n"https://a.example/?q=1,2",Buy\r\n\r\nSent,3\r\n');
  });

  it('exports a report: header block, position and link id, rates as percentages', () => {
    const events = [
      ...E.deliveredMessage(),
      ...E.deliveredMessage({ r: 'bob' }),
      ...E.deliveredMessage({ r: 'cy' }),
      E.click(E.HOUR, { linkId: 'L0' }),
      E.click(E.HOUR, { linkId: 'L0', r: 'bob' }),
      E.click(E.HOUR, { linkId: 'L2', url: 'https://esp.example/unsubscribe', r: 'cy' }),
    ];
    const report = buildClickMapReport(
      {
        templateId: 'tpl',
        versions: E.versions,
        campaigns: E.campaigns,
        events,
        versionId: 'v1',
        period: { from: Date.UTC(2025, 0, 5), to: Date.UTC(2025, 0, 8) },
      },
      { now: E.T0 + 3 * E.DAY },
    );
    const lines = reportToCsv(report).slice(1).split('\r\n');
    expect(lines.slice(0, 11)).toEqual([
      'Template,tpl',
      'Campaigns,"c1, c2"',
      'Version,v1',
      'Period,2025-01-05 – 2025-01-07 (UTC)',
      'Machine clicks,"counted (every click, as the seeds count them)"',
      'Generated,2025-01-09T09:00:00.000Z',
      '',
      'Position,Link id,Link,Name,Unique clicks,% of total,CTR,Total clicks,CTOR',
      '1,L0,https://shop.example/sale?utm_source=mail,Shop the sale,2,66.6667%,66.6667%,2,',
      '2,L1,https://shop.example/u/{{customer_id}},Your account,0,0%,0%,0,',
      '3,L2,https://esp.example/unsubscribe,Unsubscribe,1,33.3333%,33.3333%,1,',
    ]);
    expect(lines).toContain('Unique clicks,3');
    expect(lines).toContain('Delivered,3');
    expect(lines).toContain('CTR,100%');
  });

  it('exports an ESP report: counts the source cannot give are empty cells, never 0', async () => {
    const lines = reportToCsv(await listmonkReport())
      .slice(1)
      .split('\r\n');
    // listmonk: all clicks per link only, no opens, no unique clicks.
    const first = lines.find((line) => line.includes('technologyreview.com/2024/06/25/1093520/'));
    // position and link id unknown (per-URL source), unique clicks, CTR and CTOR empty.
    expect(first).toMatch(/^,,https:\/\/www\.technologyreview\.com\/[^,]+,[^,]*,,46\.\d+%,,294,$/);
    expect(lines).toContain('Unique clicks,');
    expect(lines).toContain('Total clicks,13');
  });
});
