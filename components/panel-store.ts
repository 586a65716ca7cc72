/**
 * State of one side panel instance: what it shows (loading, no data, not
 * configured, error, a click map, a sequence), the table's sort, and the link
 * under the pointer. Created per panel (no module-level singletons) so two
 * panels, or a panel and a test, never share state. The content script
 * drives it with setStatus; components read the signals and derived values.
 */
import { computed, signal, type ReadonlySignal } from '@preact/signals';
import type { ClickMapReport, SequenceReport } from '../utils/report/report-types.ts';
import { columnLabel, displayShares } from '../utils/panel/columns.ts';
import { nextSort, sortPlacements } from '../utils/panel/sort.ts';
import type {
  PanelMatch,
  PlacementView,
  SortColumn,
  SortState,
} from '../utils/panel/view-types.ts';

export type PanelStatus =
  | { kind: 'loading' }
  | { kind: 'no-data'; message?: string }
  | { kind: 'not-configured' }
  | { kind: 'error'; reason: string }
  | { kind: 'ready'; report: ClickMapReport; match: PanelMatch }
  | { kind: 'sequence'; report: SequenceReport; notes: string[] };

export interface PanelStore {
  readonly status: ReadonlySignal<PanelStatus>;
  readonly templateName: ReadonlySignal<string | null>;
  readonly sort: ReadonlySignal<SortState>;
  /** Ordinal of the placement under the pointer (table row or page badge). */
  readonly highlighted: ReadonlySignal<number | null>;
  /** Latest message for the aria-live region. */
  readonly announcement: ReadonlySignal<string>;
  readonly locale: string | undefined;
  /** The ready report's placements in the current sort order ([] otherwise). */
  readonly sortedPlacements: ReadonlySignal<PlacementView[]>;
  /** Displayed share per report row key (sums to 100.00%). */
  readonly shares: ReadonlySignal<ReadonlyMap<string, number | null>>;
  setStatus(status: PanelStatus): void;
  setTemplateName(name: string | null): void;
  /** Sort by a column: a new column starts in its natural order, the same column flips. */
  sortBy(column: SortColumn): void;
  setHighlighted(ordinal: number | null): void;
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
      return 'Loading click map…';
    case 'no-data':
      return 'No click data for this email yet.';
    case 'not-configured':
      return 'Clickmap Lens is not connected to a data source yet.';
    case 'error':
      return `Could not load the click map: ${status.reason}`;
    case 'ready':
      return `Click map ready: ${status.match.placements.length} links on the page.`;
    case 'sequence':
      return `Sequence report ready: ${status.report.steps.length} steps.`;
  }
}

export function createPanelStore(init: PanelStoreInit = {}): PanelStore {
  const status = signal<PanelStatus>(init.status ?? { kind: 'loading' });
  const templateName = signal<string | null>(init.templateName ?? null);
  const sort = signal<SortState>(init.sort ?? { column: 'ordinal', direction: 'ascending' });
  const highlighted = signal<number | null>(null);
  const announcement = signal(describeStatus(status.value));
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
    locale,
    sortedPlacements,
    shares,
    setStatus(next) {
      status.value = next;
      announcement.value = describeStatus(next);
    },
    setTemplateName(name) {
      templateName.value = name;
    },
    sortBy(column) {
      const next = nextSort(sort.value, column);
      sort.value = next;
      announcement.value = `Sorted by ${columnLabel(next.column)}, ${next.direction}.`;
    },
    setHighlighted(ordinal) {
      highlighted.value = ordinal;
    },
    announce(message) {
      announcement.value = message;
    },
  };
}
