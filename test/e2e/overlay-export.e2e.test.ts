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

const HEADER = [
  'Position',
  'Link id',
  'Link',
  'Name',
  'Unique clicks',
  '% of total',
  'CTR',
  'Total clicks',
  'CTOR',
];

/** A CSV rate: a percentage to 4 decimals ("12.5%"); the xlsx keeps the unrounded fraction. */
const csvPercent = (rate: number | null): Cell =>
  rate === null ? null : `${Number((rate * 100).toFixed(4))}%`;
const asIs = (rate: number | null): Cell => rate;

/** The report's link rows and totals as the export must hold them. */
function expectedTable(report: ClickMapReport, rate: (r: number | null) => Cell) {
  const t = report.totals;
  return {
    rows: report.links.map((row): Cell[] => [
      row.ordinal === null ? null : row.ordinal + 1,
      row.linkId,
      row.dynamic && row.finalDomain ? `${row.url} (${row.finalDomain})` : row.url,
      row.name,
      row.uniqueClicks,
      rate(row.shareOfClicks),
      rate(row.ctr),
      row.totalClicks,
      rate(row.ctor),
    ]),
    totals: new Map<string, Cell>([
      ['Sent', t.sent],
      ['Delivered', t.delivered],
      ['Unique opens', t.uniqueOpens],
      ['Unique clicks', t.uniqueClicks],
      ['Total clicks', t.totalClicks],
      ['Unsubscribed', t.unsubscribed],
      ['CTR', rate(t.ctr)],
    ]),
    header: new Map<string, Cell>([
      ['Template', report.templateId],
      ['Version', 'all versions'],
      ['Period', 'all time'],
      ['Machine clicks', report.machineClicksIncluded ? null : 'excluded (human clicks only)'],
    ]),
  };
}

/** CSV cells are text: numbers back to numbers, empty to null (as the writer wrote them). */
function csvValue(text: string | undefined): Cell {
  if (text === undefined || text === '') return null;
  return /^-?\d+(\.\d+)?(e-?\d+)?$/i.test(text) ? Number(text) : text;
}

const isBlank = (r: Cell[]): boolean => r.every((c) => c === null || c === '');

/** Splits an exported sheet (about block, blank row, columns, link rows, blank row, totals). */
function splitSheet(rows: Cell[][]) {
  const start = rows.findIndex((r) => r[0] === 'Position');
  const about = new Map(
    rows
      .slice(0, start)
      .filter((r) => !isBlank(r))
      .map((r) => [String(r[0]), r[1] ?? null]),
  );
  const blank = rows.findIndex((r, i) => i > start && isBlank(r));
  const links = rows.slice(start + 1, blank);
  const totals = new Map(rows.slice(blank + 1).map((r) => [String(r[0]), r[1] ?? null]));
  return { about, header: rows[start], links, totals };
}

function expectSheet(
  sheet: ReturnType<typeof splitSheet>,
  expected: ReturnType<typeof expectedTable>,
) {
  expect(sheet.header).toEqual(HEADER);
  expect(sheet.links).toEqual(expected.rows);
  for (const [label, value] of expected.totals)
    expect([label, sheet.totals.get(label)]).toEqual([label, value]);
  for (const [label, value] of expected.header)
    if (value !== null) expect([label, sheet.about.get(label)]).toEqual([label, value]);
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
      expect(file.name).toMatch(
        /^clickmap-newsletter-(\S+-)?all-versions-human-clicks-\d{4}-\d{2}-\d{2}\.csv$/,
      );
      const text = file.bytes.toString('utf8');
      expect(text.startsWith('\uFEFF')).toBe(true);
      const sheet = splitSheet(parseCsv(text).map((r) => r.map(csvValue)));
      expectSheet(sheet, expectedTable(report, csvPercent));
    });

    it('Export Excel downloads an xlsx with the same table', async () => {
      const page = await openReady();
      const file = await page.download('.cml-export button:last-of-type');
      await page.close();
      expect(file.name).toMatch(
        /^clickmap-newsletter-(\S+-)?all-versions-human-clicks-\d{4}-\d{2}-\d{2}\.xlsx$/,
      );
      // An xlsx is a zip: "PK\3\4".
      expect([...file.bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
      const rows = (await readSheet(file.bytes)) as Cell[][];
      const sheet = splitSheet(rows.map((r) => r.map((c) => (c === undefined ? null : c))));
      expectSheet(sheet, expectedTable(report, asIs));
    });
  });
}
