/**
 * The reference API's side of bench/stats-to-badges.ts: registers the bench
 * email as a template (one version, one campaign) and a skewed click map over
 * its links through the API's own routes, as an ESP would have recorded it.
 */
import type { RunningServer } from '../server/start.ts';

/** Deterministic skewed clicks per link (a few hot links, a long cold tail). */
function clickersFor(i: number): number {
  const x = Math.sin((i + 1) * 12.9898) * 43758.5453;
  return Math.floor((x - Math.floor(x)) ** 3 * 40);
}

export async function registerEmail(
  api: RunningServer,
  html: string,
): Promise<{ placements: number; rows: number }> {
  const call = async (path: string, body?: unknown) => {
    const response = await fetch(`${api.url}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { Authorization: `Bearer ${api.token}`, 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
    return (await response.json()) as Record<string, unknown>;
  };
  const hrefs = [...html.matchAll(/<a\b[^>]*\bhref="([^"]+)"/gi)].map((m) =>
    (m[1] ?? '').replaceAll('&amp;', '&'),
  );
  const urls = [...new Set(hrefs.filter((h) => /^https?:/.test(h)))];
  const sentAt = Date.UTC(2026, 8, 1, 9);
  await call('/v1/templates', { id: 'bench', name: 'Bench newsletter' });
  const version = (await call('/v1/templates/bench/versions', { createdAt: sentAt, html })) as {
    id: string;
  };
  const campaignId = 'bench-c1';
  await call('/v1/campaigns', {
    id: campaignId,
    templateId: 'bench',
    versionId: version.id,
    name: 'Bench newsletter',
    sentAt,
  });
  const events: unknown[] = [];
  for (let r = 0; r < 40; r++) {
    const recipient = `r${r}@example.org`;
    events.push({ id: `sent-${r}`, type: 'sent', campaignId, recipient, at: sentAt });
  }
  urls.forEach((url, i) => {
    for (let r = 0; r < clickersFor(i); r++) {
      const recipient = `r${r}@example.org`;
      const at = sentAt + 60_000 * (i + 1);
      events.push({ id: `click-${i}-${r}`, type: 'click', campaignId, recipient, at, url });
    }
  });
  for (let i = 0; i < events.length; i += 1000)
    await call('/v1/events', { events: events.slice(i, i + 1000) });
  const report = (await call('/v1/templates/bench/clickmap?machineClicks=exclude')) as {
    links: unknown[];
  };
  return { placements: hrefs.length, rows: report.links.length };
}
