/**
 * Registration routes: templates, versions (placements given, or extracted
 * from the version's HTML with the shared link extractor), campaigns and
 * sequences. Upserts by id; answers 201 with the stored object.
 */
import type { Hono } from 'hono';
import * as v from 'valibot';
import {
  CampaignSchema,
  PlacementSchema,
  SequenceSchema,
} from '../../utils/api/catalog-schemas.ts';
import { EventTimeSchema } from '../../utils/api/event-schema.ts';
import { wellFormed } from '../../utils/api/scalars.ts';
import type { TemplateVersion } from '../../utils/report/model.ts';
import { parseJson } from '../ingest/generic.ts';
import { contentHash, placementsFromHtml } from '../placements.ts';
import { badRequest, notFound } from '../problem.ts';
import type { Storage } from '../storage/types.ts';

const id = wellFormed(200, 1);

const TemplateBody = v.object({ id, name: wellFormed(500, 1) });
const VersionBody = v.object({
  id: v.optional(id),
  createdAt: EventTimeSchema,
  subject: v.optional(wellFormed(1000)),
  html: v.optional(wellFormed(5_000_000)),
  linkIdAttribute: v.optional(wellFormed(100)),
  placements: v.optional(v.pipe(v.array(PlacementSchema), v.maxLength(5000))),
  contentHash: v.optional(wellFormed(200)),
});
const CampaignBody = v.object({
  ...CampaignSchema.entries,
  id,
  sentAt: EventTimeSchema,
  sender: v.optional(wellFormed(1000)),
});

function parseBody<S extends v.GenericSchema>(
  schema: S,
  text: string,
  what: string,
): v.InferOutput<S> {
  const result = v.safeParse(schema, parseJson(text));
  if (result.success) return result.output;
  const issue = result.issues[0];
  const path = issue.path?.map((p) => String(p.key)).join('.') || '(body)';
  throw badRequest(`${what}: ${path}: ${issue.message}`);
}

export function versionFromBody(
  templateId: string,
  body: v.InferOutput<typeof VersionBody>,
): TemplateVersion {
  if (body.html === undefined && body.placements === undefined)
    throw badRequest('version: give "html" or "placements"');
  const placements = body.placements ?? placementsFromHtml(body.html ?? '', body.linkIdAttribute);
  const hash = body.contentHash ?? contentHash(body.html ?? JSON.stringify(placements));
  const version: TemplateVersion = {
    id: body.id ?? `${templateId}@${hash}`,
    templateId,
    contentHash: hash,
    createdAt: body.createdAt,
    placements,
  };
  if (body.subject !== undefined) version.subject = body.subject;
  return version;
}

export function mountRegistryRoutes(app: Hono, storage: Storage): void {
  app.post('/v1/templates', async (c) => {
    const body = parseBody(TemplateBody, await c.req.text(), 'template');
    storage.putTemplate(body);
    return c.json(body, 201);
  });

  app.post('/v1/templates/:id/versions', async (c) => {
    const templateId = c.req.param('id');
    if (!storage.getTemplate(templateId)) throw notFound(`no template "${templateId}"`);
    const version = versionFromBody(
      templateId,
      parseBody(VersionBody, await c.req.text(), 'version'),
    );
    storage.putVersion(version);
    return c.json(version, 201);
  });

  app.post('/v1/campaigns', async (c) => {
    const body = parseBody(CampaignBody, await c.req.text(), 'campaign');
    storage.putCampaign(body);
    return c.json(body, 201);
  });

  app.post('/v1/sequences', async (c) => {
    const body = parseBody(SequenceSchema, await c.req.text(), 'sequence');
    storage.putSequence(body);
    return c.json(body, 201);
  });
}
