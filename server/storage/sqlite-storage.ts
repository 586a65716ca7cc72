/**
 * The SQLite implementation of Storage: catalog + idempotent event log +
 * incremental aggregates, each ingestion request in one transaction.
 * Click maps are read from the aggregates: for day-aligned periods (all time,
 * a version, whole days) entirely; other periods add the engine's verdicts on
 * the few messages with events on their two partial edge days
 * (../aggregate/edges.ts), never rescanning every raw event.
 */
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { assembleClickMap } from '../../utils/report/build.ts';
import { EventIdConflictError, sameEventContent } from '../../utils/report/event-ids.ts';
import type {
  EmailEvent,
  Period,
  Sequence,
  Template,
  TemplateVersion,
} from '../../utils/report/model.ts';
import type { ReportOptions } from '../../utils/report/options.ts';
import type { ClickMapReport, SequenceReport } from '../../utils/report/report-types.ts';
import { buildSequenceReport } from '../../utils/report/sequence.ts';
import type { UnsubscribeLink } from '../../utils/report/unsubscribe-clicks.ts';
import { unsubscribeLinksOf } from '../../utils/report/unsubscribe-clicks.ts';
import { selectCampaigns } from '../../utils/report/versions.ts';
import type { TemplateSummary } from '../../utils/api/types.ts';
import { AggregateWriter } from '../aggregate/apply.ts';
import { AggregateReader } from '../aggregate/query.ts';
import { EdgeReader } from '../aggregate/edges.ts';
import { alignedDays, memoizeIdentify } from '../aggregate/periods.ts';
import { conflict, notFound, unprocessable } from '../problem.ts';
import { Catalog } from './catalog.ts';
import type { RefreshedReport } from './report-cache.ts';
import { ReportCache } from './report-cache.ts';
import { inSnapshot, inTransaction, openDatabase } from './schema.ts';
import type { ClickMapQuery, IngestOutcome, Storage, StoredCampaign } from './types.ts';
import type { ClaimResult, TokenClaim } from './webhook-tokens.ts';
import { WebhookTokens } from './webhook-tokens.ts';

export class SqliteStorage implements Storage {
  readonly #db: DatabaseSync;
  readonly #catalog: Catalog;
  readonly #options: () => ReportOptions;
  readonly #writer: AggregateWriter;
  readonly #reader: AggregateReader;
  readonly #edges: EdgeReader;
  readonly #messageId: StatementSync;
  readonly #newMessage: StatementSync;
  readonly #insertEvent: StatementSync;
  readonly #insertUnsub: StatementSync;
  readonly #storedBody: StatementSync;
  /** campaignId → its version's unsubscribe placement (null: none); cleared when the catalog changes. */
  readonly #unsubscribeLinks = new Map<string, UnsubscribeLink | null>();
  readonly #tokens: WebhookTokens;
  /** Commits so far by every connection of this server (shared with the writer thread). */
  readonly #generation: Int32Array;
  readonly #reports = new ReportCache();
  #eventCount = { generation: -1, n: 0 };
  /** Click maps computed by this connection (not served from the cache): for tests. */
  reportsComputed = 0;

