/**
 * The panel's views: an ESP source report in the one report view (unknown
 * numbers "—" + reason, what the source cannot give, sorting, chart, locate,
 * export), the view switch with the sequence tab (and its export), and
 * "Check links" (QA list, counts, CSV export).
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { templateHtml } from '../test/fixtures/links/corpus.ts';
import { mailchimpMatch, mailchimpReport } from '../utils/panel/testing/fixtures.ts';
import type { SequenceReport } from '../utils/report/report-types.ts';
import { groupFindings } from '../utils/audit/groups.ts';
import { auditPreview } from '../utils/audit/preview-audit.ts';
import { previewModel } from '../utils/panel/panel-model.ts';
import { listmonkReport } from '../utils/sources/testing/esp-reports.ts';
import { emailWith, previewOf } from '../utils/messaging/testing/preview.ts';
import { Panel, type PanelProps } from './Panel.tsx';
import { createPanelStore, type PanelStatus } from './panel-store.ts';
import { fakeChartModule } from './testing/fake-chart.ts';
import { click, fire, mount, texts, type Mounted } from './testing/mount.ts';

let view: Mounted | null = null;
afterEach(() => view?.unmount());

const EVERY_COLUMN = ['name', 'uniqueClicks', 'ctr', 'totalClicks', 'ctor'];

function renderPanel(
  status: PanelStatus,
  overrides: Partial<PanelProps> = {},
  // Every optional column on by default: these tests read every number of a row.
  columns = EVERY_COLUMN,
) {
  const store = createPanelStore({ status, locale: 'en-US' });
  store.setTableColumns(columns);
  const { mod } = fakeChartModule();
  const props: PanelProps = {
    store,
    loadChart: () => Promise.resolve(mod),
    onClose: vi.fn(),
    onOpenSettings: vi.fn(),
    onRetry: vi.fn(),
    onLocate: vi.fn(),
    onHighlight: vi.fn(),
    onPeriodChange: vi.fn(),
    onMachineClicksChange: vi.fn(),
    ...overrides,
  };
  view = mount(<Panel {...props} />, { shadow: true });
  return { view, props, store };
}

const SUPERSHOES =
  'https://www.technologyreview.com/2024/06/25/1093520/supershoes-running-kenya-carbon-plate-shoes/';
const WIRED =
  'https://www.wired.com/story/ai-music-generators-suno-and-udio-sued-for-copyright-infringement/';

/** A cell's text and, when it is "—", its reason. */
const cellText = (td: Element) =>
  td.getAttribute('title') && td.textContent === '—'
    ? `— (${td.getAttribute('title')})`
    : (td.textContent ?? '');

