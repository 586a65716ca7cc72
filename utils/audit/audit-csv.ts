/**
 * The audit as an export table (one row per finding, with the placement's
 * number, link and text) and as CSV through utils/export's writer, so the
 * QA list opens in Excel like the click map export.
 */
import { tableToCsv } from '../export/csv.ts';
import type { CellValue, ExportTable } from '../export/report-table.ts';
import type { AuditResult } from './types.ts';

export const AUDIT_COLUMNS = ['#', 'Severity', 'Rule', 'Link', 'Text', 'Message'];

export function auditRows(result: AuditResult): CellValue[][] {
  const byOrdinal = new Map(result.placements.map((p) => [p.ordinal, p]));
  return result.findings.map((finding) => {
    const placement =
      finding.placementOrdinal === undefined ? undefined : byOrdinal.get(finding.placementOrdinal);
    return [
      placement ? placement.number : null,
      finding.severity,
      finding.rule,
      placement ? placement.href : null,
      placement ? placement.text : null,
      finding.message,
    ];
  });
}

export function auditTable(result: AuditResult): ExportTable {
  return {
    columns: AUDIT_COLUMNS,
    rows: auditRows(result),
    totals: [
      ['Links', result.placements.length],
      ['Errors', result.counts.error],
      ['Warnings', result.counts.warning],
      ['Info', result.counts.info],
    ],
  };
}

export function auditToCsv(result: AuditResult): string {
  return tableToCsv(auditTable(result));
}
