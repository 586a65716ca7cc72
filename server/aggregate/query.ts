/**
 * Read side of the incremental aggregates: sums the per-day buckets of the
 * selected campaigns into the engine's ReportCounts for a day-aligned period,
 * without reading raw events. The engine's assembleReport turns them into
 * the report, so the server and buildClickMapReport share one assembly.
 */
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { ClickRowRef } from '../../utils/report/link-rows.ts';
import { domainOfRowKey } from '../../utils/report/row-keys.ts';
import type { MessageCounts } from '../../utils/report/message-tally.ts';
import type { ReportCounts, RowTally } from '../../utils/report/row-tally.ts';
import { SOURCE_LINK_IDS } from '../../utils/report/row-tally.ts';
import type { Mode } from './message-contrib.ts';

/** Inclusive UTC day range of a day-aligned half-open period. */
export interface DayRange {
  first: number;
  last: number;
}

const IN_CAMPAIGNS = 'campaign_id IN (SELECT value FROM json_each(?))';
const IN_METRICS = 'metric IN (SELECT value FROM json_each(?))';
/** Last day of an open-ended period. */
export const LAST_DAY = 1e9;

const MODE_METRICS = (mode: Mode): string[] => [
  ...[
    'sent',
    'delivered',
    'hard',
    'bounce',
    'open',
    'pixel',
    'complaint',
    `click-${mode}`,
    `implied-${mode}`,
  ].map((m) => `d:${m}`),
  ...[`unique-${mode}`, `total-${mode}`, 'machine'].map((m) => `c:${m}`),
];

export class AggregateReader {
  readonly #sums: StatementSync;
  readonly #allTime: StatementSync;
  readonly #deliveredKnown: StatementSync;
  readonly #refs: StatementSync;
  readonly #finals: StatementSync;
  readonly #sources: StatementSync;
  readonly #unsubs: StatementSync;
  readonly #unsubLinks: StatementSync;

