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

/** e.g. "clickmap-tpl-the-download-v2-2024-06-29.xlsx" (generation day in UTC). */
export function exportFileName(
  report: Pick<ExportableReport, 'templateId' | 'versionId' | 'generatedAt'>,
  format: ExportFormat,
): string {
  const scope = report.versionId === null ? 'all-versions' : slug(report.versionId);
  return `clickmap-${slug(report.templateId)}-${scope}-${isoDay(report.generatedAt)}.${format}`;
}

/** e.g. "sequence-sales-q4-2024-06-29.csv" (export day in UTC: a sequence report has no generation time). */
export function sequenceExportName(sequenceId: string, format: ExportFormat, now: number): string {
  return `sequence-${slug(sequenceId)}-${isoDay(now)}.${format}`;
}
