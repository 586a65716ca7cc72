/**
 * The per-link table: one row per link placement on the page, sortable by
 * every column, then the report rows that were not found on the page.
 */
import type { Capability } from '../utils/report/report-types.ts';
import type { SourceLinkRow } from '../utils/sources/source-report.ts';
import { LINK_COLUMNS } from '../utils/panel/columns.ts';
import type { PlacementView, SortColumn, SortState } from '../utils/panel/view-types.ts';
import { LinkRow } from './LinkRow.tsx';
import { SortHeader } from './SortHeader.tsx';
import { UnmatchedRows } from './UnmatchedRows.tsx';

export interface LinkTableProps {
  /** Placements in display order (already sorted). */
  placements: readonly PlacementView[];
  unmatchedRows: readonly SourceLinkRow[];
  sort: SortState;
  onSort(column: SortColumn): void;
  shares: ReadonlyMap<string, number | null>;
  capabilities: readonly Capability[];
  highlighted: number | null;
  /** The busiest report row's unique clicks (heat swatch scale, as the badges use). */
  maxClicks: number;
  locale?: string;
  /** Names the source in the "—" reasons. */
  sourceName?: string;
  onLocate(ordinal: number): void;
  onHighlight(ordinal: number | null): void;
}

export function LinkTable(props: LinkTableProps) {
  return (
    <div class="cml-section">
      <div class="cml-table-scroll">
        <table class="cml-table cml-links">
          <caption>Links on this page</caption>
          <thead>
            <tr>
              {LINK_COLUMNS.map((column) => (
                <SortHeader
                  key={column.id}
                  column={column}
                  sort={props.sort}
                  onSort={props.onSort}
                />
              ))}
              <th scope="col">
                <span class="cml-visually-hidden">Locate</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {props.placements.map((p) => (
              <LinkRow
                key={p.ordinal}
                placement={p}
                shares={props.shares}
                capabilities={props.capabilities}
                maxClicks={props.maxClicks}
                highlighted={props.highlighted === p.ordinal}
                locale={props.locale}
                sourceName={props.sourceName}
                onLocate={props.onLocate}
                onHighlight={props.onHighlight}
              />
            ))}
          </tbody>
        </table>
      </div>
      {props.placements.length === 0 && <p>No links found on this page.</p>}
      <UnmatchedRows rows={props.unmatchedRows} shares={props.shares} locale={props.locale} />
    </div>
  );
}
