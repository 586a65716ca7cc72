/**
 * State of one side panel instance: what it shows (loading, no data, not
 * configured, error, a click map, a sequence), the table's sort, and the link
 * under the pointer. Created per panel (no module-level singletons) so two
 * panels, or a panel and a test, never share state. Its controller
 * (panel-controller.ts, beside it) drives it with setStatus; components read
 * the signals and derived values.
 */
import { computed, signal, type ReadonlySignal } from '@preact/signals';
import type { AuditResult } from '../utils/audit/types.ts';
import { DEFAULT_BADGE_METRIC, type BadgeMetric } from '../utils/overlay/badge-metric.ts';
import type { CampaignChoice } from '../utils/messaging/protocol.ts';
import type { SequenceReport } from '../utils/report/report-types.ts';
import { SOURCE_LABELS } from '../utils/settings/sources.ts';
import type { SourceReport } from '../utils/sources/source-report.ts';
import { columnLabel, displayShares } from '../utils/panel/columns.ts';
import { nextSort, sortPlacements } from '../utils/panel/sort.ts';
import type {
  PanelMatch,
  PlacementView,
  SortColumn,
  SortState,
} from '../utils/panel/view-types.ts';
import { t, tn } from '../utils/i18n/i18n.ts';

export type PanelStatus =
  | { kind: 'loading' }
  | {
      kind: 'no-data';
      message?: string;
      /** No campaign matched: every campaign of the source, to pick the right one by hand. */
      campaigns?: CampaignChoice[];
    }
  | { kind: 'not-configured' }
  | { kind: 'error'; reason: string }
  | {
      kind: 'ready';
      /** The one report shape of every source; counts it cannot give are null ("—"). */
      report: SourceReport;
      match: PanelMatch;
      /** The matched template's campaigns, to narrow the report to one (Click Map API). */
      campaigns?: CampaignChoice[];
      /** The campaign picked; null/absent: all campaigns. */
      campaignId?: string | null;
    };

/** Which body the panel shows: the report (per the status), the sequence, or the link check. */
export type PanelView = 'report' | 'sequence' | 'qa';

/** The pre-send link check of the current preview. */
export interface QaState {
  result: AuditResult;
  /** Base of the CSV file name (e.g. the template or site). */
  name: string;
}

export interface PanelStore {
  readonly status: ReadonlySignal<PanelStatus>;
  readonly templateName: ReadonlySignal<string | null>;
  readonly sort: ReadonlySignal<SortState>;
  /** Ordinal of the placement under the pointer (table row or page badge). */
  readonly highlighted: ReadonlySignal<number | null>;
  readonly view: ReadonlySignal<PanelView>;
  /** The sequence the matched campaign is a step of (offered as the "Sequence" view). */
  readonly sequence: ReadonlySignal<SequenceReport | null>;
  readonly qa: ReadonlySignal<QaState | null>;
  /** What the number on each page badge says (remembered by the controller). */
  readonly badgeMetric: ReadonlySignal<BadgeMetric>;
  /** Optional link-table columns switched on (remembered by the controller). */
  readonly tableColumns: ReadonlySignal<readonly string[]>;
  /** Latest message for the aria-live region. */
  readonly announcement: ReadonlySignal<string>;
  readonly locale: string | undefined;
  /** The ready report's placements in the current sort order ([] otherwise). */
  readonly sortedPlacements: ReadonlySignal<PlacementView[]>;
  /** Displayed share per report row key (sums to 100.00%). */
  readonly shares: ReadonlySignal<ReadonlyMap<string, number | null>>;
  setStatus(status: PanelStatus): void;
  setView(view: PanelView): void;
  setSequence(sequence: SequenceReport | null): void;
  setQa(qa: QaState | null): void;
  setTemplateName(name: string | null): void;
  /** Sort by a column: a new column starts in its natural order, the same column flips. */
  sortBy(column: SortColumn): void;
  setHighlighted(ordinal: number | null): void;
  setBadgeMetric(metric: BadgeMetric): void;
  setTableColumns(columns: readonly string[]): void;
  /** Says something through the live region (e.g. "Exported CSV."). */
  announce(message: string): void;
}

export interface PanelStoreInit {
  status?: PanelStatus;
  templateName?: string | null;
  sort?: SortState;
  /** BCP 47 locale for numbers and names; undefined: the browser's. */
  locale?: string;
}

/** What the live region says when the panel changes state. */
export function describeStatus(status: PanelStatus): string {
  switch (status.kind) {
    case 'loading':
      return t('statusLoading');
    case 'no-data':
      return t('statusNoData');
    case 'not-configured':
      return t('statusNotConfigured');
    case 'error':
      return t('announceError', status.reason);
    case 'ready':
      return status.report.source === 'clickmap-api'
        ? tn('announceReady', status.match.placements.length)
        : tn(
            'announceSourceReady',
            status.match.placements.length,
            SOURCE_LABELS[status.report.source],
          );
  }
}

export function createPanelStore(init: PanelStoreInit = {}): PanelStore {
  const status = signal<PanelStatus>(init.status ?? { kind: 'loading' });
  const templateName = signal<string | null>(init.templateName ?? null);
  const sort = signal<SortState>(init.sort ?? { column: 'ordinal', direction: 'ascending' });
  const highlighted = signal<number | null>(null);
  const announcement = signal(describeStatus(status.value));
  const view = signal<PanelView>('report');
  const sequence = signal<SequenceReport | null>(null);
  const qa = signal<QaState | null>(null);
  const badgeMetric = signal<BadgeMetric>(DEFAULT_BADGE_METRIC);
  const tableColumns = signal<readonly string[]>([]);
  const locale = init.locale;

  const sortedPlacements = computed(() => {
    const current = status.value;
    const order = sort.value;
    return current.kind === 'ready' ? sortPlacements(current.match.placements, order, locale) : [];
  });
  const shares = computed<ReadonlyMap<string, number | null>>(() => {
    const s = status.value;
    return s.kind === 'ready' ? displayShares(s.report.links) : new Map();
  });

  return {
    status,
    templateName,
    sort,
    highlighted,
    announcement,
    view,
    sequence,
    qa,
    badgeMetric,
    tableColumns,
    locale,
    sortedPlacements,
    shares,
    setStatus(next) {
      status.value = next;
      announcement.value = describeStatus(next);
    },
    setView(next) {
      view.value = next;
    },
    setSequence(next) {
      sequence.value = next;
      // The sequence view cannot outlive its sequence (a newly opened email is not a step).
      if (next === null && view.value === 'sequence') view.value = 'report';
    },
    setQa(next) {
      qa.value = next;
      if (next) {
        const { error, warning } = next.result.counts;
        announcement.value = t(
          'announceQa',
          [
            tn('linkCount', next.result.placements.length),
            tn('errorCount', error),
            tn('warningCount', warning),
          ].join(', '),
        );
      }
    },
    setTemplateName(name) {
      templateName.value = name;
    },
    sortBy(column) {
      const next = nextSort(sort.value, column);
      sort.value = next;
      announcement.value = t(
        next.direction === 'ascending' ? 'announceSortedUp' : 'announceSortedDown',
        columnLabel(next.column),
      );
    },
    setHighlighted(ordinal) {
      highlighted.value = ordinal;
    },
    setBadgeMetric(metric) {
      badgeMetric.value = metric;
    },
    setTableColumns(columns) {
      tableColumns.value = columns;
    },
    announce(message) {
      announcement.value = message;
    },
  };
}
