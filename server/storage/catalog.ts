/**
 * Catalog persistence: templates, versions (with their placements),
 * campaigns and sequences. Registration is an upsert by id; references to
 * unknown templates/versions/campaigns are rejected with a 422 reason.
 */
import type { DatabaseSync } from 'node:sqlite';
import type { Placement, Sequence, Template, TemplateVersion } from '../../utils/report/model.ts';
import type { TemplateSummary } from '../../utils/api/types.ts';
import { unprocessable } from '../problem.ts';
import type { StoredCampaign } from './types.ts';

type Row = Record<string, unknown>;

const str = (value: unknown): string => String(value);
const num = (value: unknown): number => Number(value);

function toVersion(row: Row): TemplateVersion {
  const version: TemplateVersion = {
    id: str(row.id),
    templateId: str(row.template_id),
    contentHash: str(row.content_hash),
    createdAt: num(row.created_at),
    placements: JSON.parse(str(row.placements)) as Placement[],
  };
  if (row.subject !== null) version.subject = str(row.subject);
  return version;
}

function toCampaign(row: Row): StoredCampaign {
  const campaign: StoredCampaign = {
    id: str(row.id),
    templateId: str(row.template_id),
    versionId: str(row.version_id),
    name: str(row.name),
    sentAt: num(row.sent_at),
  };
  if (row.sequence_id !== null)
    campaign.sequence = { sequenceId: str(row.sequence_id), step: num(row.step) };
  if (row.sender !== null) campaign.sender = str(row.sender);
  return campaign;
}

export class Catalog {
  readonly #db: DatabaseSync;
  constructor(db: DatabaseSync) {
    this.#db = db;
  }

  putTemplate(t: Template): void {
    this.#db
      .prepare(
        'INSERT INTO templates (id, name) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET name = excluded.name',
      )
      .run(t.id, t.name);
  }

  putVersion(v: TemplateVersion): void {
    if (!this.getTemplate(v.templateId))
      throw unprocessable(`unknown templateId "${v.templateId}"`);
    const existing = this.getVersion(v.id);
    if (existing && existing.templateId !== v.templateId)
      throw unprocessable(`version "${v.id}" belongs to template "${existing.templateId}"`);
    this.#db
      .prepare(
        `INSERT INTO versions (id, template_id, content_hash, created_at, subject, placements) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET content_hash = excluded.content_hash, created_at = excluded.created_at,
         subject = excluded.subject, placements = excluded.placements`,
      )
      .run(
        v.id,
        v.templateId,
        v.contentHash,
        v.createdAt,
        v.subject ?? null,
        JSON.stringify(v.placements),
      );
  }

  putCampaign(c: StoredCampaign): void {
    const version = this.getVersion(c.versionId);
    if (!version) throw unprocessable(`unknown versionId "${c.versionId}"`);
    if (version.templateId !== c.templateId)
      throw unprocessable(
        `version "${c.versionId}" is not a version of template "${c.templateId}"`,
      );
    this.#db
      .prepare(
        `INSERT INTO campaigns (id, template_id, version_id, name, sent_at, sender, sequence_id, step) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET name = excluded.name, sent_at = excluded.sent_at, sender = excluded.sender,
         sequence_id = excluded.sequence_id, step = excluded.step`,
      )
      .run(
        c.id,
        c.templateId,
        c.versionId,
        c.name,
        c.sentAt,
        c.sender ?? null,
        c.sequence?.sequenceId ?? null,
        c.sequence?.step ?? null,
      );
  }

  putSequence(s: Sequence): void {
    for (const step of s.steps)
      if (!this.getCampaign(step.campaignId))
        throw unprocessable(`step ${step.step}: unknown campaignId "${step.campaignId}"`);
    this.#db
      .prepare(
        'INSERT INTO sequences (id, name) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET name = excluded.name',
      )
      .run(s.id, s.name);
    this.#db.prepare('DELETE FROM sequence_steps WHERE sequence_id = ?').run(s.id);
    const insert = this.#db.prepare(
      'INSERT INTO sequence_steps (sequence_id, step, campaign_id, name) VALUES (?, ?, ?, ?)',
    );
    for (const step of s.steps) insert.run(s.id, step.step, step.campaignId, step.name);
  }

  getTemplate(id: string): Template | null {
    const row = this.#db.prepare('SELECT id, name FROM templates WHERE id = ?').get(id);
    return row ? { id: str(row.id), name: str(row.name) } : null;
  }

  versionsOf(templateId: string): TemplateVersion[] {
    return this.#db
      .prepare('SELECT * FROM versions WHERE template_id = ? ORDER BY created_at, id')
      .all(templateId)
      .map(toVersion);
  }

  getVersion(id: string): TemplateVersion | null {
    const row = this.#db.prepare('SELECT * FROM versions WHERE id = ?').get(id);
    return row ? toVersion(row) : null;
  }

  listTemplates(): TemplateSummary[] {
    const templates = this.#db.prepare('SELECT id, name FROM templates ORDER BY id').all();
    const campaignCount = this.#db.prepare(
      'SELECT COUNT(*) AS n FROM campaigns WHERE template_id = ?',
    );
    return templates.map((t) => {
      const versions = this.versionsOf(str(t.id));
      return {
        id: str(t.id),
        name: str(t.name),
        campaignCount: num(campaignCount.get(str(t.id))?.n),
        versions: versions.map((v, i) => ({
          versionId: v.id,
          contentHash: v.contentHash,
          from: v.createdAt,
          to: versions[i + 1]?.createdAt ?? null,
          subject: v.subject ?? null,
          linkCount: v.placements.length,
        })),
      };
    });
  }

  listCampaigns(templateId?: string): StoredCampaign[] {
    const rows = templateId
      ? this.#db
          .prepare('SELECT * FROM campaigns WHERE template_id = ? ORDER BY sent_at, id')
          .all(templateId)
      : this.#db.prepare('SELECT * FROM campaigns ORDER BY sent_at, id').all();
    return rows.map(toCampaign);
  }

  getCampaign(id: string): StoredCampaign | null {
    const row = this.#db.prepare('SELECT * FROM campaigns WHERE id = ?').get(id);
    return row ? toCampaign(row) : null;
  }

  listSequences(): Sequence[] {
    const ids = this.#db.prepare('SELECT id FROM sequences ORDER BY id').all();
    return ids.map((r) => this.getSequence(str(r.id))).filter((s): s is Sequence => s !== null);
  }

  getSequence(id: string): Sequence | null {
    const row = this.#db.prepare('SELECT id, name FROM sequences WHERE id = ?').get(id);
    if (!row) return null;
    const steps = this.#db
      .prepare(
        'SELECT step, campaign_id, name FROM sequence_steps WHERE sequence_id = ? ORDER BY step',
      )
      .all(id);
    return {
      id: str(row.id),
      name: str(row.name),
      steps: steps.map((s) => ({
        step: num(s.step),
        campaignId: str(s.campaign_id),
        name: str(s.name),
      })),
    };
  }
}
