/**
 * Sales-sequence report (Datananas style): per-step sent / single opens /
 * single clicks with rates, the summed row (sums of single opens and clicks
 * over sums of sent, so never above 100%), click performance per link, and
 * the caveats (pixel blocking, bounce pings) passed in as data.
 */
import { useRef } from 'preact/hooks';
import type { SequenceReport } from '../utils/report/report-types.ts';
import { formatCount, formatPercent, shortenUrl } from '../utils/panel/format.ts';
import { clickPerformance } from '../utils/panel/sequence-view.ts';
import type { ExportFormat } from '../utils/panel/view-types.ts';
import { ExportButtons } from './ExportButtons.tsx';
import { downloadSequence } from './report-download.ts';
import { t } from '../utils/i18n/i18n.ts';

export interface SequenceViewProps {
  report: SequenceReport;
  notes: readonly string[];
  locale?: string;
  /** Says how the export went (the panel's live region). */
  onAnnounce?(message: string): void;
  /** Replaces the built-in download (utils/export + <a download>). */
  onExport?(format: ExportFormat, report: SequenceReport): void;
}

const FORMAT_NAMES: Record<ExportFormat, string> = { csv: 'CSV', xlsx: 'Excel' };

/** A rate cell; null (nothing sent) shows "—" with the reason. */
function RateCell({ rate, locale }: { rate: number | null; locale?: string }) {
  if (rate === null) {
    return (
      <td class="cml-num cml-missing" title="Nothing was sent at this step.">
        {formatPercent(null, locale)}
      </td>
    );
  }
  return <td class="cml-num">{formatPercent(rate, locale)}</td>;
}

function StepsTable({ report, locale }: { report: SequenceReport; locale?: string }) {
  const n = (v: number) => formatCount(v, locale);
  const s = report.summary;
  return (
    <table class="cml-table cml-steps">
      <caption>{t('seqSteps')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('seqStep')}</th>
          <th scope="col">{t('colName')}</th>
          <th scope="col" class="cml-num">
            {t('metricSent')}
          </th>
          <th scope="col" class="cml-num">
            {t('seqSingleOpens')}
          </th>
          <th scope="col" class="cml-num">
            {t('seqOpenRate')}
          </th>
          <th scope="col" class="cml-num">
            {t('seqSingleClicks')}
          </th>
          <th scope="col" class="cml-num">
            {t('seqClickRate')}
          </th>
        </tr>
      </thead>
      <tbody>
        {report.steps.map((step) => (
          <tr key={step.step} data-step={step.step}>
            <td class="cml-num">{n(step.step)}</td>
            <td>{step.name}</td>
            <td class="cml-num">{n(step.sent)}</td>
            <td class="cml-num">{n(step.singleOpens)}</td>
            <RateCell rate={step.openRate} locale={locale} />
            <td class="cml-num">{n(step.singleClicks)}</td>
            <RateCell rate={step.clickRate} locale={locale} />
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr data-step="all">
          <th scope="row" colSpan={2}>
            {t('seqAllSteps')}
          </th>
          <td class="cml-num">{n(s.sent)}</td>
          <td class="cml-num">{n(s.singleOpens)}</td>
          <RateCell rate={s.openRate} locale={locale} />
          <td class="cml-num">{n(s.singleClicks)}</td>
          <RateCell rate={s.clickRate} locale={locale} />
        </tr>
      </tfoot>
    </table>
  );
}

function ClickPerformance({ report, locale }: { report: SequenceReport; locale?: string }) {
  if (report.clickPerformance.length === 0) return <p>{t('seqNoClicks')}</p>;
  return (
    <table class="cml-table cml-click-performance">
      <caption>{t('seqClickPerformance')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('seqAddress')}</th>
          <th scope="col">{t('colName')}</th>
          <th scope="col" class="cml-num">
            {t('seqClickRate')}
          </th>
          <th scope="col" class="cml-num">
            {t('seqClicks')}
          </th>
          <th scope="col" class="cml-num">
            {t('seqStep')}
          </th>
        </tr>
      </thead>
      <tbody>
        {clickPerformance(report).map((row, i) => (
          <tr key={`${row.step}:${row.address}:${i}`}>
            <td class="cml-url">
              <span title={row.address}>{shortenUrl(row.address)}</span>
            </td>
            <td>{row.name}</td>
            <RateCell rate={row.clickRate} locale={locale} />
            <td class="cml-num">{formatCount(row.clicks, locale)}</td>
            <td class="cml-num">{formatCount(row.step, locale)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function SequenceView({ report, notes, locale, onAnnounce, onExport }: SequenceViewProps) {
  const rootRef = useRef<HTMLDivElement>(null);
  const exportSequence = (format: ExportFormat) => {
    if (onExport) return onExport(format, report);
    const container = rootRef.current;
    if (!container) return;
    downloadSequence(report, format, container).then(
      (name) => onAnnounce?.(t('exportedFile', FORMAT_NAMES[format], name)),
      (err: unknown) =>
        onAnnounce?.(t('exportFailed', err instanceof Error ? err.message : String(err))),
    );
  };
  return (
    <div class="cml-sequence" ref={rootRef}>
      <div class="cml-toolbar">
        <ExportButtons onExport={exportSequence} />
      </div>
      <section class="cml-section cml-table-scroll" aria-label={t('seqStepsLabel')}>
        <StepsTable report={report} locale={locale} />
      </section>
      <section class="cml-section cml-table-scroll" aria-label={t('seqClickPerformance')}>
        <ClickPerformance report={report} locale={locale} />
      </section>
      {notes.length > 0 && (
        <section class="cml-section" aria-label={t('seqNotes')}>
          <h3>{t('seqNotes')}</h3>
          <ul class="cml-notes">
            {notes.map((note, i) => (
              <li key={i}>{note}</li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
