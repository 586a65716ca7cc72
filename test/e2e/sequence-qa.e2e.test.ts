/**
 * Issue #7 in a real Chromium with the built extension: (a) the sales
 * sequence view for the sales-outreach email, whose step numbers must equal
 * the reference API's GET /v1/sequences/sales-q4/report; (b) "Check links"
 * (pre-send QA) on corpus templates with known problems, whose list must be
 * exactly the audit (utils/audit) of the same placements with the boxes the
 * page measured, with every visible link numbered "#n" on the email.
 * Run after `npx wxt build`.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Window } from 'happy-dom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/start.ts';
import { auditPlacements } from '../../utils/audit/audit.ts';
import { groupFindings } from '../../utils/audit/groups.ts';
import { isInTextLink } from '../../utils/audit/in-text.ts';
import { extractLinks, type LinkBox } from '../../utils/links/extract.ts';
import type { SequenceReport } from '../../utils/report/report-types.ts';
import { launch, type ExtensionBrowser, type TestPage } from './harness/browsers.ts';
import { TEST_SITES } from './harness/configure.ts';
import { startStaticServer, type StaticServer } from './harness/static-server.ts';

const TOKEN = 'e2e-sequence-qa-token';
const ARTIFACTS = 'test-results/sequence-qa';
const CORPUS = resolve(import.meta.dirname, '../../../shared/corpus/templates');

let api: RunningServer;
let pages: StaticServer;

/** Stores settings in the new shape, from the extension's own options page. */
async function configure(browser: ExtensionBrowser, apiUrl: string): Promise<void> {
  const page = await browser.newPage();
  await page.goto(`${browser.extensionOrigin}options.html`);
  const settings = {
    sources: [{ kind: 'clickmap-api', apiUrl, token: TOKEN }],
    activeSource: 'clickmap-api',
    includeMachineClicks: false,
    // The lens runs only where enabled: keep the sites the browser was launched with.
    enabledSites: TEST_SITES,
    disabledSites: [],
  };
  type Local = {
    set(items: object): Promise<void>;
    get(key: string): Promise<Record<string, unknown>>;
  };
  type Ext = { storage?: { local: Local } };
  await page.waitFor(() => {
    const g = globalThis as { browser?: Ext; chrome?: Ext };
    return Boolean((g.browser ?? g.chrome)?.storage);
  }, undefined);
  const stored = await page.evaluate(async (value) => {
    const g = globalThis as { browser?: Ext; chrome?: Ext };
    const local = (g.browser ?? g.chrome)!.storage!.local;
    await local.set({ settings: value });
    return (await local.get('settings')).settings;
  }, settings);
  expect(stored).toEqual(settings);
  await page.close();
}

async function openPreview(browser: ExtensionBrowser, template: string): Promise<TestPage> {
  const page = await browser.newPage();
  await page.setViewport(1400, 900);
  const query = new URLSearchParams({ src: `/corpus/templates/${template}` });
  await page.goto(`${pages.origin}/pages/esp-preview.html?${query}`);
  await page.waitFor(() => document.documentElement.dataset.previewLoaded === 'true', undefined);
  return page;
}

/** The panel's data-state once it left "loading". */
function settledState(): string | null {
  const panel = document.querySelector('clickmap-lens-ui')?.shadowRoot?.querySelector('.cml-panel');
  const state = panel?.getAttribute('data-state') ?? null;
  return state && state !== 'loading' ? state : null;
}

/** Texts of the cells of each row of `selector` inside the panel (null until there is one). */
function panelRows(selector: string): string[][] | null {
  const root = document.querySelector('clickmap-lens-ui')?.shadowRoot;
  const rows = [...(root?.querySelectorAll(selector) ?? [])];
  if (rows.length === 0) return null;
  return rows.map((tr) =>
    [...tr.querySelectorAll('td, th')].map((c) => (c.textContent ?? '').trim()),
  );
}

function panelTexts(selector: string): string[] {
  const root = document.querySelector('clickmap-lens-ui')?.shadowRoot;
  return [...(root?.querySelectorAll(selector) ?? [])].map((e) => (e.textContent ?? '').trim());
}

