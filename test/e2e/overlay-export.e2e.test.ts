/**
 * Export from the side panel in real browsers: "Export CSV" and "Export
 * Excel" download a file (captured by the harness: Playwright's download
 * event in Chromium, Firefox's download folder set by prefs) whose link rows
 * and totals are the reference API's report for the previewed template.
 */
import { readSheet } from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClickMapReport } from '../../utils/report/report-types.ts';
import { clickMap } from './harness/api.ts';
import { parseCsv } from './harness/csv.ts';
import { BROWSERS, startOverlayFixture, type OverlayFixture } from './harness/overlay-fixture.ts';

type Cell = string | number | null;

const HEADER = ['Link', 'Name', 'Unique clicks', '% of total', 'CTR', 'Total clicks', 'CTOR'];

/** The report's link rows and totals as the export must hold them (numbers unrounded). */
function expectedTable(report: ClickMapReport) {
  const t = report.totals;
  return {
    rows: report.links.map((row): Cell[] => [
      row.dynamic && row.finalDomain ? `${row.url} (${row.finalDomain})` : row.url,
      row.name,
      row.uniqueClicks,
      row.shareOfClicks,
      row.ctr,
      row.totalClicks,
      row.ctor,
    ]),
    totals: new Map<string, Cell>([
      ['Sent', t.sent],
      ['Delivered', t.delivered],
      ['Unique opens', t.uniqueOpens],
      ['Unique clicks', t.uniqueClicks],
      ['Total clicks', t.totalClicks],
      ['Unsubscribed', t.unsubscribed],
      ['CTR', t.ctr],
    ]),
  };
}

/** CSV cells are text: numbers back to numbers, empty to null (as the writer wrote them). */
function csvValue(text: string | undefined): Cell {
  if (text === undefined || text === '') return null;
  return /^-?\d+(\.\d+)?(e-?\d+)?$/i.test(text) ? Number(text) : text;
}

/** Splits an exported sheet (header, link rows, blank row, label/value totals). */
function splitSheet(rows: Cell[][]) {
  const blank = rows.findIndex((r) => r.every((c) => c === null || c === ''));
  const links = rows.slice(1, blank);
  const totals = new Map(rows.slice(blank + 1).map((r) => [String(r[0]), r[1] ?? null]));
  return { header: rows[0], links, totals };
}

for (const name of BROWSERS) {
  describe(`panel export (${name})`, () => {
    let fx: OverlayFixture;
    let report: ClickMapReport;
    beforeAll(async () => {
      fx = await startOverlayFixture(name);
      report = await clickMap(fx.api, 'newsletter');
    });
    afterAll(async () => fx?.close());

    const openReady = async () => {
      const page = await fx.openPreview({ src: '/corpus/templates/leemunroe-email-inlined.html' });
      expect(await fx.settle(page)).toBe('ready');
      return page;
    };

    it('Export CSV downloads the report table with the API numbers', async () => {
      const page = await openReady();
      const file = await page.download('.cml-export button:first-of-type');
      await page.close();
      expect(file.name).toMatch(/^clickmap-newsletter-all-versions-\d{4}-\d{2}-\d{2}\.csv$/);
      const text = file.bytes.toString('utf8');
      expect(text.startsWith('\uFEFF')).toBe(true);
      const sheet = splitSheet(parseCsv(text).map((r) => r.map(csvValue)));
      const expected = expectedTable(report);
      expect(sheet.header).toEqual(HEADER);
      expect(sheet.links).toEqual(expected.rows);
      for (const [label, value] of expected.totals)
        expect([label, sheet.totals.get(label)]).toEqual([label, value]);
    });

    it('Export Excel downloads an xlsx with the same table', async () => {
      const page = await openReady();
      const file = await page.download('.cml-export button:last-of-type');
      await page.close();
      expect(file.name).toMatch(/^clickmap-newsletter-all-versions-\d{4}-\d{2}-\d{2}\.xlsx$/);
      // An xlsx is a zip: "PK\3\4".
      expect([...file.bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
      const rows = (await readSheet(file.bytes)) as Cell[][];
      const sheet = splitSheet(rows.map((r) => r.map((c) => (c === undefined ? null : c))));
      const expected = expectedTable(report);
      expect(sheet.header).toEqual(HEADER);
      expect(sheet.links).toEqual(expected.rows);
      for (const [label, value] of expected.totals)
        expect([label, sheet.totals.get(label)]).toEqual([label, value]);
    });
  });
}