describe('an ESP report (listmonk) in the one report view', async () => {
  const preview = previewOf(emailWith([SUPERSHOES, 'https://example.com/other']));
  const report = await listmonkReport();
  const status: PanelStatus = {
    kind: 'ready',
    report,
    match: previewModel(preview, report, 'en-US').panel,
  };

  test('is "ready" and renders "—" with the reason, never 0', () => {
    const { view } = renderPanel(status);
    expect(view.$('.cml-panel').dataset.state).toBe('ready');
    expect(view.$('[data-metric="uniqueClicks"] dd').textContent).toBe(
      '— (listmonk does not give this number.)',
    );
    expect(view.$('[data-metric="uniqueClicks"] dd').title).toBe(
      'listmonk does not give this number.',
    );
    const rows = view
      .$$('.cml-links tbody tr[data-ordinal]')
      .map((tr) => [...tr.querySelectorAll('td')].slice(3, 8).map(cellText));
    const notTop = '— (The data source reports only its top links; this one is not among them.)';
    // Total clicks first: they take the unique clicks' place for a source without them.
    expect(rows).toEqual([
      [
        '294',
        '— (listmonk gives only all clicks per link.)',
        '46.44%',
        '— (listmonk does not give unique clicks per link, which this number needs.)',
        '— (listmonk does not report opens.)',
      ],
      Array(5).fill(notTop),
    ]);
    expect(view.$$('.cml-unmatched tbody tr')).toHaveLength(2);
  });

  test('shows total clicks by default, visibly labelled, where unique clicks are unknown', () => {
    const { view } = renderPanel(status, { onTableColumnsChange: vi.fn() }, []);
    const headline = view.$$('.cml-headline [data-metric]').map((m) => m.dataset.metric);
    expect(headline).toEqual(['uniqueOpens', 'totalClicks', 'unsubscribed']);
    expect(view.$('.cml-headline [data-metric="totalClicks"] dt').textContent).toBe('All clicks');
    expect(view.$('[data-metric="totalClicks"] .cml-metric-note').textContent).toBe(
      'in place of unique clicks, which listmonk does not give',
    );
    expect(view.$('.cml-metrics [data-metric="uniqueClicks"]')).not.toBeNull();
    const headers = view.$$('.cml-links thead th[data-column]').map((th) => th.dataset.column);
    expect(headers).toEqual(['ordinal', 'url', 'totalClicks', 'share']);
    expect(view.$('.cml-links thead [data-column="totalClicks"]').textContent).toBe('Total clicks');
    expect(view.$('[data-note="total-clicks"]').textContent).toBe(
      'listmonk gives no unique clicks per link: the table and the badges count total clicks.',
    );
    const first = view.$('.cml-links tbody tr[data-ordinal]');
    expect([...first.querySelectorAll('td')].slice(2, 4).map(cellText)).toEqual(['294', '46.44%']);
    expect(first.querySelector('td:nth-child(3) .cml-swatch')).not.toBeNull();
    // Unique clicks ("—") stay one click away in the column chooser.
    const choices = view.$$('.cml-columns input').map((i) => (i as HTMLInputElement).value);
    expect(choices).toContain('uniqueClicks');
    expect(choices).not.toContain('totalClicks');
  });

  test('says what listmonk cannot give, and its notes', () => {
    const { view } = renderPanel(status);
    expect(view.$('.cml-limits h3').textContent).toBe('Not available from listmonk');
    expect(texts(view.$$('[data-list="cannot-give"] li'))).toContain('Opens.');
    expect(texts(view.$$('[data-list="notes"] li'))[0]).toBe(
      'listmonk reports the 50 most clicked links only; other links show no count.',
    );
  });

  test('locate buttons call back with the ordinal', () => {
    const { view, props } = renderPanel(status);
    click(view.$('tr[data-ordinal="0"] button.cml-locate'));
    expect(props.onLocate).toHaveBeenCalledWith(0);
  });

  test('sorts, charts all clicks and exports like the Click Map API report', () => {
    const onExport = vi.fn();
    const two = previewOf(emailWith([WIRED, SUPERSHOES, 'https://example.com/other']));
    const sortable: PanelStatus = { ...status, match: previewModel(two, report).panel };
    const { view, store } = renderPanel(sortable, { onExport });
    const order = () =>
      view.$$('.cml-links tbody tr[data-ordinal]').map((tr) => tr.dataset.ordinal);
    expect(order()).toEqual(['0', '1', '2']);
    store.sortBy('totalClicks');
    view.rerender(<Panel {...renderProps(store)} onExport={onExport} />);
    expect(order()).toEqual(['1', '0', '2']);
    expect(view.$('.cml-chart h3').textContent).toBe('All clicks per link');
    click(view.$('.cml-export button'));
    expect(onExport).toHaveBeenCalledWith('csv', report);
  });
});

