/**
 * What the panel's link table renders: page placements matched to report rows
 * (the result of utils/links/match.ts, adapted by panel-model.ts) and the
 * report rows that matched no placement on the page. Rows are the one report
 * shape of every source (SourceLinkRow: unknown counts are null).
 */
import type { PlacementProof } from '../links/placement-match.ts';
import type { Period } from '../report/model.ts';
import type { SourceLinkRow } from '../sources/source-report.ts';

export interface PlacementView {
  /** 0-based position among the page's links in document order (locate/highlight key). */
  ordinal: number;
  /** href as found on the page. */
  url: string;
  /** Visible text or image alt on the page ('' when none). */
  name: string;
  /** The report row counted for this placement; null when the report has none. */
  row: SourceLinkRow | null;
  /**
   * Placements with this link's identity ("one of N"); when sharedRow, the
   * source counts them together (per-URL reporting) and each shows the whole
   * row's numbers. 1 when the link is unique on the page.
   */
  duplicateCount: number;
  /** 1-based position among the placements sharing the row. */
  duplicateIndex: number;
  /** The duplicates share one report row (per-URL counts), rather than one row each. */
  sharedRow: boolean;
  /** The link has no visible box on the page (display:none, zero size, clipped). */
  hidden: boolean;
  /**
   * Matched by placement (a tracking token that differs per reader): the
   * evidence that paired it with its row and how sure that is. Absent when
   * the link matched by its id, ordinal or URL.
   */
  placementProof?: PlacementProof;
}

export type { PlacementProof };

export interface PanelMatch {
  placements: PlacementView[];
  /** Report rows found on no placement of the page ("in report, not found on page"). */
  unmatchedRows: SourceLinkRow[];
}

export type SortColumn =
  'ordinal' | 'url' | 'name' | 'uniqueClicks' | 'share' | 'ctr' | 'totalClicks' | 'ctor';

export type SortDirection = 'ascending' | 'descending';

export interface SortState {
  column: SortColumn;
  direction: SortDirection;
}

/** The report's scope picked in the version picker: one version, or all versions in a period. */
export interface PeriodSelection {
  /** null: all versions. */
  versionId: string | null;
  period: Period;
}

export type ExportFormat = 'csv' | 'xlsx';

export type ColorScheme = 'light' | 'dark' | 'auto';
