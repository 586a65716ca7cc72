// @vitest-environment node
/**
 * The product in a real webmail: a campaign is registered with the reference
 * Click Map API (template version from its HTML, events posted as a team
 * would), the same email is delivered into a real Roundcube mailbox, and
 * Chromium with Clickmap Lens opens it in the preview pane and in full view.
 * Badges must appear on every link, with the API's numbers, in both views.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs } from '../../../scripts/browser-flags.ts';
import { readLens, writeExtensionSettings } from '../../../scripts/demo/browser.ts';
import { startServer, type RunningServer } from '../../../server/start.ts';
import type { EmailEvent } from '../../../utils/report/model.ts';
import type { ClickMapReport } from '../../../utils/report/report-types.ts';
import { BUILDS, requireBrowser } from '../harness/browsers.ts';
import { hrefsOf, postmarkWelcome } from './campaigns.ts';
import { deliverHtmlEmail } from './deliver.ts';
import { ensureRig, type RigConfig } from './rig.ts';
import { CHROMIUM, login, openFullView, openInPreview } from './session.ts';

const SHOTS = resolve(import.meta.dirname, '../../../test-results/roundcube');
const campaign = postmarkWelcome();
const SUBJECT = `${campaign.subject} [overlay ${Date.now().toString(36)}]`;
const SENT_AT = Date.UTC(2026, 10, 2, 9);

/** Clicks per link ordinal: a recognisable profile (ordinal 0 busiest). */
const CLICKS_BY_LINK = [9, 4, 0, 2, 1];

function campaignEvents(hrefs: string[]): EmailEvent[] {
  const events: EmailEvent[] = [];
  for (let r = 0; r < 12; r++) {
    const base = { campaignId: 'rc-welcome-c1', recipient: `user${r}@example.org` };
    events.push({ ...base, id: `s${r}`, type: 'sent', at: SENT_AT });
    events.push({ ...base, id: `d${r}`, type: 'delivered', at: SENT_AT + 1_000 });
    events.push({ ...base, id: `o${r}`, type: 'open', at: SENT_AT + 3_600_000 });
    hrefs.forEach((url, ordinal) => {
      if (r < (CLICKS_BY_LINK[ordinal] ?? 0)) {
        const at = SENT_AT + 3_600_000 + 60_000 * (ordinal + 1);
        events.push({
          ...base,
          id: `c${r}-${ordinal}`,
          type: 'click',
          at,
          url,
          linkId: `L${ordinal}`,
        });
      }
    });
  }
  return events;
}

async function api<T>(server: RunningServer, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${server.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/**
 * Badge labels of the frame that shows `count` badges, read with the
 * extension's privileges (the lens draws in closed shadow roots).
 */
async function waitForBadges(
  context: BrowserContext,
  page: Page,
  count: number,
): Promise<string[]> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const lens = await readLens(context, page.url());
    const labels = lens.labels.find((l) => l.length >= count);
    if (labels) return labels;
    if (Date.now() > deadline)
      throw new Error(`no frame with ${count} badges: ${JSON.stringify(lens)}`);
    await page.waitForTimeout(200);
  }
}

/** A badge label reads "#<link number> <unique clicks> · <share>". */
const BADGE_LABEL = /^#(\d+) (\d+) · /;
function labelPart(label: string, part: 1 | 2): number {
  const match = BADGE_LABEL.exec(label);
  if (!match) throw new Error(`unexpected badge label ${JSON.stringify(label)}`);
  return Number(match[part]);
}
const linkNumberOf = (label: string) => labelPart(label, 1);
const uniqueClicksOf = (label: string) => labelPart(label, 2);

describe('Clickmap Lens in a real Roundcube', () => {
  let rig: RigConfig;
  let server: RunningServer;
  let context: BrowserContext;
  let report: ClickMapReport;
  const hrefs = hrefsOf(campaign.html);

  beforeAll(async () => {
    requireBrowser('chromium');
    rig = await ensureRig();
    server = await startServer({ token: 'rc-overlay-token' });
    await api(server, '/v1/templates', { id: 'rc-welcome', name: 'Welcome (Roundcube test)' });
    await api(server, '/v1/templates/rc-welcome/versions', {
      id: 'rc-welcome-v1',
      createdAt: SENT_AT - 86_400_000,
      subject: campaign.subject,
      html: campaign.html,
    });
    await api(server, '/v1/campaigns', {
      id: 'rc-welcome-c1',
      templateId: 'rc-welcome',
      versionId: 'rc-welcome-v1',
      name: 'Welcome, November',
      sentAt: SENT_AT,
      sender: campaign.from,
    });
    await api(server, '/v1/events', campaignEvents(hrefs));
    report = await api(server, '/v1/templates/rc-welcome/clickmap');
    await deliverHtmlEmail({ html: campaign.html, subject: SUBJECT, from: campaign.from });

    context = await chromium.launchPersistentContext('', {
      executablePath: CHROMIUM,
      headless: true,
      args: chromiumArgs(BUILDS.chromium),
      viewport: { width: 1400, height: 900 },
    });
    await writeExtensionSettings(context, { apiUrl: server.url, token: server.token }, [
      new URL(rig.url).hostname,
    ]);
    mkdirSync(SHOTS, { recursive: true });
  }, 900_000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
  });

  it('the API counts the campaign as planned', () => {
    expect(hrefs).toHaveLength(5);
    expect(report.links.slice(0, 5).map((row) => row.uniqueClicks)).toEqual(CLICKS_BY_LINK);
  });

  it('badges every link in the preview pane with the API numbers', async () => {
    const page = await context.newPage();
    await login(page, rig.url, rig.user, rig.pass);
    const frame = await openInPreview(page, SUBJECT);
    const labels = await waitForBadges(context, page, hrefs.length);
    await page.screenshot({ path: resolve(SHOTS, 'overlay-preview-pane.png') });
    expect(labels).toHaveLength(hrefs.length);
    // "#3 9 · 56.25%": the link's # (its table row), then unique clicks as the API counts them.
    expect(labels.map(linkNumberOf)).toEqual(hrefs.map((_, i) => i + 1));
    expect(labels.map(uniqueClicksOf)).toEqual(CLICKS_BY_LINK);
    // The panel lives in the top page; the badges in the preview frame's own layer, outside <body>.
    expect((await readLens(context, page.url())).state).toBe('ready');
    const layerParent = await frame.evaluate(
      () => document.querySelector('clickmap-lens-layer')?.parentElement?.tagName,
    );
    expect(layerParent).toBe('HTML');
    await page.close();
  });

  it('badges every link in full view too', async () => {
    const page = await context.newPage();
    await login(page, rig.url, rig.user, rig.pass);
    const full = await openFullView(page, SUBJECT);
    const labels = await waitForBadges(context, full, hrefs.length);
    await full.screenshot({ path: resolve(SHOTS, 'overlay-full-view.png') });
    expect(labels.map(linkNumberOf)).toEqual(hrefs.map((_, i) => i + 1));
    expect(labels.map(uniqueClicksOf)).toEqual(CLICKS_BY_LINK);
    await full.close();
  });
});
