/**
 * What the Click Map API itself answers for a preview, asked directly (not
 * through the extension): the template its links match and that template's
 * click map as the extension requests it (all versions, whole period,
 * machine clicks excluded). Tests compare what the browser shows with this.
 */
import type { ClickMapLinkRow, ClickMapReport } from '../../../utils/report/report-types.ts';

export interface Api {
  url: string;
  token: string;
}

async function call<T>(api: Api, path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(`${api.url}${path}`, {
    ...init,
    headers: {
      Authorization: `Bearer ${api.token}`,
      'Content-Type': 'application/json',
      ...init.headers,
    },
  });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/**
 * Registers a template with one version (from its HTML), one campaign and a
 * click by each of `clickers` on every given placement id, through the
 * API's own registration and ingestion routes.
 */
export async function registerTemplate(
  api: Api,
  template: { id: string; name: string; html: string; clicks: Record<string, string> },
  clickers = 3,
): Promise<void> {
  const post = (path: string, body: unknown) =>
    call(api, path, { method: 'POST', body: JSON.stringify(body) });
  const sentAt = Date.UTC(2026, 8, 1, 9);
  await post('/v1/templates', { id: template.id, name: template.name });
  const version = await call<{ id: string }>(api, `/v1/templates/${template.id}/versions`, {
    method: 'POST',
    body: JSON.stringify({ createdAt: sentAt, html: template.html }),
  });
  const campaignId = `${template.id}-c1`;
  await post('/v1/campaigns', {
    id: campaignId,
    templateId: template.id,
    versionId: version.id,
    name: template.name,
    sentAt,
  });
  const recipients = Array.from({ length: clickers }, (_, i) => `r${i}@example.org`);
  const events = recipients.flatMap((recipient, i) => [
    { id: `${campaignId}-sent-${i}`, type: 'sent', campaignId, recipient, at: sentAt },
    ...Object.entries(template.clicks).map(([linkId, url], k) => ({
      id: `${campaignId}-click-${i}-${k}`,
      type: 'click',
      campaignId,
      recipient,
      at: sentAt + 60_000 * (k + 1),
      linkId,
      url,
    })),
  ]);
  await post('/v1/events', { events });
}

/** The template id the API matches these hrefs to (POST /v1/match). */
export async function matchedTemplate(api: Api, hrefs: readonly string[]): Promise<string | null> {
  const result = await call<{ best: { templateId: string } | null }>(api, '/v1/match', {
    method: 'POST',
    body: JSON.stringify({ hrefs }),
  });
  return result.best?.templateId ?? null;
}

/** GET /v1/templates/{id}/clickmap as the extension asks for it by default. */
export function clickMap(api: Api, templateId: string): Promise<ClickMapReport> {
  return call(
    api,
    `/v1/templates/${encodeURIComponent(templateId)}/clickmap?machineClicks=exclude`,
  );
}

/** The report row of a placement: rows carry the placement ordinal of the template. */
export function rowAt(report: ClickMapReport, ordinal: number): ClickMapLinkRow | undefined {
  return report.links.find((row) => row.ordinal === ordinal);
}

/**
 * "% of total" as the panel defines it (utils/panel/format.ts header): shares
 * of all report rows rounded to 0.01% together by the largest remainder, so
 * they sum to exactly 100.00%. Re-implemented here from that definition.
 */
export function displayedShares(rows: readonly ClickMapLinkRow[]): Map<string, number | null> {
  const units = rows.map((r) => (r.shareOfClicks === null ? null : r.shareOfClicks * 10_000));
  const floors = units.map((u) => (u === null ? null : Math.floor(u + 1e-9)));
  const exactSum = units.reduce<number>((a, u) => a + (u ?? 0), 0);
  let left = Math.round(exactSum) - floors.reduce<number>((a, f) => a + (f ?? 0), 0);
  const order = units
    .map((u, i) => ({ i, rem: u === null ? -1 : u - (floors[i] ?? 0) }))
    .filter(({ rem }) => rem >= 0)
    .sort((a, b) => b.rem - a.rem || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i] = (floors[i] ?? 0) + 1;
    left -= 1;
  }
  return new Map(rows.map((r, i) => [r.rowKey, floors[i] === null ? null : floors[i]! / 10_000]));
}

/** Count and percent texts in the browser's locale, as the panel formats them. */
export function formatters(locale: string) {
  const count = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const percent = new Intl.NumberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  return {
    count: (n: number) => count.format(n),
    percent: (f: number | null) => (f === null ? '—' : percent.format(f)),
  };
}
