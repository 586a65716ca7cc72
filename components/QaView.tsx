/**
 * Pre-send QA mode: every link placement numbered as on the email's badges,
 * the audit's findings grouped by rule (worst first) with a severity filter
 * and counts, and a CSV export through utils/export's writer. No stats, no
 * data source needed.
 */
import { useRef, useState } from 'preact/hooks';
import { groupFindings, RULE_TITLES } from '../utils/audit/groups.ts';
import type { AuditFinding, NumberedPlacement, Severity } from '../utils/audit/types.ts';
import { shortenUrl } from '../utils/panel/format.ts';
import type { QaState } from './panel-store.ts';
import { downloadText } from './download.ts';

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
            aria-label={`Locate link ${placement.number} in the email`}
            onClick={() => props.onLocate(placement.ordinal)}
          >
            #{placement.number}
          </button>
        ) : (
          'all'
        )}
      </td>
      <td>
        <span class="cml-severity" data-severity={finding.severity}>
          {finding.severity}
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

const FILTERS: readonly [Severity, string][] = [
  ['info', 'All findings'],
  ['warning', 'Errors and warnings'],
  ['error', 'Errors only'],
];

export function QaView({ qa, onLocate, onHighlight, onExported }: QaViewProps) {
  const rootRef = useRef<HTMLDivElement>(null);
  const [minimum, setMinimum] = useState<Severity>('info');
  if (!qa) {
    return (
      <div class="cml-status" data-state="qa-empty">
        <p>No email preview to check on this page.</p>
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
          {result.placements.length} links · {result.counts.error} errors · {result.counts.warning}{' '}
          warnings · {result.counts.info} info
        </p>
        <label>
          Show
          <select
            class="cml-qa-filter"
            value={minimum}
            onChange={(e) => setMinimum((e.currentTarget as HTMLSelectElement).value as Severity)}
          >
            {FILTERS.map(([value, text]) => (
              <option key={value} value={value}>
                {text}
              </option>
            ))}
          </select>
        </label>
        <button type="button" class="cml-primary cml-qa-export" onClick={() => void exportCsv()}>
          Export CSV
        </button>
      </div>
      {result.findings.length === 0 ? (
        <p class="cml-section">No problem found in the {result.placements.length} links.</p>
      ) : groups.length === 0 ? (
        <p class="cml-section">No finding at this severity.</p>
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
                {group.severity}
              </span>{' '}
              {RULE_TITLES[group.rule]} ({group.findings.length})
            </h3>
            <table class="cml-table cml-qa-findings">
              <thead>
                <tr>
                  <th scope="col">Link</th>
                  <th scope="col">Severity</th>
                  <th scope="col">Rule</th>
                  <th scope="col">URL</th>
                  <th scope="col">Problem</th>
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
