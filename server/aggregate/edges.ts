/**
 * Click maps for periods that do not start and end on UTC midnights, without
 * rescanning every raw event. The period P = [from, to) is answered from the
 * aggregates of a day range R (its whole days, each ragged end's day in or out:
 * ./edge-spans.ts) and the messages E with events in P △ R. Every number is a
 * function of one message's history (unsubscribes apart: read exactly from
 * their table), so only those messages can count differently in P than in R:
 *
 *   counts(period) = aggregates(R) − engine(E, R) + engine(E, period)
 *
 * where engine(E, ·) runs the engine's ReportAccumulator over E's whole
 * histories (uniqueness, machine verdicts and bounced / ever-opened status
 * stay history-wide). Final-URL sets are not additive: the aggregates keep
 * per-day counts of each value, and E's own per-day contributions
 * (message-contrib.ts) are taken away from them.
 *
 * E is read and counted in chunks of messages (one accumulator pair each, the
 * differences summed: every count is per message), so memory stays bounded
 * however many messages an edge holds.
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
import { messageContribution } from './message-contrib.ts';
import { EdgeSpans } from './edge-spans.ts';
import type { DayRange } from './query.ts';
import { LAST_DAY } from './query.ts';

/** Messages re-read per chunk (their events parsed and counted together). */
export const EDGE_CHUNK = 2000;

/** Per row, per final value: how many (message, day) entries E holds in the middle days. */
export type FinalCounts = Map<string, Map<string, number>>;

export interface EdgeMessages {
  /** R: the aggregates' day range (may be empty: first > last). */
  middle: DayRange;
  /** engine(E, period) − engine(E, middle), rows and message counts. */
  delta: ReportCounts;
  /** E's final URLs ('u') and domains ('m') in the middle days, to subtract from the aggregates. */
  middleFinals: { u: FinalCounts; m: FinalCounts };
}

export class EdgeReader {
  readonly #spans: EdgeSpans;
  readonly #events: StatementSync;
  readonly #chunk: number;
  /** Messages re-read by the last read (tests, benchmarks). */
  reread = 0;

  constructor(db: DatabaseSync, chunk = EDGE_CHUNK) {
    this.#chunk = chunk;
    this.#spans = new EdgeSpans(db);
    this.#events = db.prepare(
      'SELECT msg, body FROM events WHERE msg IN (SELECT value FROM json_each(?))',
    );
  }

  read(
    campaignIds: readonly string[],
    period: Period,
    mode: Mode,
    options: ReportOptions,
  ): EdgeMessages {
    const ids = JSON.stringify(campaignIds);
    const { days: middle, spans } = this.#spans.plan(ids, period);
    const middlePeriod: Period = {
      from: middle.first * DAY_MS,
      to: Math.max(middle.first, middle.last + 1) * DAY_MS,
    };
    if (middle.last >= LAST_DAY) delete middlePeriod.to;
    const engine = { ...options, includeMachineClicks: mode === 'i' };
    const middleFinals = { u: new Map(), m: new Map() };
    const msgs = this.#spans.messagesIn(ids, spans);
    this.reread = msgs.length;
    let delta: ReportCounts | null = null;
    for (let i = 0; i < msgs.length || delta === null; i += this.#chunk) {
      const inPeriod = new ReportAccumulator(campaignIds, period, engine);
      const inMiddle = new ReportAccumulator(campaignIds, middlePeriod, engine);
      const histories = new Map<number, EmailEvent[]>();
      for (const row of this.#events.iterate(JSON.stringify(msgs.slice(i, i + this.#chunk)))) {
        const msg = Number(row.msg);
        const history = histories.get(msg) ?? [];
        history.push(JSON.parse(String(row.body)) as EmailEvent);
        histories.set(msg, history);
      }
      const events: EmailEvent[] = [];
      for (const history of histories.values()) {
        history.sort(compareEvents);
        if (history.some((e) => e.type === 'click' && e.finalUrl !== undefined))
          addMiddleFinals(middleFinals, messageContribution(history, options), middle, mode);
        for (const e of history) events.push(e);
      }
      events.sort(compareEvents);
      for (const e of events) {
        inPeriod.add(e);
        inMiddle.add(e);
      }
      const chunk = difference(inPeriod.finish(), inMiddle.finish());
      delta = delta ? sum(delta, chunk) : chunk;
    }
    return { middle, delta, middleFinals };
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

/** Two chunks' differences added (final values: the union; every set is capped where it is read). */
function sum(a: ReportCounts, b: ReportCounts): ReportCounts {
  const messages = { ...a.messages };
  for (const key of Object.keys(messages) as (keyof MessageCounts)[])
    messages[key] += b.messages[key];
  const rows = new Map(a.rows);
  for (const [key, y] of b.rows) {
    const x = rows.get(key);
    rows.set(
      key,
      x
        ? {
            ref: x.ref,
            uniqueClicks: x.uniqueClicks + y.uniqueClicks,
            totalClicks: x.totalClicks + y.totalClicks,
            machineClicks: x.machineClicks + y.machineClicks,
            finalUrls: new Set([...x.finalUrls, ...y.finalUrls]),
            finalDomains: new Set([...x.finalDomains, ...y.finalDomains]),
            sourceLinkIds: new Set(),
          }
        : y,
    );
  }
  return { ...a, messages, rows };
}
