/**
 * A sortable column header: a real button (Enter/Space/click) inside a th
 * that carries aria-sort while it is the sorted column.
 */
import type { ColumnSpec } from '../utils/panel/columns.ts';
import type { SortColumn, SortState } from '../utils/panel/view-types.ts';

export interface SortHeaderProps {
  column: ColumnSpec;
  sort: SortState;
  onSort(column: SortColumn): void;
}

export function SortHeader({ column, sort, onSort }: SortHeaderProps) {
  const active = sort.column === column.id;
  return (
    <th
      scope="col"
      class={column.numeric ? 'cml-num' : undefined}
      aria-sort={active ? sort.direction : undefined}
      data-column={column.id}
    >
      <button type="button" aria-label={column.spokenLabel} onClick={() => onSort(column.id)}>
        {column.label}
        <span aria-hidden="true" class="cml-sort-icon">
          {active ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}
        </span>
      </button>
    </th>
  );
}
