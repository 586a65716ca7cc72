/**
 * Pure mapping of a sales sequence (Datananas "Statistics" tab) to exported
 * tables: the steps with their rates and the summed row, then the click
 * performance per link, as the panel's Sequence view shows them (rates
 * recomputed from the counts by utils/panel/sequence-view.ts). CSV and XLSX
 * writers only serialise these.
 */
import { clickPerformance, sequenceSummary, stepRows } from '../panel/sequence-view.ts';
import type { SequenceReport } from '../report/report-types.ts';
import { pct, type ExportTable } from './report-table.ts';

export function sequenceTables(report: SequenceReport): ExportTable[] {
  const sum = sequenceSummary(report);
  const steps: ExportTable = {
    columns: ['Step', 'Name', 'Sent', 'Single opens', 'Single clicks', 'Open rate', 'Click rate'],
    rows: [
      ...stepRows(report).map((s) => [
        s.step,
        s.name,
        s.sent,
        s.singleOpens,
        s.singleClicks,
        pct(s.openRate),
        pct(s.clickRate),
      ]),
      [
        'All steps',
        report.name,
        sum.sent,
        sum.singleOpens,
        sum.singleClicks,
        pct(sum.openRate),
        pct(sum.clickRate),
      ],
    ],
    totals: [],
  };
  const clicks: ExportTable = {
    columns: ['Link', 'Name', 'Click rate', 'Clicks', 'Step'],
    rows: clickPerformance(report).map((r) => [
      r.address,
      r.name,
      pct(r.clickRate),
      r.clicks,
      r.step,
    ]),
    totals: [],
  };
  return [steps, clicks];
}
