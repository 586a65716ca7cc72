/**
 * Registers a real campaign with the reference Click Map API as a team would
 * (template, version from the HTML as sent, campaign with its sender, events
 * through the ingestion route), with a recognisable number of unique clicks
 * per link, so a test can check every badge's number.
 */
import type { RunningServer } from '../../../server/start.ts';
import type { EmailEvent } from '../../../utils/report/model.ts';
import type { Campaign } from '../roundcube/campaigns.ts';
import { hrefsOf } from '../roundcube/campaigns.ts';

export const SENT_AT = Date.UTC(2026, 10, 2, 9);

export interface RegisteredCampaign {
  templateId: string;
  templateName: string;
  hrefs: string[];
  /** Unique clicks of link ordinal i (one reader clicks each link at most once). */
  clicksByLink: number[];
}

export async function api<T>(server: RunningServer, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${server.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Sent/delivered/open for `readers` recipients, and a click on link i by the first clicksByLink[i] of them. */
export function campaignEvents(
  campaignId: string,
  hrefs: readonly string[],
  clicksByLink: readonly number[],
  readers = 12,
): EmailEvent[] {
  const events: EmailEvent[] = [];
  for (let r = 0; r < readers; r++) {
    const base = { campaignId, recipient: `user${r}@example.org` };
    events.push({ ...base, id: `${campaignId}-s${r}`, type: 'sent', at: SENT_AT });
    events.push({ ...base, id: `${campaignId}-d${r}`, type: 'delivered', at: SENT_AT + 1_000 });
    events.push({ ...base, id: `${campaignId}-o${r}`, type: 'open', at: SENT_AT + 3_600_000 });
    hrefs.forEach((url, ordinal) => {
      if (r >= (clicksByLink[ordinal] ?? 0)) return;
      const at = SENT_AT + 3_600_000 + 60_000 * (ordinal + 1);
      const id = `${campaignId}-c${r}-${ordinal}`;
      events.push({ ...base, id, type: 'click', at, url, linkId: `L${ordinal}` });
    });
  }
  return events;
}

/** Registers `campaign` as template `templateId`; link i gets `(i * 7 + 3) % readers` unique clicks unless given. */
export async function registerCampaign(
  server: RunningServer,
  templateId: string,
  templateName: string,
  campaign: Campaign,
  clicksByLink?: number[],
): Promise<RegisteredCampaign> {
  const hrefs = hrefsOf(campaign.html);
  const clicks = clicksByLink ?? hrefs.map((_, i) => ((i * 7 + 3) % 11) + 1);
  await api(server, '/v1/templates', { id: templateId, name: templateName });
  await api(server, `/v1/templates/${templateId}/versions`, {
    id: `${templateId}-v1`,
    createdAt: SENT_AT - 86_400_000,
    subject: campaign.subject,
    html: campaign.html,
  });
  await api(server, '/v1/campaigns', {
    id: `${templateId}-c1`,
    templateId,
    versionId: `${templateId}-v1`,
    name: `${templateName}, November`,
    sentAt: SENT_AT,
    sender: campaign.from,
  });
  await api(server, '/v1/events', campaignEvents(`${templateId}-c1`, hrefs, clicks));
  return { templateId, templateName, hrefs, clicksByLink: clicks };
}

/** The badge labels the lens must draw for a registered campaign: "#<link> <unique> · …", in link order. */
export function expectedLabelPrefixes(c: RegisteredCampaign): string[] {
  return c.hrefs.map((_, i) => `#${i + 1} ${c.clicksByLink[i]} · `);
}