/** What the preview frame measured per link, as preview-runtime's measure() does, plus badges. */
function previewState() {
  const frame = document.getElementById('preview') as HTMLIFrameElement | null;
  const doc = frame?.contentDocument;
  if (!doc?.body) return null;
  const boxes = [...doc.querySelectorAll('a[href], area[href]')].map((el) => {
    const rect = el.getBoundingClientRect();
    const images = [...el.querySelectorAll('img')].map((i) => i.getBoundingClientRect());
    const visible = [rect, ...images].some((b) => b.width > 0 && b.height > 0);
    return { width: rect.width, height: rect.height, visible };
  });
  const layer = doc.querySelector('clickmap-lens-layer')?.shadowRoot;
  const badges = [...(layer?.querySelectorAll('.badge') ?? [])]
    .filter((b) => !(b as HTMLElement).hidden)
    .map((b) => ({ ordinal: Number(b.getAttribute('data-ordinal')), label: b.textContent ?? '' }));
  return { boxes, badges, base: doc.baseURI };
}

function percent(locale: string, value: number | null): string {
  if (value === null) return '—';
  return new Intl.NumberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(value);
}

beforeAll(async () => {
  [api, pages] = await Promise.all([
    startServer({ seed: 'demo', token: TOKEN }),
    startStaticServer(),
  ]);
  mkdirSync(ARTIFACTS, { recursive: true });
});

afterAll(async () => {
  await Promise.all([pages?.close(), api?.close()]);
});

/** The audit of `template` computed here, over the boxes the page measured. */
function expectedAudit(template: string, boxes: LinkBox[], base: string) {
  const html = readFileSync(`${CORPUS}/${template}`, 'utf8');
  const window = new Window({ settings: { disableJavaScriptEvaluation: true } });
  // happy-dom's DOM as lib.dom's, as server/placements.ts runs the extractor.
  const doc = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  const elements = [...doc.querySelectorAll('a[href], area[href]')];
  const measure = (element: Element) => {
    const box = boxes[elements.indexOf(element)];
    return box ? { ...box, inText: isInTextLink(element) } : null;
  };
  const result = auditPlacements(extractLinks(doc, { base, measure }));
  void window.happyDOM.close();
  return result;
}

