/**
 * Pre-send QA mode: every link placement numbered as on the email's badges,
 * the audit's findings grouped by rule (worst first) with a severity filter
 * and counts, and a CSV export through utils/export's writer. No stats, no
 * data source needed.
 */
import { useRef, useState } from 'preact/hooks';
import { groupFindings, ruleTitle } from '../utils/audit/groups.ts';
import type { AuditFinding, NumberedPlacement, Severity } from '../utils/audit/types.ts';
import { shortenUrl } from '../utils/panel/format.ts';
import type { QaState } from './panel-store.ts';
import { downloadText } from './download.ts';
import { t, tn, type MessageKey } from '../utils/i18n/i18n.ts';

export interface QaViewProps {
  qa: QaState | null;
  onLocate(ordinal: number): void;
  onHighlight(ordinal: number | null): void;
  /** Told after an export (for the live region). */
  onExported?(name: string): void;
}

function FindingRow(props: {
  finding: AuditFinding;
  placement: NumberedPlacement | undefined;
  onLocate(ordinal: number): void;
  onHighlight(ordinal: number | null): void;
}) {
  const { finding, placement } = props;
  return (
    <tr
      data-severity={finding.severity}
      data-rule={finding.rule}
      data-ordinal={placement?.ordinal}
      onMouseEnter={() => placement && props.onHighlight(placement.ordinal)}
      onMouseLeave={() => placement && props.onHighlight(null)}
    >
      <td class="cml-num">
        {placement ? (
          <button
            type="button"
            class="cml-locate"
            aria-label={t('locateLinkLabel', String(placement.number))}
            onClick={() => props.onLocate(placement.ordinal)}
          >
            #{placement.number}
          </button>
        ) : (
          t('qaAllLinks')
        )}
      </td>
      <td>
        <span class="cml-severity" data-severity={finding.severity}>
          {t(SEVERITY_KEYS[finding.severity])}
        </span>
      </td>
      <td>{finding.rule}</td>
      <td class="cml-url">
        {placement && <span title={placement.href}>{shortenUrl(placement.href, 32)}</span>}
      </td>
      <td>{finding.message}</td>
    </tr>
  );
}

const FILTERS: readonly [Severity, MessageKey][] = [
  ['info', 'qaFilterAll'],
  ['warning', 'qaFilterWarnings'],
  ['error', 'qaFilterErrors'],
];

const SEVERITY_KEYS = {
  error: 'severityError',
  warning: 'severityWarning',
  info: 'severityInfo',
} as const satisfies Record<Severity, MessageKey>;

export function QaView({ qa, onLocate, onHighlight, onExported }: QaViewProps) {
  const rootRef = useRef<HTMLDivElement>(null);
  const [minimum, setMinimum] = useState<Severity>('info');
  if (!qa) {
    return (
      <div class="cml-status" data-state="qa-empty">
        <p>{t('qaNoPreview')}</p>
      </div>
    );
  }
  const { result } = qa;
  const groups = groupFindings(result.findings, minimum);
  const byOrdinal = new Map(result.placements.map((p) => [p.ordinal, p]));
  const exportCsv = async () => {
    const { auditToCsv } = await import('../utils/audit/audit-csv.ts');
    const container = rootRef.current;
    if (!container) return;
    const name = `${qa.name}-link-check.csv`;
    downloadText(auditToCsv(result), 'text/csv;charset=utf-8', name, container);
    onExported?.(name);
  };
  return (
    <div class="cml-qa" ref={rootRef}>
      <div class="cml-toolbar">
        <p class="cml-qa-summary">
          {[
            tn('linkCount', result.placements.length),
            tn('errorCount', result.counts.error),
            tn('warningCount', result.counts.warning),
            tn('infoCount', result.counts.info),
          ].join(' · ')}
        </p>
        <label>
          {t('qaShow')}
          <select
            class="cml-qa-filter"
            value={minimum}
            onChange={(e) => setMinimum((e.currentTarget as HTMLSelectElement).value as Severity)}
          >
            {FILTERS.map(([value, text]) => (
              <option key={value} value={value}>
                {t(text)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" class="cml-primary cml-qa-export" onClick={() => void exportCsv()}>
          {t('qaExportCsv')}
        </button>
      </div>
      {result.findings.length === 0 ? (
        <p class="cml-section">{tn('qaNoProblem', result.placements.length)}</p>
      ) : groups.length === 0 ? (
        <p class="cml-section">{t('qaNoFindingAtSeverity')}</p>
      ) : (
        groups.map((group) => (
          <section
            key={group.rule}
            class="cml-section cml-table-scroll cml-qa-group"
            data-rule={group.rule}
            aria-labelledby={`cml-qa-${group.rule}`}
          >
            <h3 id={`cml-qa-${group.rule}`}>
              <span class="cml-severity" data-severity={group.severity}>
                {t(SEVERITY_KEYS[group.severity])}
              </span>{' '}
              {ruleTitle(group.rule)} ({group.findings.length})
            </h3>
            <table class="cml-table cml-qa-findings">
              <thead>
                <tr>
                  <th scope="col">{t('colLink')}</th>
                  <th scope="col">{t('qaColSeverity')}</th>
                  <th scope="col">{t('qaColRule')}</th>
                  <th scope="col">{t('qaColUrl')}</th>
                  <th scope="col">{t('qaColProblem')}</th>
                </tr>
              </thead>
              <tbody>
                {group.findings.map((finding, i) => (
                  <FindingRow
                    key={i}
                    finding={finding}
                    placement={
                      finding.placementOrdinal === undefined
                        ? undefined
                        : byOrdinal.get(finding.placementOrdinal)
                    }
                    onLocate={onLocate}
                    onHighlight={onHighlight}
                  />
                ))}
              </tbody>
            </table>
          </section>
        ))
      )}
    </div>
  );
}
