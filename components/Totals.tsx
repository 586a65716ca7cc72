/**
 * The totals block: the three headline numbers (unique opens, unique clicks,
 * unsubscribed, as Altcraft shows them), then the detail numbers, and the
 * "include machine clicks" switch. Numbers the source cannot give are "—"
 * with the reason as title (see utils/panel/totals-view.ts), never 0.
 */
import { useId } from 'preact/hooks';
import type { Capability } from '../utils/report/report-types.ts';
import type { SourceTotals } from '../utils/sources/source-report.ts';
import { totalsCells, type MetricCell } from '../utils/panel/totals-view.ts';
import { t } from '../utils/i18n/i18n.ts';

export interface TotalsProps {
  totals: SourceTotals;
  capabilities: readonly Capability[];
  machineClicksIncluded: boolean;
  onMachineClicksChange(include: boolean): void;
  locale?: string;
  /** Names the source in the reasons ("listmonk does not report opens."). */
  sourceName?: string;
}

function Metric({ cell }: { cell: MetricCell }) {
  return (
    <div data-metric={cell.id}>
      <dt>{cell.label}</dt>
      <dd class={cell.missing ? 'cml-missing' : undefined} title={cell.title}>
        {cell.text}
        {cell.missing && <span class="cml-visually-hidden"> ({cell.title})</span>}
        {cell.note !== undefined && <span class="cml-metric-note">{cell.note}</span>}
      </dd>
    </div>
  );
}

export function Totals(props: TotalsProps) {
  const switchId = useId();
  const cells = totalsCells(props.totals, props.capabilities, props.locale, props.sourceName);
  const canDetect = props.capabilities.includes('machine-clicks');
  return (
    <section class="cml-section cml-totals" aria-label={t('totalsLabel')}>
      <dl class="cml-headline">
        {cells
          .filter((c) => c.headline)
          .map((c) => (
            <Metric key={c.id} cell={c} />
          ))}
      </dl>
      <dl class="cml-metrics">
        {cells
          .filter((c) => !c.headline)
          .map((c) => (
            <Metric key={c.id} cell={c} />
          ))}
      </dl>
      <div class="cml-switch">
        <input
          id={switchId}
          type="checkbox"
          role="switch"
          checked={props.machineClicksIncluded}
          disabled={!canDetect}
          title={
            canDetect
              ? undefined
              : t('sourceNoMachineClicks', props.sourceName ?? t('theDataSource'))
          }
          onChange={(e) => props.onMachineClicksChange(e.currentTarget.checked)}
        />
        <label for={switchId}>{t('includeMachineClicks')}</label>
      </div>
    </section>
  );
}
