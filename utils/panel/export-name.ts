/** File names of exported reports: template, scope and generation day, safe on every OS. */
import type { ExportableReport } from '../export/report-table.ts';
import type { ExportFormat } from './view-types.ts';

function slug(text: string): string {
  const s = text
    .normalize('NFKD')
    .replace(/[^\w.-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return s || 'report';
}

function isoDay(millis: number): string {
  return new Date(millis).toISOString().slice(0, 10);
}

/**
 * e.g. "clickmap-tpl-the-download-v2-2024-06-01--2024-06-30-all-clicks-2024-06-29.xlsx":
 * template, the one campaign when the report covers one, version, period (inclusive UTC
 * days) when one is set, whether machine clicks are counted, generation day (UTC).
 */
export function exportFileName(report: ExportableReport, format: ExportFormat): string {
  const parts = [`clickmap-${slug(report.templateId)}`];
  const [campaign, ...others] = report.campaignIds;
  if (campaign !== undefined && others.length === 0) parts.push(slug(campaign));
  parts.push(report.versionId === null ? 'all-versions' : slug(report.versionId));
  const { from, to } = report.period;
  if (from !== undefined || to !== undefined)
    parts.push(
      `${from === undefined ? 'start' : isoDay(from)}--${to === undefined ? 'now' : isoDay(to - 1)}`,
    );
  parts.push(report.machineClicksIncluded ? 'all-clicks' : 'human-clicks');
  return `${parts.join('-')}-${isoDay(report.generatedAt)}.${format}`;
}

/** e.g. "sequence-sales-q4-2024-06-29.csv" (export day in UTC: a sequence report has no generation time). */
export function sequenceExportName(sequenceId: string, format: ExportFormat, now: number): string {
  return `sequence-${slug(sequenceId)}-${isoDay(now)}.${format}`;
}
