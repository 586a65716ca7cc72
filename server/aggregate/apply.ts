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
import type { EmailEvent } from '../../utils/report/model.ts';
import type { ReportOptions } from '../../utils/report/options.ts';
import type { UnsubscribeLink, UnsubscribeLinks } from '../../utils/report/unsubscribe-clicks.ts';
import { clickTargetOf } from '../../utils/report/unsubscribe-clicks.ts';
import type { Contribution } from './message-contrib.ts';
import { hourOf } from './edge-spans.ts';
import { contributionDelta, messageContribution } from './message-contrib.ts';

const SEP = '\u001f';

/**
 * Format of the aggregates (PRAGMA user_version). 2: kind-prefixed row keys, List-Unsubscribe
 * presses as clicks, link ids of final-domain rows, machine clicks counted by default. A
 * database written by an older format is rebuilt from its raw events when opened.
 */
export const AGGREGATES_VERSION = 2;

export class AggregateWriter {
  readonly #options: ReportOptions;
  readonly #unsubscribeLink: (campaignId: string) => UnsubscribeLink | undefined;
  readonly #resolver: LinkRowResolver;
  readonly #eventsOf: StatementSync;
  readonly #bucketAdd: StatementSync;
  readonly #bucketPrune: StatementSync;
  readonly #finalAdd: StatementSync;
  readonly #finalPrune: StatementSync;
  readonly #refUpsert: StatementSync;
  readonly #totalAdd: StatementSync;
  readonly #totalPrune: StatementSync;
  readonly #messageHour: StatementSync;

  /** `unsubscribeLink`: the campaign's unsubscribe placement, where List-Unsubscribe presses count. */
  constructor(
    db: DatabaseSync,
    options: ReportOptions,
    unsubscribeLink: (campaignId: string) => UnsubscribeLink | undefined,
  ) {
    this.#options = options;
    this.#unsubscribeLink = unsubscribeLink;
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
    this.#messageHour = db.prepare(
      `INSERT INTO message_hours (campaign_id, hour, msg, first_at, last_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT DO UPDATE SET first_at = min(first_at, excluded.first_at),
       last_at = max(last_at, excluded.last_at)`,
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
    const events = this.#events(msg);
    const options = this.#optionsFor(campaignId, this.#unsubscribeLink(campaignId));
    const before = events.filter((e) => !added.has(e.id));
    // The hours this message has events in (ragged periods re-read their edges' messages).
    for (const e of events)
      if (added.has(e.id)) this.#messageHour.run(campaignId, hourOf(e.at), msg, e.at, e.at);
    const old = before.length > 0 ? messageContribution(before, options) : {};
    this.#apply(campaignId, contributionDelta(old, messageContribution(events, options)));
    this.#recordRowRefs(
      campaignId,
      events.filter((e) => added.has(e.id)),
      options.unsubscribeLinks,
    );
  }

  /**
   * Re-applies one message whose campaign's unsubscribe link changed (a version
   * re-registered with other placements): its presses move to the new link's row.
   * The caller clears the campaign's row_refs first; this records them again.
   */
  relink(msg: number, campaignId: string, before: UnsubscribeLink | undefined): void {
    const events = this.#events(msg);
    const old = messageContribution(events, this.#optionsFor(campaignId, before));
    const now = this.#optionsFor(campaignId, this.#unsubscribeLink(campaignId));
    this.#apply(campaignId, contributionDelta(old, messageContribution(events, now)));
    this.#recordRowRefs(campaignId, events, now.unsubscribeLinks);
  }

  /**
   * Brings the aggregates to AGGREGATES_VERSION: an older database's are recomputed from its
   * raw events (nothing is lost: the events table is the source of truth). Returns the
   * number of messages re-evaluated.
   */
  upgrade(db: DatabaseSync): number {
    const version = Number(db.prepare('PRAGMA user_version').get()?.user_version ?? 0);
    if (version >= AGGREGATES_VERSION) return 0;
    db.exec('BEGIN IMMEDIATE');
    try {
      db.exec('DELETE FROM buckets; DELETE FROM totals; DELETE FROM finals; DELETE FROM row_refs;');
      const messages = db.prepare('SELECT msg, campaign_id FROM messages').all();
      const ids = db.prepare('SELECT id FROM events WHERE msg = ?');
      for (const m of messages) {
        const added = new Set(ids.all(Number(m.msg)).map((r) => String(r.id)));
        if (added.size > 0) this.reevaluate(Number(m.msg), String(m.campaign_id), added);
      }
      db.exec(`PRAGMA user_version = ${AGGREGATES_VERSION}`);
      db.exec('COMMIT');
      return messages.length;
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  }

  #events(msg: number): EmailEvent[] {
    return this.#eventsOf
      .all(msg)
      .map((row) => JSON.parse(String(row.body)) as EmailEvent)
      .sort(compareEvents);
  }

  #optionsFor(campaignId: string, link: UnsubscribeLink | undefined): ReportOptions {
    return { ...this.#options, unsubscribeLinks: new Map(link ? [[campaignId, link]] : []) };
  }

  #apply(campaignId: string, delta: Contribution): void {
    for (const [key, n] of Object.entries(delta)) {
      const [kind = '', row = '', dayText = '0', last = ''] = key.split(SEP);
      const day = Number(dayText);
      if (kind.startsWith('u:') || kind.startsWith('m:') || kind.startsWith('l:')) {
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

  /** The first click (or List-Unsubscribe press) of each row among `events` names the row. */
  #recordRowRefs(campaignId: string, events: EmailEvent[], links: UnsubscribeLinks): void {
    const seen = new Set<string>();
    for (const event of events) {
      const target = clickTargetOf(event, links);
      if (target === null) continue;
      const ref = this.#resolver.rowOf(target);
      if (seen.has(ref.rowKey)) continue;
      seen.add(ref.rowKey);
      this.#refUpsert.run(campaignId, ref.rowKey, event.at, event.id, JSON.stringify(ref));
    }
  }
}