const sequence: SequenceReport = {
  sequenceId: 'sales-q4',
  name: 'Q4 outbound',
  steps: [
    {
      step: 1,
      name: 'Intro',
      campaignId: 's1',
      sent: 10,
      singleOpens: 4,
      singleClicks: 5,
      openRate: 0.4,
      clickRate: 0.5,
    },
    {
      step: 2,
      name: 'Follow-up',
      campaignId: 's2',
      sent: 6,
      singleOpens: 3,
      singleClicks: 1,
      openRate: 0.5,
      clickRate: 1 / 6,
    },
  ],
  summary: { sent: 16, singleOpens: 7, singleClicks: 6, openRate: 7 / 16, clickRate: 6 / 16 },
  clickPerformance: [
    { address: 'https://a.example/', name: 'A', step: 1, clicks: 5, clickRate: 0.5 },
  ],
};

describe('view switch', () => {
  test('"Check links" in every state; "Sequence" only with a sequence', () => {
    const { view, store } = renderPanel({ kind: 'not-configured' });
    expect(texts(view.$$('.cml-tab'))).toEqual(['Click map', 'Check links']);
    expect(view.$('.cml-tab[data-view="report"]').getAttribute('aria-pressed')).toBe('true');
    store.setSequence(sequence);
    view.rerender(<Panel {...renderProps(store)} />);
    expect(texts(view.$$('.cml-tab'))).toEqual(['Click map', 'Sequence', 'Check links']);
  });

  test('the sequence tab shows the steps, the sum and the caveats that apply', () => {
    const { view, store } = renderPanel({ kind: 'no-data' });
    store.setSequence(sequence);
    view.rerender(<Panel {...renderProps(store)} />);
    click(view.$('.cml-tab[data-view="sequence"]'));
    expect(view.$('.cml-panel').dataset.view).toBe('sequence');
    expect(view.$$('.cml-steps tbody tr')).toHaveLength(2);
    expect(texts([...view.$('.cml-steps tfoot tr').querySelectorAll('td')])).toEqual([
      '16',
      '7',
      '43.75%',
      '6',
      '37.50%',
    ]);
    expect(texts(view.$$('.cml-notes li'))).toEqual([
      'Some prospects clicked a link but no opening was detected: their email tool blocks pictures, and so the tracking pixel. (step 1)',
    ]);
    // A newly opened email without a sequence takes the panel back to the report.
    store.setSequence(null);
    view.rerender(<Panel {...renderProps(store)} />);
    expect(view.$('.cml-panel').dataset.view).toBe('report');
  });

  test('onShowView is told instead of switching when given', () => {
    const onShowView = vi.fn();
    const { view, store } = renderPanel({ kind: 'loading' }, { onShowView });
    click(view.$('.cml-tab[data-view="qa"]'));
    expect(onShowView).toHaveBeenCalledWith('qa');
    expect(store.view.value).toBe('report');
  });
});

/** Props for a re-render with the same store (the store's signals changed outside a component). */
function renderProps(store: PanelProps['store']): PanelProps {
  const { mod } = fakeChartModule();
  return {
    store,
    loadChart: () => Promise.resolve(mod),
    onClose: vi.fn(),
    onOpenSettings: vi.fn(),
    onRetry: vi.fn(),
    onLocate: vi.fn(),
    onHighlight: vi.fn(),
    onPeriodChange: vi.fn(),
    onMachineClicksChange: vi.fn(),
  };
}

