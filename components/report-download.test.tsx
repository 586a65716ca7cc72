import { afterEach, describe, expect, test, vi } from 'vitest';
import { reportToCsv } from '../utils/export/csv-export.ts';
import { exportFileName } from '../utils/panel/export-name.ts';
import { mailchimpMatch, mailchimpReport } from '../utils/panel/testing/fixtures.ts';
import { Panel } from './Panel.tsx';
import { createPanelStore } from './panel-store.ts';
import { buildExportBlob, downloadReport } from './report-download.ts';
import { click, mount, type Mounted } from './testing/mount.ts';

const report = mailchimpReport();
let view: Mounted | null = null;
afterEach(() => {
  view?.unmount();
  vi.restoreAllMocks();
});

describe('export', () => {
  test('file names say template, campaign, version, period, machine-click setting and day', () => {
    expect(exportFileName(report, 'csv')).toBe(
      'clickmap-tpl-the-download-mc-campaign-all-versions-human-clicks-2024-06-29.csv',
    );
    const scoped = {
      ...report,
      versionId: 'v2',
      templateId: 'Newsletter / Juni ü',
      campaignIds: ['a', 'b'],
      period: { from: Date.UTC(2024, 5, 1), to: Date.UTC(2024, 6, 1) },
      machineClicksIncluded: true,
    };
    expect(exportFileName(scoped, 'xlsx')).toBe(
      'clickmap-Newsletter-Juni-u-v2-2024-06-01--2024-06-30-all-clicks-2024-06-29.xlsx',
    );
  });

  test("CSV blob is the export module's CSV", async () => {
    const blob = await buildExportBlob(report, 'csv');
    expect(blob.type).toBe('text/csv;charset=utf-8');
    expect(await blob.text()).toBe(reportToCsv(report));
  });

  test('Excel blob is an xlsx (zip) file', async () => {
    const blob = await buildExportBlob(report, 'xlsx');
    const head = new Uint8Array(await blob.arrayBuffer()).slice(0, 2);
    expect([...head]).toEqual([0x50, 0x4b]);
  });

  test('download clicks a temporary <a download> inside the panel', async () => {
    const clicked: { download: string; href: string; parent: Node | null }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push({ download: this.download, href: this.href, parent: this.parentNode });
    });
    const container = document.createElement('div');
    const name = await downloadReport(report, 'csv', container);
    expect(name).toBe(
      'clickmap-tpl-the-download-mc-campaign-all-versions-human-clicks-2024-06-29.csv',
    );
    expect(clicked).toEqual([
      { download: name, href: expect.stringMatching(/^blob:/), parent: container },
    ]);
    expect(container.children).toHaveLength(0);
  });

  test('the panel uses a given onExport with the shown report instead of downloading', () => {
    const onExport = vi.fn();
    const store = createPanelStore({
      status: { kind: 'ready', report, match: mailchimpMatch(report.links) },
    });
    view = mount(
      <Panel
        store={store}
        loadChart={() => new Promise(() => {})}
        onClose={vi.fn()}
        onOpenSettings={vi.fn()}
        onRetry={vi.fn()}
        onLocate={vi.fn()}
        onHighlight={vi.fn()}
        onPeriodChange={vi.fn()}
        onMachineClicksChange={vi.fn()}
        onExport={onExport}
      />,
    );
    click(view.$('.cml-export button:last-child'));
    expect(onExport).toHaveBeenCalledExactlyOnceWith('xlsx', report);
  });

  test('without onExport the panel downloads and announces the file', async () => {
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const store = createPanelStore({
      status: { kind: 'ready', report, match: mailchimpMatch(report.links) },
    });
    view = mount(
      <Panel
        store={store}
        loadChart={() => new Promise(() => {})}
        onClose={vi.fn()}
        onOpenSettings={vi.fn()}
        onRetry={vi.fn()}
        onLocate={vi.fn()}
        onHighlight={vi.fn()}
        onPeriodChange={vi.fn()}
        onMachineClicksChange={vi.fn()}
      />,
    );
    click(view.$('.cml-export button:first-child'));
    await vi.waitFor(() =>
      expect(view?.$('[role="status"]').textContent).toBe(
        'Exported CSV: clickmap-tpl-the-download-mc-campaign-all-versions-human-clicks-2024-06-29.csv',
      ),
    );
  });
});
