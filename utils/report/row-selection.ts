/**
 * Which rows countColumns walks, in which order, and whether the log can
 * hold re-deliveries at all: one cheap sequential pass each, so that the
 * counting loop does no filtering it can avoid.
 */
import type { EventColumns } from './event-columns.ts';
import { compareRows } from './event-columns.ts';
import type { RecipientPart } from './partition.ts';
import { localNumbering, ownNumber } from './partition.ts';

export interface Selection {
  /** null: every row as given; else the selected rows' indices in processing order. */
  order: Uint32Array | null;
  /** 1 + the largest selected recipient number, in the part's own numbering. */
  recipients: number;
}

/**
 * One pass over the rows: the part's rows of selected campaigns, and its
 * recipient bound. A part of several always gets its own list: walking only
 * its rows keeps the read-ahead on its own messages. Unsorted rows are sorted
 * (sorted ones are checked row by row while counting).
 */
export function selectRows(
  c: EventColumns,
  slots: readonly (number | undefined)[],
  part: RecipientPart,
  assumeSorted: boolean,
): Selection {
  const { index, of } = part;
  const selectedCampaign = Uint8Array.from(slots, (slot) => (slot === undefined ? 0 : 1));
  const { campaign, recipient } = c;
  const listing = of > 1 || !assumeSorted;
  // Zeroed pages never written are never touched: sizing for every row costs nothing more.
  const rows = listing ? new Uint32Array(c.count) : null;
  let k = 0;
  let max = -1;
  for (let i = 0; i < c.count; i++) {
    if (selectedCampaign[campaign[i]!] !== 1) continue;
    const r = recipient[i]!;
    if (r < 0 || r > 0x7fffffff) throw new Error(`recipient number out of range at row ${i}`);
    if (r % of !== index) continue;
    if (r > max) max = r;
    if (rows !== null) rows[k++] = i;
  }
  const recipients = max < 0 ? 0 : ownNumber(localNumbering(part), max) + 1;
  if (rows === null) return { order: null, recipients };
  const order = rows.subarray(0, k);
  if (assumeSorted) return { order, recipients };
  let sorted = true;
  for (let j = 1; j < k && sorted; j++) sorted = compareRows(c, order[j - 1]!, order[j]!) <= 0;
  if (sorted) return { order: of === 1 && k === c.count ? null : order, recipients };
  return { order: order.sort((a, b) => compareRows(c, a, b) || a - b), recipients };
}

/** Runs longer than this are checked through a Set, shorter ones pairwise. */
const PAIRWISE_RUN = 16;

/**
 * True when some rows of one timestamp share an id: only then can a row be a
 * re-delivery (a repeated (message, at, id)). Rows are in processing order,
 * so the rows of one timestamp are contiguous.
 */
export function repeatsIds(c: EventColumns, order: Uint32Array | null, count: number): boolean {
  const { at, id } = c;
  if (id === undefined) return false;
  const row = (pos: number): number => (order === null ? pos : order[pos]!);
  let start = 0;
  for (let pos = 1; pos <= count; pos++) {
    if (pos < count && at[row(pos)] === at[row(start)]) continue;
    if (pos - start > 1 && runRepeats(id, row, start, pos)) return true;
    start = pos;
  }
  return false;
}

function runRepeats(
  id: Float64Array,
  row: (pos: number) => number,
  start: number,
  end: number,
): boolean {
  if (end - start <= PAIRWISE_RUN) {
    for (let a = start; a < end; a++)
      for (let b = a + 1; b < end; b++) if (id[row(a)] === id[row(b)]) return true;
    return false;
  }
  const seen = new Set<number>();
  for (let pos = start; pos < end; pos++) {
    const value = id[row(pos)]!;
    if (seen.has(value)) return true;
    seen.add(value);
  }
  return false;
}
