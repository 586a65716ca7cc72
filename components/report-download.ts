/**
 * The panel's default export: builds the file with utils/export (loaded on
 * first use, so the writers stay out of the panel's startup) and starts a
 * download through a temporary <a download> inside our own shadow root.
 */
import type { ExportableReport } from '../utils/export/report-table.ts';
import type { SequenceReport } from '../utils/report/report-types.ts';
import { exportFileName, sequenceExportName } from '../utils/panel/export-name.ts';
import type { ExportFormat } from '../utils/panel/view-types.ts';
import { downloadBlob } from './download.ts';

export async function buildExportBlob(
  report: ExportableReport,
  format: ExportFormat,
): Promise<Blob> {
  if (format === 'csv') {
    const { reportToCsv } = await import('../utils/export/csv-export.ts');
    return new Blob([reportToCsv(report)], { type: 'text/csv;charset=utf-8' });
  }
  const { reportToXlsxBlob } = await import('../utils/export/xlsx-browser.ts');
  return reportToXlsxBlob(report);
}

/** Builds the export and downloads it; `container` is an element of the panel. */
export async function downloadReport(
  report: ExportableReport,
  format: ExportFormat,
  container: Element,
): Promise<string> {
  const name = exportFileName(report, format);
  downloadBlob(await buildExportBlob(report, format), name, container);
  return name;
}

/** The Sequence view's export: steps and click performance (utils/export/sequence-table.ts). */
export async function downloadSequence(
  report: SequenceReport,
  format: ExportFormat,
  container: Element,
): Promise<string> {
  const name = sequenceExportName(report.sequenceId, format, Date.now());
  const blob =
    format === 'csv'
      ? new Blob([(await import('../utils/export/csv-export.ts')).sequenceToCsv(report)], {
          type: 'text/csv;charset=utf-8',
        })
      : await (await import('../utils/export/xlsx-browser.ts')).sequenceToXlsxBlob(report);
  downloadBlob(blob, name, container);
  return name;
}
