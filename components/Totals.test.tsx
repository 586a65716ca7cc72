import { afterEach, describe, expect, test, vi } from 'vitest';
import type { Capability } from '../utils/report/report-types.ts';
import { mailchimpReport } from '../utils/panel/testing/fixtures.ts';
import { click, mount, texts, type Mounted } from './testing/mount.ts';
import { Totals, type TotalsProps } from './Totals.tsx';

let view: Mounted | null = null;
afterEach(() => view?.unmount());

const report = mailchimpReport();

function renderTotals(overrides: Partial<TotalsProps> = {}) {
  const props: TotalsProps = {
    totals: report.totals,
    capabilities: report.capabilities,
    machineClicksIncluded: false,
    onMachineClicksChange: vi.fn(),
    locale: 'en-US',
    ...overrides,
  };
  view = mount(<Totals {...props} />);
  return { view, props };
}

describe('Totals', () => {
  test('headline numbers (Altcraft: opens, clicks, unsubscribed)', () => {
    const { view } = renderTotals();
    expect(texts(view.$$('.cml-headline dt'))).toEqual([
      'Unique opens',
      'Unique clicks',
      'Unsubscribed',
    ]);
    expect(texts(view.$$('.cml-headline dd'))).toEqual(['18,231', '3,465', '57']);
  });

  test('numbers the source cannot give are "—" with the reason (title and spoken), never 0', () => {
    const { view } = renderTotals();
    const delivered = view.$('[data-metric="delivered"] dd');
    expect(delivered.firstChild?.textContent).toBe('—');
    expect(delivered.title).toBe('The data source does not report deliveries.');
    expect(delivered.textContent).toBe('— (The data source does not report deliveries.)');
    const missing = view
      .$$('.cml-metrics dd.cml-missing')
      .map((dd) => dd.parentElement?.dataset.metric);
    expect(missing).toEqual(['delivered', 'clickImpliedOpens', 'machineClicks']);
  });

  test('detail numbers', () => {
    const all: Capability[] = [
      'opens',
      'delivered',
      'bounces',
      'unsubscribes',
      'machine-clicks',
      'click-implied-opens',
    ];
    const totals = {
      ...report.totals,
      delivered: 61085,
      clickImpliedOpens: 412,
      bouncePixelOpens: 9,
      machineClicks: 133,
    };
    const { view } = renderTotals({ totals, capabilities: all });
    expect(
      view
        .$$('.cml-metrics > div')
        .map((d) => [d.dataset.metric, d.querySelector('dd')?.textContent]),
    ).toEqual([
      ['sent', '61,234'],
      ['delivered', '61,085'],
      ['ctr', '5.66%'],
      ['ctor', '19.01%'],
      ['trackedOpens', '18,231'],
      ['clickImpliedOpens', '412'],
      ['bouncePixelOpens', '9'],
      ['machineClicks', '133'],
      ['totalClicks', '4,077'],
      ['bounces', '149'],
    ]);
  });

  test('the machine-clicks switch calls back with the new value', () => {
    const caps: Capability[] = [...report.capabilities, 'machine-clicks'];
    const { view, props } = renderTotals({ capabilities: caps, machineClicksIncluded: true });
    const input = view.$('input[role="switch"]') as HTMLInputElement;
    expect(input.checked).toBe(true);
    expect(view.$(`label[for="${input.id}"]`).textContent).toBe('Include machine clicks');
    click(input);
    expect(props.onMachineClicksChange).toHaveBeenCalledExactlyOnceWith(false);
  });

  test('the switch is disabled, with the reason, when the source cannot detect machine clicks', () => {
    const { view } = renderTotals();
    const input = view.$('input[role="switch"]') as HTMLInputElement;
    expect(input.disabled).toBe(true);
    expect(input.title).toBe('The data source does not flag machine (scanner) clicks.');
  });
});