describe.each(['chromium', 'firefox'] as const)('%s', (name) => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launch(name);
    await configure(browser, api.url);
  });
  afterAll(async () => browser?.close());

  describe('sales sequence view', () => {
    it('shows the 4 steps of sales-q4 with the API numbers, summed, and click performance; picking a step narrows the click map', async () => {
      const expected = (await (
        await fetch(`${api.url}/v1/sequences/sales-q4/report`, {
          headers: { Authorization: `Bearer ${TOKEN}` },
        })
      ).json()) as SequenceReport;
      expect(expected.steps).toHaveLength(4);

      const page = await openPreview(browser, 'postmark-plain-trial-expiring.html');
      expect(await page.waitFor(settledState, undefined, 20_000)).toBe('ready');
      expect(await page.evaluate(panelTexts, '.cml-tab')).toEqual([
        'Click map',
        'Sequence',
        'Check links',
      ]);
      await page.click('button.cml-tab[data-view="sequence"]');
      const steps = await page.waitFor(panelRows, '.cml-steps tbody tr', 10_000);
      const locale = await page.evaluate(() => navigator.language, undefined);
      const count = (n: number) => new Intl.NumberFormat(locale).format(n);
      expect(steps).toEqual(
        expected.steps.map((s) => [
          count(s.step),
          s.name,
          count(s.sent),
          count(s.singleOpens),
          percent(locale, s.openRate),
          count(s.singleClicks),
          percent(locale, s.clickRate),
        ]),
      );
      const sum = (pick: (s: SequenceReport['steps'][number]) => number) =>
        expected.steps.reduce((total, s) => total + pick(s), 0);
      const summary = await page.evaluate(panelRows, '.cml-steps tfoot tr');
      expect(summary).toEqual([
        [
          'All steps',
          count(sum((s) => s.sent)),
          count(sum((s) => s.singleOpens)),
          percent(locale, sum((s) => s.singleOpens) / sum((s) => s.sent)),
          count(sum((s) => s.singleClicks)),
          percent(locale, sum((s) => s.singleClicks) / sum((s) => s.sent)),
        ],
      ]);
      const performance = await page.evaluate(panelRows, '.cml-click-performance tbody tr');
      expect(performance?.length ?? 0).toBe(expected.clickPerformance.length);
      await page.screenshot(`${ARTIFACTS}/${name}-sequence.png`);

      // This email is one step: picking it narrows the click map to that campaign.
      await page.click('button.cml-tab[data-view="report"]');
      const step2 = expected.steps[1]!;
      await page.evaluate((campaignId) => {
        const root = document.querySelector('clickmap-lens-ui')?.shadowRoot;
        const select = root?.querySelector<HTMLSelectElement>('.cml-campaign-picker select');
        if (!select) throw new Error('no campaign picker');
        select.value = campaignId;
        select.dispatchEvent(new Event('change', { bubbles: true }));
      }, step2.campaignId);
      const sent = await page.waitFor(
        (want: string) => {
          const root = document.querySelector('clickmap-lens-ui')?.shadowRoot;
          const dd = root?.querySelector('[data-metric="sent"] dd');
          return dd?.textContent === want ? want : null;
        },
        count(step2.sent),
        10_000,
      );
      expect(sent).toBe(count(step2.sent));
      await page.close();
    });
  });

  describe('pre-send QA mode', () => {
    it.each([
      ['colorlib-24.html', 'placeholder-href'],
      ['postmark-basic-full-welcome.html', 'merge-tag'],
    ])('%s: lists exactly the audit findings and numbers every link', async (template, rule) => {
      const page = await openPreview(browser, template);
      await page.waitFor(settledState, undefined, 20_000);
      await page.click('button.cml-tab[data-view="qa"]');
      const rows = await page.waitFor(panelRows, '.cml-qa-findings tbody tr', 10_000);
      const state = await page.waitFor(
        (n: number) => {
          const frame = document.getElementById('preview') as HTMLIFrameElement | null;
          const layer = frame?.contentDocument?.querySelector('clickmap-lens-layer')?.shadowRoot;
          const labels = [...(layer?.querySelectorAll('.badge:not([hidden])') ?? [])];
          return labels.length >= n && labels.every((b) => b.textContent?.startsWith('#'));
        },
        1,
        10_000,
      );
      expect(state).toBe(true);
      const preview = await page.evaluate(previewState, undefined);
      if (!preview) throw new Error('no preview frame');
      const audit = expectedAudit(template, preview.boxes, preview.base);

      expect(audit.findings.some((f) => f.rule === rule)).toBe(true);
      expect(rows).toEqual(
        groupFindings(audit.findings)
          .flatMap((g) => g.findings)
          .map((f) => {
            const p =
              f.placementOrdinal === undefined ? undefined : audit.placements[f.placementOrdinal];
            return [
              p ? `#${p.number}` : 'all',
              f.severity,
              f.rule,
              p ? expect.any(String) : '',
              f.message,
            ];
          }),
      );
      const visible = audit.placements.filter((_, i) => preview.boxes[i]?.visible !== false);
      expect(preview.badges.sort((a, b) => a.ordinal - b.ordinal)).toEqual(
        visible.map((p) => ({ ordinal: p.ordinal, label: `#${p.number}` })),
      );
      const summary = await page.evaluate(panelTexts, '.cml-qa-summary');
      expect(summary).toEqual([
        `${audit.placements.length} links · ${audit.counts.error} errors · ${audit.counts.warning} warnings · ${audit.counts.info} info`,
      ]);
      await page.screenshot(`${ARTIFACTS}/${name}-qa-${template.replace(/\.html$/, '')}.png`);
      await page.close();
    });
  });
});