describe('"Check links" (pre-send QA)', () => {
  const result = auditPreview(previewOf(templateHtml('postmark-basic-full-welcome.html')));

  test('lists every finding with its link number, severity, rule and message', () => {
    const { view, store } = renderPanel({ kind: 'not-configured' });
    store.setQa({ result, name: 'welcome' });
    store.setView('qa');
    view.rerender(<Panel {...renderProps(store)} />);
    expect(view.$('.cml-panel').dataset.state).toBe('not-configured');
    expect(view.$('.cml-qa-summary').textContent).toBe('5 links · 0 errors · 5 warnings · 1 info');
    const rows = view.$$('.cml-qa-findings tbody tr').map((tr) => {
      const cells = texts([...tr.querySelectorAll('td')]);
      return [cells[0], cells[1], cells[2], cells[4]];
    });
    expect(rows).toEqual(
      groupFindings(result.findings)
        .flatMap((g) => g.findings)
        .map((f) => [
          f.placementOrdinal === undefined ? 'all' : `#${f.placementOrdinal + 1}`,
          f.severity,
          f.rule,
          f.message,
        ]),
    );
    expect(rows.map((r) => r.slice(0, 3))).toEqual([
      ['#2', 'warning', 'merge-tag'],
      ['#3', 'warning', 'merge-tag'],
      ['#4', 'warning', 'merge-tag'],
      ['#5', 'warning', 'merge-tag'],
      ['all', 'warning', 'no-unsubscribe'],
      ['#3', 'info', 'mailto'],
    ]);
    expect(texts(view.$$('.cml-qa-group h3'))).toEqual([
      'warning Unresolved merge tag (4)',
      'warning No unsubscribe link (1)',
      'info Email link (mailto:) (1)',
    ]);
    expect(store.announcement.value).toBe('Link check: 5 links, 0 errors, 5 warnings.');
  });

  test('the severity filter narrows the groups; "#" hrefs show as "#"', () => {
    const { view, store } = renderPanel({ kind: 'not-configured' });
    const placeholder = auditPreview(previewOf(templateHtml('sendwithus-goldstar-survey.html')));
    store.setQa({ result: placeholder, name: 'survey' });
    store.setView('qa');
    view.rerender(<Panel {...renderProps(store)} />);
    const rules = () => view.$$('.cml-qa-group').map((g) => g.dataset.rule);
    expect(rules()).toEqual([
      'placeholder-href',
      'insecure-http',
      'no-unsubscribe',
      'mailto',
      'tel',
    ]);
    const select = view.$('.cml-qa-filter') as HTMLSelectElement;
    for (const [value, expected] of [
      ['error', ['placeholder-href']],
      ['warning', ['placeholder-href', 'insecure-http', 'no-unsubscribe']],
    ] as const) {
      select.value = value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
      view.rerender(<Panel {...renderProps(store)} />);
      expect(rules()).toEqual(expected);
    }
    const urls = view.$$('.cml-qa-group[data-rule="placeholder-href"] .cml-url span');
    expect(new Set(urls.map((u) => u.textContent))).toEqual(new Set(['#']));
  });

  test('exports the findings as CSV through a temporary download link', async () => {
    const { view, store } = renderPanel({ kind: 'loading' });
    store.setQa({ result, name: 'welcome' });
    store.setView('qa');
    view.rerender(<Panel {...renderProps(store)} />);
    const created = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:csv');
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      expect(this.download).toBe('welcome-link-check.csv');
    });
    click(view.$('.cml-qa-export'));
    await vi.waitFor(() => expect(clicked).toHaveBeenCalledTimes(1));
    const blob = created.mock.calls[0]?.[0] as Blob;
    const csv = await blob.text();
    expect(csv.startsWith('\uFEFF#,Severity,Rule,Link,Text,Message\r\n2,warning,merge-tag,')).toBe(
      true,
    );
    expect(view.$$('.cml-qa a')).toHaveLength(0);
    created.mockRestore();
    clicked.mockRestore();
  });
});

