/**
 * The per-link table: one row per link placement on the page, sortable by
 * every column, then the report rows that were not found on the page.
 */
import type { Capability } from '../utils/report/report-types.ts';
import type { SourceLinkRow } from '../utils/sources/source-report.ts';
import { shownColumns, tableColumns, type ColumnSpec } from '../utils/panel/columns.ts';
import type { PlacementView, SortColumn, SortState } from '../utils/panel/view-types.ts';
import { LinkRow } from './LinkRow.tsx';
import { SortHeader } from './SortHeader.tsx';
import { UnmatchedRows } from './UnmatchedRows.tsx';
import { t } from '../utils/i18n/i18n.ts';

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
  /** Optional columns switched on (ids); default: none. */
  columns?: readonly string[];
  /** The column chooser's change (its choice is remembered by the caller); no chooser without it. */
  onColumnsChange?: (columns: string[]) => void;
  /** What the source's shares are of: without unique clicks, total clicks are the default column. */
  basis?: 'unique' | 'total';
}

interface ColumnChooserProps {
  options: readonly ColumnSpec[];
  chosen: readonly string[];
  onChange(columns: string[]): void;
}

function ColumnChooser(props: ColumnChooserProps) {
  const toggle = (id: string, on: boolean) =>
    props.onChange(
      props.options
        .filter((c) => c.optional)
        .map((c) => c.id)
        .filter((c) => (c === id ? on : props.chosen.includes(c))),
    );
  return (
    <details class="cml-columns">
      <summary>{t('columnsChooser')}</summary>
      <fieldset>
        <legend class="cml-visually-hidden">{t('columnsChooserLegend')}</legend>
        {props.options
          .filter((c) => c.optional)
          .map((c) => (
            <label key={c.id}>
              <input
                type="checkbox"
                value={c.id}
                checked={props.chosen.includes(c.id)}
                onChange={(e) => toggle(c.id, (e.currentTarget as HTMLInputElement).checked)}
              />{' '}
              {c.spokenLabel ?? c.label}
            </label>
          ))}
      </fieldset>
    </details>
  );
}

export function LinkTable(props: LinkTableProps) {
  const chosen = props.columns ?? [];
  const basis = props.basis ?? 'unique';
  const columns = shownColumns(chosen, basis);
  return (
    <div class="cml-section">
      {props.onColumnsChange && (
        <ColumnChooser
          options={tableColumns(basis)}
          chosen={chosen}
          onChange={props.onColumnsChange}
        />
      )}
      {basis === 'total' && (
        <p class="cml-basis-note" data-note="total-clicks">
          {t('tableShowsTotalClicks', props.sourceName ?? t('theDataSource'))}
        </p>
      )}
      <div class="cml-table-scroll">
        <table class="cml-table cml-links">
          <caption>{t('linksCaption')}</caption>
          <thead>
            <tr>
              {columns.map((column) => (
                <SortHeader
                  key={column.id}
                  column={column}
                  sort={props.sort}
                  onSort={props.onSort}
                />
              ))}
              <th scope="col">
                <span class="cml-visually-hidden">{t('colLocate')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {props.placements.map((p) => (
              <LinkRow
                key={p.ordinal}
                placement={p}
                columns={columns}
                heatColumn={basis === 'total' ? 'totalClicks' : 'uniqueClicks'}
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
      {props.placements.length === 0 && <p>{t('noLinksOnPage')}</p>}
      <UnmatchedRows rows={props.unmatchedRows} shares={props.shares} locale={props.locale} />
    </div>
  );
}
