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

  it('exports a report with the panel columns', () => {
    const events = [...E.deliveredMessage(), E.click(E.HOUR, { linkId: 'L0' })];
    const report = buildClickMapReport({
      templateId: 'tpl',
      versions: E.versions,
      campaigns: E.campaigns,
      events,
      versionId: 'v1',
    });
    const lines = reportToCsv(report).slice(1).split('\r\n');
    expect(lines.slice(0, 4)).toEqual([
      'Link,Name,Unique clicks,% of total,CTR,Total clicks,CTOR',
      'https://shop.example/sale?utm_source=mail,Shop the sale,1,1,1,1,',
      'https://shop.example/u/{{customer_id}},Your account,0,0,0,0,',
      'https://esp.example/unsubscribe,Unsubscribe,0,0,0,0,',
    ]);
    expect(lines).toContain('Unique clicks,1');
    expect(lines).toContain('Delivered,1');
  });

  it('exports an ESP report: counts the source cannot give are empty cells, never 0', async () => {
    const lines = reportToCsv(await listmonkReport())
      .slice(1)
      .split('\r\n');
    // listmonk: all clicks per link only, no opens, no unique clicks.
    expect(lines[1]).toMatch(/^https:\/\/www\.technologyreview\.com\/[^,]+,[^,]*,,0\.46\d*,,294,$/);
    expect(lines).toContain('Unique clicks,');
    expect(lines).toContain('Total clicks,13');
  });
});
