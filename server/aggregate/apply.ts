/**
 * Write side of the incremental aggregates: re-evaluates the messages a batch
 * touched and applies only the difference between their old and new
 * contributions. The old contribution is recomputed from the message's
 * events minus the ones this batch added (deterministic, so it equals what
 * was applied before) instead of being stored per message.
 */
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { compareEvents } from '../../utils/report/event-order.ts';
import { LinkRowResolver } from '../../utils/report/link-rows.ts';
import type { ClickEvent, EmailEvent } from '../../utils/report/model.ts';
import type { ReportOptions } from '../../utils/report/options.ts';
import type { Contribution } from './message-contrib.ts';
import { contributionDelta, dayOf, messageContribution } from './message-contrib.ts';

const SEP = '\u001f';

export class AggregateWriter {
  readonly #options: ReportOptions;
  readonly #resolver: LinkRowResolver;
  readonly #eventsOf: StatementSync;
  readonly #bucketAdd: StatementSync;
  readonly #bucketPrune: StatementSync;
  readonly #finalAdd: StatementSync;
  readonly #finalPrune: StatementSync;
  readonly #refUpsert: StatementSync;
  readonly #totalAdd: StatementSync;
  readonly #totalPrune: StatementSync;
  readonly #messageDay: StatementSync;

  constructor(db: DatabaseSync, options: ReportOptions) {
    this.#options = options;
    this.#resolver = new LinkRowResolver(options.identify);
    this.#eventsOf = db.prepare('SELECT body FROM events WHERE msg = ?');
    this.#bucketAdd = db.prepare(
      `INSERT INTO buckets (campaign_id, metric, row, day, prev, n) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT DO UPDATE SET n = n + excluded.n`,
    );
    this.#bucketPrune = db.prepare(
      'DELETE FROM buckets WHERE campaign_id = ? AND metric = ? AND row = ? AND day = ? AND prev = ? AND n = 0',
    );
    this.#finalAdd = db.prepare(
      `INSERT INTO finals (campaign_id, kind, row, day, value, n) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT DO UPDATE SET n = n + excluded.n`,
    );
    this.#finalPrune = db.prepare(
      'DELETE FROM finals WHERE campaign_id = ? AND kind = ? AND row = ? AND day = ? AND value = ? AND n = 0',
    );
    this.#totalAdd = db.prepare(
      `INSERT INTO totals (campaign_id, metric, row, n) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET n = n + excluded.n`,
    );
    this.#totalPrune = db.prepare(
      'DELETE FROM totals WHERE campaign_id = ? AND metric = ? AND row = ? AND n = 0',
    );
    this.#messageDay = db.prepare(
      'INSERT OR IGNORE INTO message_days (campaign_id, day, msg) VALUES (?, ?, ?)',
    );
    // Keeps the earliest click (engine order: time, then id) of each row.
    this.#refUpsert = db.prepare(
      `INSERT INTO row_refs (campaign_id, row, at, event_id, ref) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT DO UPDATE SET at = excluded.at, event_id = excluded.event_id, ref = excluded.ref
       WHERE excluded.at < row_refs.at OR (excluded.at = row_refs.at AND excluded.event_id < row_refs.event_id)`,
    );
  }

  /** Re-evaluates one message after `added` (ids stored by this batch) arrived. */
  reevaluate(msg: number, campaignId: string, added: ReadonlySet<string>): void {
    const events = this.#eventsOf
      .all(msg)
      .map((row) => JSON.parse(String(row.body)) as EmailEvent)
      .sort(compareEvents);
    const before = events.filter((e) => !added.has(e.id));
    for (const day of new Set(events.filter((e) => added.has(e.id)).map((e) => dayOf(e.at))))
      this.#messageDay.run(campaignId, day, msg);
    const old = before.length > 0 ? messageContribution(before, this.#options) : {};
    this.#apply(campaignId, contributionDelta(old, messageContribution(events, this.#options)));
    this.#recordRowRefs(
      campaignId,
      events.filter((e): e is ClickEvent => e.type === 'click' && added.has(e.id)),
    );
  }

  #apply(campaignId: string, delta: Contribution): void {
    for (const [key, n] of Object.entries(delta)) {
      const [kind = '', row = '', dayText = '0', last = ''] = key.split(SEP);
      const day = Number(dayText);
      if (kind.startsWith('u:') || kind.startsWith('m:')) {
        this.#finalAdd.run(campaignId, kind, row, day, last, n);
        if (n < 0) this.#finalPrune.run(campaignId, kind, row, day, last);
      } else {
        this.#bucketAdd.run(campaignId, kind, row, day, Number(last), n);
        if (n < 0) this.#bucketPrune.run(campaignId, kind, row, day, Number(last));
        // All time: every day of a count, the first day (no previous) of a distinct metric.
        if (!kind.startsWith('d:') || last === '-1') {
          this.#totalAdd.run(campaignId, kind, row, n);
          if (n < 0) this.#totalPrune.run(campaignId, kind, row);
        }
      }
    }
  }

  #recordRowRefs(campaignId: string, clicks: ClickEvent[]): void {
    const seen = new Set<string>();
    for (const click of clicks) {
      const ref = this.#resolver.rowOf(click);
      if (seen.has(ref.rowKey)) continue;
      seen.add(ref.rowKey);
      this.#refUpsert.run(campaignId, ref.rowKey, click.at, click.id, JSON.stringify(ref));
    }
  }
}
