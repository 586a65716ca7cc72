/**
 * Columnar entry point: EventColumns (event-columns.ts) → ClickMapReport with
 * the exact numbers of buildClickMapReport, in one pass over typed arrays.
 * Rows of other campaigns are skipped; the selected rows are processed in
 * (at, type code, id, row) order: as given when already in order (checked),
 * else through a sorted index permutation. With `assumeSorted` an
 * out-of-order row throws instead.
 */
import type { BuildOptions, ClickMapInput } from './build.ts';
import { assembleClickMap, resolveInputOptions, selectedCampaignIds } from './build.ts';
import type { EventColumns } from './event-columns.ts';
import { BOUNCE_HARD, compareRows, UNSUBSCRIBE_METHODS } from './event-columns.ts';
import { ColumnLinks } from './column-links.ts';
import { FastCounter } from './fast-counter.ts';
import { MessageIndex } from './message-index.ts';
import type { Period } from './model.ts';
import type { ReportOptions } from './options.ts';
import type { LocalNumbering, RecipientPart } from './partition.ts';
import { localNumbering, ownNumber, WHOLE_LOG } from './partition.ts';
import { repeatsIds, selectRows } from './row-selection.ts';
import type { ClickMapReport } from './report-types.ts';
import type { ReportCounts } from './row-tally.ts';

/** Events between reading a message record ahead (MessageIndex.touch) and using it. */
const LOOK_AHEAD = 8;

export interface ColumnarInput extends Omit<ClickMapInput, 'events'> {
  columns: EventColumns;
}

export function buildClickMapReportColumnar(
  input: ColumnarInput,
  options: Partial<BuildOptions> = {},
): ClickMapReport {
  const resolved = resolveInputOptions(input, options);
  const campaignIds = selectedCampaignIds(input);
  const counts = countColumns(
    input.columns,
    campaignIds,
    input.period ?? {},
    resolved,
    options.assumeSorted ?? false,
  );
  return assembleClickMap(input, campaignIds, counts, resolved);
}

/**
 * countEvents for columns; with `part`, only that part's recipients
 * (partition.ts: counts of all parts merge into the counts of the whole log).
 */
export function countColumns(
  columns: EventColumns,
  campaignIds: readonly string[],
  period: Period,
  options: ReportOptions,
  assumeSorted = false,
  part: RecipientPart = WHOLE_LOG,
): ReportCounts {
  const slots = campaignSlots(columns, campaignIds);
  const { order, recipients } = selectRows(columns, slots, part, assumeSorted);
  const counter = new FastCounter(period, options);
  const messages = new MessageIndex(
    counter.messages,
    campaignIds.length,
    recipients,
    columns.count,
  );
  const links = new ColumnLinks(columns, counter, options.unsubscribeLinks);
  const { type, at, campaign, recipient, detail, id } = columns;
  const local = localNumbering(part);
  const count = order === null ? columns.count : order.length;
  // Re-deliveries (a repeated id at one timestamp) are rare: when the log has none, skip the guard.
  const ids = repeatsIds(columns, order, count) ? id : undefined;
  let previous = -1;
  let touched = 0;
  for (let pos = 0; pos < count; pos++) {
    const i = order === null ? pos : order[pos]!;
    if (pos % LOOK_AHEAD === 0) touched += touchAhead(columns, slots, order, messages, pos, local);
    const slot = slots[campaign[i]!];
    if (slot === undefined) continue;
    const r = ownNumber(local, recipient[i]!); // every row walked is the part's (selectRows)
    if (assumeSorted) {
      if (previous >= 0 && compareRows(columns, previous, i) > 0)
        throw new Error(`events out of order at row ${i}: sort them first`);
      previous = i;
    }
    const m = messages.of(slot, r);
    const t = at[i]!;
    if (ids !== undefined && counter.messages.isRedelivery(m, ids[i]!, t)) continue;
    switch (type[i]) {
      case 0:
        counter.sent(m, t);
        break;
      case 1:
        counter.delivered(m, t);
        break;
      case 2:
        counter.bounce(m, t, detail[i] === BOUNCE_HARD);
        break;
      case 3:
        counter.open(m, t);
        break;
      case 4:
        counter.click(m, t, links.refOf(i), links.isScanner(i), links.finalUrlOf(i), i);
        break;
      case 5: {
        const method = unsubscribeMethod(detail[i]!);
        counter.unsubscribe(t, recipient[i]!, method, links.linkIdOf(i));
        const press = links.pressRefOf(i, method);
        if (press >= 0) counter.click(m, t, press, links.isScanner(i), undefined, i);
        break;
      }
      case 6:
        counter.complaint(m, t);
        break;
      default:
        throw new Error(`unknown event type code ${type[i]} at row ${i}`);
    }
    counter.tick(t);
  }
  counter.messages.touched = touched;
  return counter.finish();
}

/**
 * Reads the message records of the next LOOK_AHEAD rows after this batch in
 * one tight loop: their cache misses then overlap each other (memory-level
 * parallelism) instead of stalling one event at a time.
 */
function touchAhead(
  c: EventColumns,
  slots: readonly (number | undefined)[],
  order: Uint32Array | null,
  messages: MessageIndex,
  pos: number,
  local: LocalNumbering,
): number {
  let sum = 0;
  const end = Math.min(pos + 2 * LOOK_AHEAD, order === null ? c.count : order.length);
  for (let k = pos + LOOK_AHEAD; k < end; k++) {
    const j = order === null ? k : order[k]!;
    const slot = slots[c.campaign[j]!];
    if (slot !== undefined) sum += messages.touch(slot, ownNumber(local, c.recipient[j]!));
  }
  return sum;
}

/** Campaign table index → slot of a selected campaign (undefined: not selected). */
function campaignSlots(
  columns: EventColumns,
  campaignIds: readonly string[],
): (number | undefined)[] {
  const slotById = new Map(campaignIds.map((id, slot) => [id, slot]));
  return columns.campaigns.map((id) => slotById.get(id));
}

function unsubscribeMethod(code: number): (typeof UNSUBSCRIBE_METHODS)[number] {
  const method = UNSUBSCRIBE_METHODS[code];
  if (method === undefined) throw new Error(`unknown unsubscribe method code ${code}`);
  return method;
}
