/**
 * Read routes of Click Map API v1: health, templates (with versions and their
 * date periods), campaigns, a template's click map, sequences and their
 * report, and preview matching.
 */
import type { Hono } from 'hono';
import * as v from 'valibot';
import type { MatchRequest } from '../../utils/api/types.ts';
import { boundMatchLinks } from '../../utils/api/match-rules.ts';
import { matchPreview } from '../match.ts';
import { badRequest, notFound } from '../problem.ts';
import type { Storage } from '../storage/types.ts';
import { parseJson } from '../ingest/generic.ts';

export const API_VERSION = '1.0.0';

/** Epoch milliseconds or an ISO 8601 date / date-time. */
export function parseInstant(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  const at = /^-?\d+$/.test(value) ? Number(value) : Date.parse(value);
  if (!Number.isSafeInteger(at) || at < 0)
    throw badRequest(
      `query "${name}" must be epoch milliseconds or an ISO 8601 date-time, got "${value}"`,
    );
  return at;
}

function parseMachineClicks(value: string | undefined): boolean {
  // Default: the seed's reading, every click counted (Altcraft: "All clicks are counted").
  if (value === undefined || value === 'include') return true;
  if (value === 'exclude') return false;
  throw badRequest(`query "machineClicks" must be "include" or "exclude", got "${value}"`);
}

/**
 * Links past MATCH_LIMITS (too many, too long) are ignored with a note, not
 * refused; the hard bounds here only stop absurd requests (the body limit
 * bounds the bytes).
 */
const MatchRequestSchema = v.object({
  hrefs: v.pipe(v.array(v.string()), v.maxLength(50_000)),
  texts: v.optional(v.pipe(v.array(v.string()), v.maxLength(50_000))),
  subject: v.optional(v.pipe(v.string(), v.maxLength(1000))),
  sender: v.optional(v.pipe(v.string(), v.maxLength(1000))),
  base: v.optional(v.pipe(v.string(), v.maxLength(8192))),
});

export function mountReadRoutes(app: Hono, storage: Storage): void {
  app.get('/v1/health', (c) =>
    c.json({ status: 'ok' as const, version: API_VERSION, events: storage.eventCount() }),
  );

  app.get('/v1/templates', (c) => c.json({ templates: storage.listTemplates() }));

  app.get('/v1/templates/:id', (c) => {
    const template = storage.getTemplate(c.req.param('id'));
    if (!template) throw notFound(`no template "${c.req.param('id')}"`);
    return c.json({ ...template, versions: storage.versionsOf(template.id) });
  });

  app.get('/v1/templates/:id/clickmap', (c) => {
    const from = parseInstant(c.req.query('from'), 'from');
    const to = parseInstant(c.req.query('to'), 'to');
    if (from !== undefined && to !== undefined && to < from)
      throw badRequest('"to" is before "from"');
    const versionId = c.req.query('version') || undefined;
    const campaigns = c.req.query('campaigns');
    return c.json(
      storage.clickMap({
        templateId: c.req.param('id'),
        includeMachineClicks: parseMachineClicks(c.req.query('machineClicks')),
        ...(versionId ? { versionId } : {}),
        ...(from !== undefined ? { from } : {}),
        ...(to !== undefined ? { to } : {}),
        ...(campaigns ? { campaignIds: campaigns.split(',') } : {}),
      }),
    );
  });

  app.get('/v1/campaigns', (c) =>
    c.json({ campaigns: storage.listCampaigns(c.req.query('templateId') || undefined) }),
  );

  app.get('/v1/sequences', (c) => c.json({ sequences: storage.listSequences() }));

  app.get('/v1/sequences/:id/report', (c) => c.json(storage.sequenceReport(c.req.param('id'))));

  app.post('/v1/match', async (c) => {
    const parsed = v.safeParse(MatchRequestSchema, parseJson(await c.req.text()));
    if (!parsed.success) throw badRequest(`match request: ${parsed.issues[0].message}`);
    const { hrefs, texts, notes } = boundMatchLinks(parsed.output.hrefs, parsed.output.texts);
    const request: MatchRequest = {
      ...parsed.output,
      hrefs,
      ...(texts === undefined ? {} : { texts }),
    };
    const templates = storage.listTemplates();
    const versions = templates.flatMap((t) => storage.versionsOf(t.id));
    const result = matchPreview(request, versions, storage.listCampaigns());
    return c.json(notes.length > 0 ? { ...result, notes } : result);
  });
}