  constructor(db: DatabaseSync) {
    this.#sums = db.prepare(
      `SELECT metric, row, SUM(n) AS n FROM buckets WHERE ${IN_CAMPAIGNS} AND ${IN_METRICS} AND day BETWEEN ? AND ?
       AND (metric LIKE 'c:%' OR prev < ?) GROUP BY metric, row`,
    );
    this.#allTime = db.prepare(
      `SELECT metric, row, SUM(n) AS n FROM totals WHERE ${IN_CAMPAIGNS} AND ${IN_METRICS} GROUP BY metric, row`,
    );
    this.#deliveredKnown = db.prepare(
      `SELECT 1 AS k FROM buckets WHERE ${IN_CAMPAIGNS} AND metric = 'k:dk' LIMIT 1`,
    );
    this.#refs = db.prepare(`SELECT row, at, event_id, ref FROM row_refs WHERE ${IN_CAMPAIGNS}`);
    this.#finals = db.prepare(
      `SELECT DISTINCT value FROM finals WHERE ${IN_CAMPAIGNS} AND kind = ? AND row = ? AND day BETWEEN ? AND ? LIMIT ?`,
    );
    // Link ids of a final-domain row's clicks: over the whole history, as the engine keeps them.
    this.#sources = db.prepare(
      `SELECT DISTINCT value FROM finals WHERE ${IN_CAMPAIGNS} AND kind = 'l:x' AND row = ? LIMIT ${SOURCE_LINK_IDS}`,
    );
    this.#unsubs = db.prepare(
      `SELECT method, COUNT(*) AS n FROM (
         SELECT method, ROW_NUMBER() OVER (PARTITION BY recipient ORDER BY at, id) AS rank
         FROM unsubs WHERE ${IN_CAMPAIGNS} AND at >= ? AND at < ?) WHERE rank = 1 GROUP BY method`,
    );
    this.#unsubLinks = db.prepare(
      `SELECT DISTINCT link_id FROM unsubs WHERE ${IN_CAMPAIGNS} AND method = 'link' AND link_id IS NOT NULL`,
    );
  }

  counts(
    campaignIds: readonly string[],
    days: DayRange,
    mode: Mode,
    dynamicFinalUrls: number,
  ): ReportCounts {
    const ids = JSON.stringify(campaignIds);
    const distinct = new Map<string, number>();
    const rowCounts = new Map<string, Map<string, number>>();
    const metrics = JSON.stringify(MODE_METRICS(mode));
    const sums =
      days.first === 0 && days.last >= LAST_DAY
        ? this.#allTime.all(ids, metrics)
        : this.#sums.all(ids, metrics, days.first, days.last, days.first);
    for (const r of sums) {
      const metric = String(r.metric);
      if (metric.startsWith('d:')) distinct.set(metric.slice(2), Number(r.n));
      else {
        const row = String(r.row);
        if (!rowCounts.has(row)) rowCounts.set(row, new Map());
        rowCounts.get(row)?.set(metric.slice(2), Number(r.n));
      }
    }
    const rows = this.#rows(ids, rowCounts, days, mode, dynamicFinalUrls);
    let totalClicks = 0;
    let machineClicks = 0;
    for (const tally of rows.values()) {
      totalClicks += tally.totalClicks;
      machineClicks += tally.machineClicks;
    }
    return {
      messages: messageCounts(distinct, mode),
      deliveredKnown: this.#deliveredKnown.get(ids) !== undefined,
      totalClicks,
      machineClicks,
      ...this.#unsubscribes(ids, days),
      rows,
    };
  }

  #rows(
    ids: string,
    counts: Map<string, Map<string, number>>,
    days: DayRange,
    mode: Mode,
    cap: number,
  ): Map<string, RowTally> {
    // A row exists once any selected campaign has a click on it (any day), named by its first click.
    const first = new Map<string, { at: number; id: string; ref: ClickRowRef }>();
    for (const r of this.#refs.all(ids)) {
      const row = String(r.row);
      const at = Number(r.at);
      const id = String(r.event_id);
      const known = first.get(row);
      if (!known || at < known.at || (at === known.at && id < known.id))
        first.set(row, { at, id, ref: JSON.parse(String(r.ref)) as ClickRowRef });
    }
    const rows = new Map<string, RowTally>();
    for (const [row, { ref }] of first) {
      const c = counts.get(row);
      const total = c?.get(`total-${mode}`) ?? 0;
      const finals = (kind: string, limit: number): Set<string> =>
        total === 0
          ? new Set()
          : new Set(
              this.#finals
                .all(ids, `${kind}:${mode}`, row, days.first, days.last, limit)
                .map((f) => String(f.value)),
            );
      rows.set(row, {
        ref,
        uniqueClicks: c?.get(`unique-${mode}`) ?? 0,
        totalClicks: total,
        machineClicks: c?.get('machine') ?? 0,
        finalUrls: finals('u', cap),
        finalDomains: finals('m', 2),
        sourceLinkIds:
          domainOfRowKey(row) !== null
            ? new Set(this.#sources.all(ids, row).map((f) => String(f.value)))
            : new Set(),
      });
    }
    return rows;
  }

  #unsubscribes(
    ids: string,
    days: DayRange,
  ): Pick<ReportCounts, 'unsubscribed' | 'unsubscribedBy' | 'unsubscribeLinkIds'> {
    const by = { link: 0, listUnsubscribe: 0, other: 0 };
    const from = days.first * 86_400_000;
    const to = (days.last + 1) * 86_400_000;
    for (const r of this.#unsubs.all(ids, from, to)) {
      const method = String(r.method);
      by[
        method === 'list-unsubscribe' ? 'listUnsubscribe' : method === 'link' ? 'link' : 'other'
      ] += Number(r.n);
    }
    const links = new Set(this.#unsubLinks.all(ids).map((r) => String(r.link_id)));
    return {
      unsubscribed: by.link + by.listUnsubscribe + by.other,
      unsubscribedBy: by,
      unsubscribeLinkIds: links,
    };
  }
}

function messageCounts(distinct: Map<string, number>, mode: Mode): MessageCounts {
  const n = (metric: string): number => distinct.get(metric) ?? 0;
  const hard = n('hard');
  return {
    sent: n('sent'),
    delivered: n('delivered'),
    hardBounces: hard,
    softBounces: n('bounce') - hard,
    uniqueOpens: n('open'),
    clickImpliedOpens: n(`implied-${mode}`),
    bouncePixelOpens: n('pixel'),
    uniqueClicks: n(`click-${mode}`),
    complaints: n('complaint'),
  };
}
