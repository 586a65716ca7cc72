/**
 * What the report's source cannot give (its missing capabilities) and the
 * source's own notes ("listmonk reports its top 50 links only"), above the
 * numbers they qualify. Nothing for a source that gives everything.
 */
import { cannotGive } from '../utils/panel/limits.ts';
import type { SourceReport } from '../utils/sources/source-report.ts';
import { t } from '../utils/i18n/i18n.ts';

export interface SourceLimitsProps {
  report: SourceReport;
  sourceName: string;
}

export function SourceLimits({ report, sourceName }: SourceLimitsProps) {
  const lacking = cannotGive(report);
  const notes = report.notes.map((note) => note.text);
  if (lacking.length === 0 && notes.length === 0) return null;
  return (
    <section class="cml-section cml-limits" aria-label={t('sourceLimitsLabel')}>
      {lacking.length > 0 && (
        <>
          <h3>{t('notAvailableFrom', sourceName)}</h3>
          <ul class="cml-notes" data-list="cannot-give">
            {lacking.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </>
      )}
      {notes.length > 0 && (
        <ul class="cml-notes" data-list="notes">
          {notes.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
