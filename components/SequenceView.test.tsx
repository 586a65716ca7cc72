import { afterEach, describe, expect, test, vi } from 'vitest';
import type { SequenceReport } from '../utils/report/report-types.ts';
import { SequenceView } from './SequenceView.tsx';
import { click, mount, texts, type Mounted } from './testing/mount.ts';

let view: Mounted | null = null;
afterEach(() => view?.unmount());

// The worked example of the Datananas seed: 10 prospects opened step 1 of 10
// sent and 5 clicked; 6 opened step 2 of 6 sent and 2 clicked.
const report: SequenceReport = {
  sequenceId: 'seq-1',
  name: 'Outbound Q3',
  steps: [
    {
      step: 1,
      name: 'Intro',
      campaignId: 'c1',
      sent: 10,
      singleOpens: 10,
      singleClicks: 5,
      openRate: 1,
      clickRate: 0.5,
    },
    {
      step: 2,
      name: 'Follow-up',
      campaignId: 'c2',
      sent: 6,
      singleOpens: 6,
      singleClicks: 2,
      openRate: 1,
      clickRate: 2 / 6,
    },
    {
      step: 3,
      name: 'Break-up',
      campaignId: 'c3',
      sent: 0,
      singleOpens: 0,
      singleClicks: 0,
      openRate: null,
      clickRate: null,
    },
  ],
  summary: { sent: 16, singleOpens: 16, singleClicks: 7, openRate: 1, clickRate: 7 / 16 },
  clickPerformance: [
    {
      address: 'https://www.datananas.com/demo?utm_source=seq',
      name: 'Book a demo',
      step: 1,
      clicks: 6,
      clickRate: 0.6,
    },
    {
      address: 'https://www.datananas.com/pricing',
      name: 'Pricing',
      step: 2,
      clicks: 2,
      clickRate: 2 / 6,
    },
  ],
};

const NOTES = [
  'A prospect who replied may show no open: their mail client blocks images, and so the tracking pixel.',
  'Some bounces report an open: the receiving server fetched the tracking pixel.',
];

const rowTexts = (rows: HTMLElement[]) =>
  rows.map((tr) => texts([...tr.querySelectorAll('td, th')]));

describe('SequenceView', () => {
  test('per-step rows, "—" for rates of a step that sent nothing, and the summed row', () => {
    view = mount(<SequenceView report={report} notes={NOTES} locale="en-US" />);
    expect(texts(view.$$('table.cml-steps thead th'))).toEqual([
      'Step',
      'Name',
      'Sent',
      'Single opens',
      'Open rate',
      'Single clicks',
      'Click rate',
    ]);
    expect(rowTexts(view.$$('table.cml-steps tbody tr'))).toEqual([
      ['1', 'Intro', '10', '10', '100.00%', '5', '50.00%'],
      ['2', 'Follow-up', '6', '6', '100.00%', '2', '33.33%'],
      ['3', 'Break-up', '0', '0', '—', '0', '—'],
    ]);
    expect(view.$('tr[data-step="3"] td.cml-missing').title).toBe('Nothing was sent at this step.');
    expect(rowTexts(view.$$('table.cml-steps tfoot tr'))).toEqual([
      ['All steps', '16', '16', '100.00%', '7', '43.75%'],
    ]);
  });

  test('click performance: address, name, click rate, clicks, step', () => {
    view = mount(<SequenceView report={report} notes={[]} locale="en-US" />);
    expect(texts(view.$$('table.cml-click-performance thead th'))).toEqual([
      'Address',
      'Name',
      'Click rate',
      'Clicks',
      'Step',
    ]);
    expect(rowTexts(view.$$('table.cml-click-performance tbody tr'))).toEqual([
      ['datananas.com/demo?…', 'Book a demo', '60.00%', '6', '1'],
      ['datananas.com/pricing', 'Pricing', '33.33%', '2', '2'],
    ]);
    expect(view.root.querySelector('.cml-notes')).toBeNull();
  });

  test('click performance lists the most clicked links first, whatever the API order', () => {
    const reversed = { ...report, clickPerformance: [...report.clickPerformance].reverse() };
    view = mount(<SequenceView report={reversed} notes={[]} locale="en-US" />);
    expect(rowTexts(view.$$('table.cml-click-performance tbody tr')).map((r) => r[1])).toEqual([
      'Book a demo',
      'Pricing',
    ]);
  });

  test('caveat notes come from data and render as text', () => {
    const evil = '<img src=x onerror="window.__pwned=1">';
    view = mount(
      <SequenceView
        report={{ ...report, clickPerformance: [] }}
        notes={[...NOTES, evil]}
        locale="en-US"
      />,
    );
    expect(texts(view.$$('.cml-notes li'))).toEqual([...NOTES, evil]);
    expect(view.root.querySelector('img')).toBeNull();
    expect(view.$('.cml-sequence section[aria-label="Click performance"] p').textContent).toBe(
      'No clicks on links in this sequence yet.',
    );
  });

  test('exports the sequence as CSV or Excel, like the click map', () => {
    const onExport = vi.fn();
    view = mount(<SequenceView report={report} notes={[]} locale="en-US" onExport={onExport} />);
    const [csv, xlsx] = view.$$('.cml-export button');
    click(csv!);
    click(xlsx!);
    expect(onExport.mock.calls).toEqual([
      ['csv', report],
      ['xlsx', report],
    ]);
  });
});
