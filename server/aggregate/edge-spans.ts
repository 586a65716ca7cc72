/**
 * Which day range of the aggregates a ragged period [from, to) is answered
 * from, and which messages must then be re-read (./edges.ts).
 *
 * For ANY day-aligned range R, counts(P) = aggregates(R) − engine(E, R) +
 * engine(E, P) holds as soon as E holds every message with events in P △ R
 * (every number is a function of one message's history). Each ragged end can
 * be taken inside R (its day's part inside P is re-read) or outside it (the
 * day's part outside P is re-read): the side with fewer messages is chosen,
 * counted on message_hours, so a period starting a millisecond after a
 * campaign's send re-reads almost nothing, and one cut mid-day re-reads at
 * most the quieter part of each edge day. A message is taken when one of its
 * hours' [first, last] event times meets the span: a superset, so exact.
 */
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { Period } from '../../utils/report/model.ts';
import { DAY_MS } from '../../utils/report/options.ts';
import type { DayRange } from './query.ts';
import { LAST_DAY } from './query.ts';

export const HOUR_MS = 3_600_000;
export const hourOf = (at: number): number => Math.floor(at / HOUR_MS);

/** [from, to) in milliseconds. */
export type Span = [number, number];

export interface EdgePlan {
  /** The aggregates' day range (empty when first > last). */
  days: DayRange;
  /** P △ R: the spans whose messages are re-read. */
  spans: Span[];
}

const IN_CAMPAIGNS = 'campaign_id IN (SELECT value FROM json_each(?))';

export class EdgeSpans {
  readonly #count: StatementSync;
  readonly #messages: StatementSync;

  constructor(db: DatabaseSync) {
    const inSpan = `${IN_CAMPAIGNS} AND hour BETWEEN ? AND ? AND first_at < ? AND last_at >= ?`;
    this.#count = db.prepare(`SELECT COUNT(DISTINCT msg) AS n FROM message_hours WHERE ${inSpan}`);
    this.#messages = db.prepare(`SELECT DISTINCT msg FROM message_hours WHERE ${inSpan}`);
  }

  /** Messages with events in a span (or around it within the same hours). */
  #countIn(ids: string, [from, to]: Span): number {
    if (to <= from) return 0;
    return Number(this.#count.get(ids, hourOf(from), hourOf(to - 1), to, from)?.n);
  }

  /** The messages with events in any of the spans. */
  messagesIn(ids: string, spans: readonly Span[]): number[] {
    const msgs = new Set<number>();
    for (const [from, to] of spans)
      if (to > from)
        for (const row of this.#messages.all(ids, hourOf(from), hourOf(to - 1), to, from))
          msgs.add(Number(row.msg));
    return [...msgs].sort((a, b) => a - b);
  }

  /** The cheaper plan for a period that is not day-aligned. */
  plan(ids: string, period: Period): EdgePlan {
    const { from, to } = period;
    const cost = (spans: Span[]): number =>
      spans.reduce((sum, span) => sum + this.#countIn(ids, span), 0);
    const ragged = (t: number | undefined): t is number => t !== undefined && t % DAY_MS !== 0;
    const dayStart = (t: number): number => Math.floor(t / DAY_MS) * DAY_MS;
    const days: DayRange = {
      first: from === undefined ? 0 : Math.ceil(from / DAY_MS),
      last: to === undefined ? LAST_DAY : Math.floor(to / DAY_MS) - 1,
    };
    if (ragged(from) && ragged(to) && dayStart(from) === dayStart(to)) {
      // Both ends in one day D: R empty (re-read [from, to)) or R = D (re-read the rest of D).
      const day = dayStart(from);
      const inner: Span[] = [[from, to]];
      const outer: Span[] = [
        [day, from],
        [to, day + DAY_MS],
      ];
      return cost(outer) < cost(inner)
        ? { days: { first: day / DAY_MS, last: day / DAY_MS }, spans: outer }
        : { days, spans: inner };
    }
    const spans: Span[] = [];
    if (ragged(from)) {
      const inner: Span = [from, dayStart(from) + DAY_MS];
      const outer: Span = [dayStart(from), from];
      if (cost([outer]) < cost([inner])) {
        days.first = dayStart(from) / DAY_MS;
        spans.push(outer);
      } else spans.push(inner);
    }
    if (ragged(to)) {
      const inner: Span = [dayStart(to), to];
      const outer: Span = [to, dayStart(to) + DAY_MS];
      if (cost([outer]) < cost([inner])) {
        days.last = dayStart(to) / DAY_MS;
        spans.push(outer);
      } else spans.push(inner);
    }
    return { days, spans };
  }
}
