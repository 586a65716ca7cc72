/**
 * The SQLite implementation of Storage: catalog + idempotent event log +
 * incremental aggregates, each ingestion request in one transaction.
 * Click maps for day-aligned periods (the common case: all time, a version,
 * whole days) are read from the aggregates; other periods fall back to the
 * engine over the selected campaigns' raw events (exact, slower).
 */
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { buildClickMapReport, type ClickMapInput } from '../../utils/report/build.ts';
import { assembleReport } from '../../utils/report/assemble.ts';
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
import { selectCampaigns, selectPlacements, versionPeriods } from '../../utils/report/versions.ts';
import type { TemplateSummary } from '../../utils/api/types.ts';
import { AggregateWriter } from '../aggregate/apply.ts';
import { AggregateReader } from '../aggregate/query.ts';
import { alignedDays, memoizeIdentify } from '../aggregate/periods.ts';
import { notFound, unprocessable } from '../problem.ts';
import { Catalog } from './catalog.ts';
import { inTransaction, openDatabase } from './schema.ts';
import type { ClickMapQuery, IngestOutcome, Storage, StoredCampaign } from './types.ts';
import type { ClaimResult, TokenClaim } from './webhook-tokens.ts';
import { WebhookTokens } from './webhook-tokens.ts';

export class SqliteStorage implements Storage {
  readonly #db: DatabaseSync;
  readonly #catalog: Catalog;
  readonly #options: () => ReportOptions;
  readonly #writer: AggregateWriter;
  readonly #reader: AggregateReader;
  readonly #messageId: StatementSync;
  readonly #newMessage: StatementSync;
  readonly #insertEvent: StatementSync;
  readonly #insertUnsub: StatementSync;
  readonly #tokens: WebhookTokens;

  /** `options` is called per report (its `now` stamps generatedAt); includeMachineClicks is ignored. */
  constructor(path: string, options: () => ReportOptions) {
    this.#db = openDatabase(path);
    this.#catalog = new Catalog(this.#db);
    const identify = memoizeIdentify(options().identify);
    this.#options = () => ({ ...options(), identify });
    this.#writer = new AggregateWriter(this.#db, this.#options());
    this.#reader = new AggregateReader(this.#db);
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
  }

  putTemplate = (t: Template): void => this.#catalog.putTemplate(t);
  putVersion = (v: TemplateVersion): void => this.#catalog.putVersion(v);
  putCampaign = (c: StoredCampaign): void => this.#catalog.putCampaign(c);
  putSequence = (s: Sequence): void => inTransaction(this.#db, () => this.#catalog.putSequence(s));
  listTemplates = (): TemplateSummary[] => this.#catalog.listTemplates();
  getTemplate = (id: string): Template | null => this.#catalog.getTemplate(id);
  versionsOf = (templateId: string): TemplateVersion[] => this.#catalog.versionsOf(templateId);
  getVersion = (id: string): TemplateVersion | null => this.#catalog.getVersion(id);
  listCampaigns = (templateId?: string): StoredCampaign[] =>
    this.#catalog.listCampaigns(templateId);
  getCampaign = (id: string): StoredCampaign | null => this.#catalog.getCampaign(id);
  listSequences = (): Sequence[] => this.#catalog.listSequences();
  getSequence = (id: string): Sequence | null => this.#catalog.getSequence(id);

  ingest(events: readonly EmailEvent[]): IngestOutcome {
    return inTransaction(this.#db, () => {
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
      let stored = 0;
      for (const event of events) {
        const msg = this.#message(event.campaignId, event.recipient);
        if (this.#insertEvent.run(event.id, msg, event.at, JSON.stringify(event)).changes === 0)
          continue;
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
    return inTransaction(this.#db, () => this.#tokens.claim(claim));
  }

  eventCount(): number {
    return Number(this.#db.prepare('SELECT COUNT(*) AS n FROM events').get()?.n);
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

  /**
   * The engine over streamed raw events. SQLite orders ids by bytes and
   * JavaScript by UTF-16 units; they differ only for exotic ids, and then the
   * streaming engine refuses the order and the report is rebuilt buffered.
   */
  #rescan(input: Omit<ClickMapInput, 'events'>, campaignIds: string[], options: ReportOptions) {
    try {
      return buildClickMapReport(
        { ...input, events: this.eventsOf(campaignIds) },
        { ...options, assumeSorted: true },
      );
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('events out of order'))
        throw error;
      return buildClickMapReport({ ...input, events: this.eventsOf(campaignIds) }, options);
    }
  }

  clickMap(query: ClickMapQuery): ClickMapReport {
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
    if (!days) {
      const input = { templateId: query.templateId, versions, campaigns, period };
      return this.#rescan(
        query.versionId === undefined ? input : { ...input, versionId: query.versionId },
        campaignIds,
        options,
      );
    }
    const counts = this.#reader.counts(
      campaignIds,
      days,
      query.includeMachineClicks ? 'i' : 'x',
      options.dynamicFinalUrls,
    );
    return assembleReport(counts, {
      templateId: query.templateId,
      versionId: query.versionId ?? null,
      period,
      campaignIds,
      versions: versionPeriods(versions, query.templateId),
      placements: selectPlacements(versions, query.templateId, query.versionId),
      machineClicksIncluded: query.includeMachineClicks,
      dynamicFinalUrls: options.dynamicFinalUrls,
      identify: options.identify,
      generatedAt: options.now,
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