describe('campaign picker', () => {
  const campaigns = [
    {
      id: 'sales-step2',
      name: 'Follow-up',
      sentAt: 2,
      sequence: { sequenceId: 'sales-q4', step: 2 },
    },
    { id: 'sales-step1', name: 'Intro', sentAt: 1, sequence: { sequenceId: 'sales-q4', step: 1 } },
  ];
  const report = mailchimpReport();
  const status: PanelStatus = {
    kind: 'ready',
    report,
    match: mailchimpMatch(report.links),
    campaigns,
    campaignId: 'sales-step1',
  };

  test('offers all campaigns or one step, and says which is shown', () => {
    const onCampaignChange = vi.fn();
    const { view } = renderPanel(status, { onCampaignChange });
    const select = view.$('.cml-campaign-picker select') as HTMLSelectElement;
    expect(texts([...select.querySelectorAll('option')])).toEqual([
      'All 2 campaigns of this template',
      'Follow-up (step 2 of sales-q4)',
      'Intro (step 1 of sales-q4)',
    ]);
    expect(select.value).toBe('sales-step1');
    select.value = '';
    fire(select, new Event('change', { bubbles: true }));
    expect(onCampaignChange).toHaveBeenCalledWith(null);
  });

  test('absent without a handler, with one campaign, or in "Check links"', () => {
    expect(renderPanel(status).view.$$('.cml-campaign-picker')).toHaveLength(0);
    view?.unmount();
    const one: PanelStatus = { ...status, campaigns: campaigns.slice(0, 1) };
    expect(
      renderPanel(one, { onCampaignChange: vi.fn() }).view.$$('.cml-campaign-picker'),
    ).toHaveLength(0);
    view?.unmount();
    const { view: v, store } = renderPanel(status, { onCampaignChange: vi.fn() });
    store.setView('qa');
    v.rerender(<Panel {...renderProps(store)} onCampaignChange={vi.fn()} />);
    expect(v.$$('.cml-campaign-picker')).toHaveLength(0);
  });
});

describe('campaign picker when no campaign matched', () => {
  const campaigns = [
    { id: 'spring', name: 'Spring sale', sentAt: 2, sequence: null },
    { id: 'welcome', name: 'Welcome', sentAt: 1, sequence: null },
  ];
  const status: PanelStatus = {
    kind: 'no-data',
    message:
      'No campaign matched this email: the closest template scores 0.17, below the 0.25 needed.',
    campaigns,
  };

  test('says nothing matched and offers every campaign; a pick asks for its report', () => {
    const onCampaignChange = vi.fn();
    const { view } = renderPanel(status, { onCampaignChange });
    expect(view.$('.cml-status')?.textContent).toContain('No campaign matched this email');
    const select = view.$('.cml-campaign-picker select') as HTMLSelectElement;
    expect(texts([...select.querySelectorAll('option')])).toEqual([
      'Choose the campaign this email is from…',
      'Spring sale',
      'Welcome',
    ]);
    expect(select.value).toBe('');
    select.value = 'welcome';
    fire(select, new Event('change', { bubbles: true }));
    expect(onCampaignChange).toHaveBeenCalledWith('welcome');
  });

  test('no picker without campaigns to offer', () => {
    const none: PanelStatus = { kind: 'no-data', message: 'No campaign matched this email.' };
    expect(
      renderPanel(none, { onCampaignChange: vi.fn() }).view.$$('.cml-campaign-picker'),
    ).toHaveLength(0);
  });
});

describe('badge legend', () => {
  test('says what the number and the colour mean, and offers the badge metric', () => {
    const onBadgeMetricChange = vi.fn();
    const { view, store } = renderPanel(
      { kind: 'ready', report: mailchimpReport(), match: mailchimpMatch() },
      { onBadgeMetricChange },
    );
    const caption = view.$('.cml-legend figcaption').textContent ?? '';
    expect(caption).toContain('the link’s # in the table');
    expect(caption).toContain('Colour: unique clicks as a share of the busiest link');
    const select = view.$('.cml-badge-metric') as HTMLSelectElement;
    expect(select.value).toBe('unique-share');
    expect([...select.options].map((o) => o.value)).toEqual([
      'unique-share',
      'unique',
      'total',
      'ctr',
      'share',
      'rank',
    ]);
    select.value = 'ctr';
    fire(select, new Event('change', { bubbles: true }));
    expect(onBadgeMetricChange).toHaveBeenCalledWith('ctr');
    store.setBadgeMetric('ctr');
    view.rerender(<Panel {...renderProps(store)} onBadgeMetricChange={onBadgeMetricChange} />);
    expect((view.$('.cml-badge-metric') as HTMLSelectElement).value).toBe('ctr');
  });
});