  /**
   * `options` is called per report (its `now` stamps generatedAt); includeMachineClicks is ignored.
   * `generation`: a shared Int32Array counting commits, when another connection (the writer
   * thread) writes the same file; each connection bumps it after its own commits.
   */
  constructor(
    path: string,
    options: () => ReportOptions,
    generation = new Int32Array(new SharedArrayBuffer(4)),
  ) {
    this.#generation = generation;
    this.#db = openDatabase(path);
    this.#catalog = new Catalog(this.#db);
    const identify = memoizeIdentify(options().identify);
    this.#options = () => ({ ...options(), identify });
    this.#writer = new AggregateWriter(this.#db, this.#options(), (id) =>
      this.#unsubscribeLink(id),
    );
    this.#reader = new AggregateReader(this.#db);
    this.#edges = new EdgeReader(this.#db);
    this.#tokens = new WebhookTokens(this.#db);
    this.#messageId = this.#db.prepare(
      'SELECT msg FROM messages WHERE campaign_id = ? AND recipient = ?',
    );
    this.#newMessage = this.#db.prepare(
      'INSERT INTO messages (campaign_id, recipient) VALUES (?, ?) RETURNING msg',
    );
    this.#insertEvent = this.#db.prepare(
      'INSERT OR IGNORE INTO events (id, msg, at, body) VALUES (?, ?, ?, ?)',
    );
    this.#insertUnsub = this.#db.prepare(
      'INSERT OR IGNORE INTO unsubs (id, campaign_id, recipient, at, method, link_id) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.#storedBody = this.#db.prepare('SELECT body FROM events WHERE id = ?');
    // A database written by an older version of the aggregates is recomputed from its events.
    this.#writer.upgrade(this.#db);
  }

  putTemplate = (t: Template): void => this.transaction(() => this.#catalog.putTemplate(t));
  putVersion = (v: TemplateVersion): void => this.transaction(() => this.#putVersion(v));
  putCampaign = (c: StoredCampaign): void =>
    this.transaction(() => {
      this.#catalog.putCampaign(c);
      this.#unsubscribeLinks.delete(c.id);
    });
  putSequence = (s: Sequence): void => this.transaction(() => this.#catalog.putSequence(s));
  listTemplates = (): TemplateSummary[] => this.#catalog.listTemplates();
  getTemplate = (id: string): Template | null => this.#catalog.getTemplate(id);
  versionsOf = (templateId: string): TemplateVersion[] => this.#catalog.versionsOf(templateId);
  getVersion = (id: string): TemplateVersion | null => this.#catalog.getVersion(id);
  listCampaigns = (templateId?: string): StoredCampaign[] =>
    this.#catalog.listCampaigns(templateId);
  getCampaign = (id: string): StoredCampaign | null => this.#catalog.getCampaign(id);
  listSequences = (): Sequence[] => this.#catalog.listSequences();
  getSequence = (id: string): Sequence | null => this.#catalog.getSequence(id);

  /** The campaign's unsubscribe placement: where its List-Unsubscribe presses are counted. */
  #unsubscribeLink(campaignId: string): UnsubscribeLink | undefined {
    let link = this.#unsubscribeLinks.get(campaignId);
    if (link === undefined) {
      const campaign = this.#catalog.getCampaign(campaignId);
      const version = campaign ? this.#catalog.getVersion(campaign.versionId) : null;
      link =
        (campaign && version && unsubscribeLinksOf([campaign], [version]).get(campaignId)) ?? null;
      this.#unsubscribeLinks.set(campaignId, link);
    }
    return link ?? undefined;
  }

  /**
   * A version re-registered with another unsubscribe placement moves the
   * List-Unsubscribe presses of its campaigns to the new row: their messages are
   * re-applied and their row names recorded again (all in one transaction).
   */
  #putVersion(v: TemplateVersion): void {
    const campaigns = this.#catalog.listCampaigns(v.templateId).filter((c) => c.versionId === v.id);
    const before = new Map(campaigns.map((c) => [c.id, this.#unsubscribeLink(c.id)]));
    this.#catalog.putVersion(v);
    for (const c of campaigns) this.#unsubscribeLinks.delete(c.id);
    for (const c of campaigns) {
      const old = before.get(c.id);
      if (JSON.stringify(old) === JSON.stringify(this.#unsubscribeLink(c.id))) continue;
      this.#db.prepare('DELETE FROM row_refs WHERE campaign_id = ?').run(c.id);
      const messages = this.#db.prepare('SELECT msg FROM messages WHERE campaign_id = ?').all(c.id);
      for (const row of messages) this.#writer.relink(Number(row.msg), c.id, old);
    }
  }

  /**
   * Runs fn as one transaction (a savepoint inside an open one: the writer thread's group
   * commit, ./writer-batch.ts); the outermost commit bumps the shared generation.
   */
  transaction<T>(fn: () => T): T {
    const outermost = !this.#db.isTransaction;
    const result = inTransaction(this.#db, fn);
    if (outermost) Atomics.add(this.#generation, 0, 1);
    return result;
  }

  generation(): number {
    return Atomics.load(this.#generation, 0);
  }

  ingest(events: readonly EmailEvent[]): IngestOutcome {
    return this.transaction(() => {
      const known = new Set<string>();
      for (const event of events) {
        if (known.has(event.campaignId)) continue;
        if (!this.#catalog.getCampaign(event.campaignId))
          throw unprocessable(
            `event "${event.id}": unknown campaignId "${event.campaignId}" (register it with POST /v1/campaigns)`,
          );
        known.add(event.campaignId);
      }
      const touched = new Map<number, { campaignId: string; added: Set<string> }>();
      const conflicts = new Set<string>();
      let stored = 0;
      for (const event of events) {
        const msg = this.#message(event.campaignId, event.recipient);
        if (this.#insertEvent.run(event.id, msg, event.at, JSON.stringify(event)).changes === 0) {
          // The id is known (stored before, or earlier in this request): a no-op when the
          // content is the same, else a conflict that refuses the whole request.
          const body = this.#storedBody.get(event.id)?.body;
          if (!sameEventContent(JSON.parse(String(body)) as EmailEvent, event))
            conflicts.add(event.id);
          continue;
        }
        stored++;
        if (event.type === 'unsubscribe')
          this.#insertUnsub.run(
            event.id,
            event.campaignId,
            event.recipient,
            event.at,
            event.method,
            event.linkId ?? null,
          );
        const entry = touched.get(msg) ?? {
          campaignId: event.campaignId,
          added: new Set<string>(),
        };
        entry.added.add(event.id);
        touched.set(msg, entry);
      }
      if (conflicts.size > 0) {
        // Thrown inside the transaction: nothing of this request is stored.
        throw conflict(`${new EventIdConflictError([...conflicts]).message}; nothing was stored`);
      }
      for (const [msg, { campaignId, added }] of touched)
        this.#writer.reevaluate(msg, campaignId, added);
      return { stored, duplicates: events.length - stored };
    });
  }

  #message(campaignId: string, recipient: string): number {
    const row =
      this.#messageId.get(campaignId, recipient) ?? this.#newMessage.get(campaignId, recipient);
    return Number(row?.msg);
  }

  claimToken(claim: TokenClaim): ClaimResult {
    return this.transaction(() => this.#tokens.claim(claim));
  }

  /** Counted once per generation (a full index scan at millions of events). */
  eventCount(): number {
    const generation = this.generation();
    if (this.#eventCount.generation !== generation)
      this.#eventCount = {
        generation,
        n: Number(this.#db.prepare('SELECT COUNT(*) AS n FROM events').get()?.n),
      };
    return this.#eventCount.n;
  }

  /**
   * Raw events of the campaigns, streamed from SQLite in the engine's order
   * (time, type rank, id: utils/report/event-order.ts), so a report over
   * millions of events never holds them all in memory.
   */
  *eventsOf(campaignIds: readonly string[]): Generator<EmailEvent> {
    const rows = this.#db
      .prepare(
        `SELECT e.body FROM events e JOIN messages m ON m.msg = e.msg
         WHERE m.campaign_id IN (SELECT value FROM json_each(?))
         ORDER BY e.at, CASE json_extract(e.body, '$.type')
           WHEN 'sent' THEN 0 WHEN 'delivered' THEN 1 WHEN 'bounce' THEN 2 WHEN 'open' THEN 3
           WHEN 'click' THEN 4 WHEN 'unsubscribe' THEN 5 ELSE 6 END, e.id`,
      )
      .iterate(JSON.stringify(campaignIds));
    for (const row of rows) yield JSON.parse(String(row.body)) as EmailEvent;
  }

  /** Served from the report cache while no commit happened since it was computed (./report-cache.ts). */
  clickMap(query: ClickMapQuery): ClickMapReport {
    const generation = this.generation();
    const cached = this.#reports.get(query, generation);
    if (cached) return { ...cached, generatedAt: this.#options().now };
    const refreshed = this.#computeClickMap(query);
    this.#reports.set(generation, refreshed);
    return refreshed.report;
  }

  /** The queries read lately and cheap to recompute: the writer thread refreshes them. */
  hotQueries(): ClickMapQuery[] {
    return this.#reports.hot();
  }

  /** Recomputes `queries` now (the writer thread, after its commit); failures are skipped. */
  refreshReports(queries: readonly ClickMapQuery[]): {
    generation: number;
    reports: RefreshedReport[];
  } {
    // Read before the snapshots are taken: the label is never newer than the data.
    const generation = this.generation();
    const reports: RefreshedReport[] = [];
    for (const query of queries) {
      try {
        reports.push(this.#computeClickMap(query));
      } catch {
        // A query that now fails (e.g. 404) is computed, and its error answered, by its next read.
      }
    }
    return { generation, reports };
  }

  /** Reports recomputed by the writer thread at `generation`. */
  installReports(generation: number, reports: readonly RefreshedReport[]): void {
    this.#reports.install(generation, reports);
  }

  /** Its cost is this thread's CPU time: what a refresh takes from the writer, whatever the load. */
  #computeClickMap(query: ClickMapQuery): RefreshedReport {
    const cpu = process.threadCpuUsage();
    const report = inSnapshot(this.#db, () => this.#clickMapOf(query));
    this.reportsComputed++;
    const used = process.threadCpuUsage(cpu);
    return { query, report, costMs: (used.user + used.system) / 1000 };
  }

  #clickMapOf(query: ClickMapQuery): ClickMapReport {
    if (!this.getTemplate(query.templateId)) throw notFound(`no template "${query.templateId}"`);
    const versions = this.versionsOf(query.templateId);
    if (query.versionId !== undefined && !versions.some((v) => v.id === query.versionId))
      throw notFound(`template "${query.templateId}" has no version "${query.versionId}"`);
    const options = { ...this.#options(), includeMachineClicks: query.includeMachineClicks };
    const period: Period = {};
    if (query.from !== undefined) period.from = query.from;
    if (query.to !== undefined) period.to = query.to;
    let campaigns = selectCampaigns(
      this.listCampaigns(query.templateId),
      query.templateId,
      query.versionId,
    );
    if (query.campaignIds) campaigns = campaigns.filter((c) => query.campaignIds?.includes(c.id));
    const campaignIds = campaigns.map((c) => c.id);
    const days = alignedDays(period);
    const base = { templateId: query.templateId, versions, campaigns, period };
    const input = query.versionId === undefined ? base : { ...base, versionId: query.versionId };
    const mode = query.includeMachineClicks ? 'i' : 'x';
    const counts = days
      ? this.#reader.counts(campaignIds, days, mode, options.dynamicFinalUrls)
      : this.#raggedCounts(campaignIds, period, mode, {
          ...options,
          unsubscribeLinks: unsubscribeLinksOf(campaigns, versions),
        });
    // The engine's own assembly (placements of every selected version included): the same
    // rows as buildClickMapReport and the raw-event path.
    return assembleClickMap(input, campaignIds, counts, options);
  }

  /** A period not on day boundaries: aggregates of its whole days + its edge messages (edges.ts). */
  #raggedCounts(campaignIds: string[], period: Period, mode: 'x' | 'i', options: ReportOptions) {
    const messages = this.#edges.read(campaignIds, period, mode, options);
    return this.#reader.counts(campaignIds, messages.middle, mode, options.dynamicFinalUrls, {
      from: period.from ?? 0,
      to: period.to ?? Number.MAX_VALUE,
      messages,
    });
  }

  sequenceReport(sequenceId: string): SequenceReport {
    const sequence = this.getSequence(sequenceId);
    if (!sequence) throw notFound(`no sequence "${sequenceId}"`);
    const campaigns = sequence.steps
      .map((s) => this.getCampaign(s.campaignId))
      .filter((c) => c !== null);
    const versions = [...new Set(campaigns.map((c) => c.templateId))].flatMap((t) =>
      this.versionsOf(t),
    );
    const events = this.eventsOf(sequence.steps.map((s) => s.campaignId));
    return buildSequenceReport({ sequence, campaigns, versions, events }, this.#options());
  }

  close(): void {
    this.#db.close();
  }
}
