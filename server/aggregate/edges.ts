/**
 * Click maps for periods that do not start and end on UTC midnights, without
 * rescanning every raw event. The period [from, to) is its whole middle days
 * (read from the aggregates) plus two partial edge days. Every number is a
 * function of one message's history (unsubscribes apart: read exactly from
 * their table), so only the messages with events on an edge day can count
 * differently in the period than in the middle days. For those E messages:
 *
 *   counts(period) = aggregates(middle) − engine(E, middle) + engine(E, period)
 *
 * where engine(E, ·) runs the engine's ReportAccumulator over E's whole
 * histories (uniqueness, machine verdicts and bounced / ever-opened status
 * stay history-wide). Final-URL sets are not additive: the aggregates keep
 * per-day counts of each value, and E's own per-day contributions
 * (message-contrib.ts) are taken away from them.
 */
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { ReportAccumulator } from '../../utils/report/accumulator.ts';
import { compareEvents } from '../../utils/report/event-order.ts';
import type { MessageCounts } from '../../utils/report/message-tally.ts';
import type { EmailEvent, Period } from '../../utils/report/model.ts';
import type { ReportOptions } from '../../utils/report/options.ts';
import { DAY_MS } from '../../utils/report/options.ts';
import type { ReportCounts, RowTally } from '../../utils/report/row-tally.ts';
import type { Mode } from './message-contrib.ts';
import { dayOf, messageContribution } from './message-contrib.ts';
import type { DayRange } from './query.ts';
import { LAST_DAY } from './query.ts';

/** Per row, per final value: how many (message, day) entries E holds in the middle days. */
export type FinalCounts = Map<string, Map<string, number>>;

export interface EdgeMessages {
  /** The aggregate-answerable middle of the period (may be empty: first > last). */
  middle: DayRange;
  /** engine(E, period) − engine(E, middle), rows and message counts. */
  delta: ReportCounts;
  /** E's final URLs ('u') and domains ('m') in the middle days, to subtract from the aggregates. */
  middleFinals: { u: FinalCounts; m: FinalCounts };
}

/** The whole UTC days inside [from, to). */
export function middleDays(period: Period): DayRange {
  return {
    first: period.from === undefined ? 0 : Math.ceil(period.from / DAY_MS),
    last: period.to === undefined ? LAST_DAY : Math.floor(period.to / DAY_MS) - 1,
  };
}

/** The partial days at the period's ends (at most two). */
function edgeDays(period: Period): number[] {
  const days = new Set<number>();
  if (period.from !== undefined && period.from % DAY_MS !== 0) days.add(dayOf(period.from));
  if (period.to !== undefined && period.to % DAY_MS !== 0) days.add(dayOf(period.to));
  return [...days];
}

export class EdgeReader {
  readonly #messages: StatementSync;
  readonly #events: StatementSync;

  constructor(db: DatabaseSync) {
    this.#messages = db.prepare(
      `SELECT DISTINCT msg FROM message_days WHERE campaign_id IN (SELECT value FROM json_each(?))
       AND day IN (SELECT value FROM json_each(?))`,
    );
    this.#events = db.prepare('SELECT body FROM events WHERE msg = ?');
  }

  read(
    campaignIds: readonly string[],
    period: Period,
    mode: Mode,
    options: ReportOptions,
  ): EdgeMessages {
    const middle = middleDays(period);
    const middlePeriod: Period = {
      from: middle.first * DAY_MS,
      to: Math.max(middle.first, middle.last + 1) * DAY_MS,
    };
    if (middle.last >= LAST_DAY) delete middlePeriod.to;
    const engine = { ...options, includeMachineClicks: mode === 'i' };
    const inPeriod = new ReportAccumulator(campaignIds, period, engine);
    const inMiddle = new ReportAccumulator(campaignIds, middlePeriod, engine);
    const middleFinals = { u: new Map(), m: new Map() };
    const events: EmailEvent[] = [];
    const msgs = this.#messages.all(JSON.stringify(campaignIds), JSON.stringify(edgeDays(period)));
    for (const { msg } of msgs) {
      const history = this.#events
        .all(msg as number)
        .map((row) => JSON.parse(String(row.body)) as EmailEvent)
        .sort(compareEvents);
      if (history.some((e) => e.type === 'click' && e.finalUrl !== undefined))
        addMiddleFinals(middleFinals, messageContribution(history, options), middle, mode);
      for (const e of history) events.push(e);
    }
    events.sort(compareEvents);
    for (const e of events) {
      inPeriod.add(e);
      inMiddle.add(e);
    }
    return { middle, delta: difference(inPeriod.finish(), inMiddle.finish()), middleFinals };
  }
}

function addMiddleFinals(
  into: { u: FinalCounts; m: FinalCounts },
  contribution: Record<string, number>,
  middle: DayRange,
  mode: Mode,
): void {
  for (const [key, n] of Object.entries(contribution)) {
    const [kind = '', row = '', day = '0', value = ''] = key.split('\u001f');
    if (kind !== `u:${mode}` && kind !== `m:${mode}`) continue;
    if (Number(day) < middle.first || Number(day) > middle.last) continue;
    const byRow = into[kind[0] as 'u' | 'm'];
    const values = byRow.get(row) ?? new Map<string, number>();
    values.set(value, (values.get(value) ?? 0) + n);
    byRow.set(row, values);
  }
}

function difference(a: ReportCounts, b: ReportCounts): ReportCounts {
  const messages = { ...a.messages };
  for (const key of Object.keys(messages) as (keyof MessageCounts)[])
    messages[key] -= b.messages[key];
  const rows = new Map<string, RowTally>();
  for (const key of new Set([...a.rows.keys(), ...b.rows.keys()])) {
    const x = a.rows.get(key);
    const y = b.rows.get(key);
    const ref = (x ?? y)?.ref;
    if (!ref) continue;
    rows.set(key, {
      ref,
      uniqueClicks: (x?.uniqueClicks ?? 0) - (y?.uniqueClicks ?? 0),
      totalClicks: (x?.totalClicks ?? 0) - (y?.totalClicks ?? 0),
      machineClicks: (x?.machineClicks ?? 0) - (y?.machineClicks ?? 0),
      // E's final values in the period; its middle ones are subtracted from the aggregates' counts.
      finalUrls: x?.finalUrls ?? new Set(),
      finalDomains: x?.finalDomains ?? new Set(),
      // Whole-history link ids: the aggregates' own are kept.
      sourceLinkIds: new Set(),
    });
  }
  return { ...a, messages, rows, totalClicks: 0, machineClicks: 0 };
}
