import { afterEach, describe, expect, test, vi } from 'vitest';
import type { VersionPeriod } from '../utils/report/report-types.ts';
import type { PeriodSelection } from '../utils/panel/view-types.ts';
import { click, fire, mount, texts, type Mounted } from './testing/mount.ts';
import { VersionPicker } from './VersionPicker.tsx';

let view: Mounted | null = null;
afterEach(() => view?.unmount());

const day = (y: number, m: number, d: number) => new Date(y, m - 1, d).getTime();
const versions: VersionPeriod[] = [
  { versionId: 'v1', contentHash: 'a1b2c3d4e5', from: day(2024, 6, 1), to: day(2024, 6, 20) },
  { versionId: 'v2', contentHash: 'f6e7d8c9b0', from: day(2024, 6, 20), to: null },
];

function renderPicker(selection: PeriodSelection = { versionId: null, period: {} }) {
  const onPeriodChange = vi.fn();
  view = mount(
    <VersionPicker versions={versions} selection={selection} onPeriodChange={onPeriodChange} />,
  );
  return { view, onPeriodChange };
}

function choose(v: Mounted, value: string) {
  const select = v.$('select') as HTMLSelectElement;
  select.value = value;
  fire(select, new Event('change', { bubbles: true }));
}

function type(input: HTMLElement, value: string) {
  (input as HTMLInputElement).value = value;
  fire(input, new Event('input', { bubbles: true }));
}

describe('VersionPicker', () => {
  test('lists all versions, each version by its period of use, and a custom period', () => {
    const { view } = renderPicker();
    expect(texts(view.$$('option'))).toEqual([
      'All versions',
      'Jun 1, 2024 – Jun 19, 2024 (a1b2c3d)',
      'Jun 20, 2024 – now (f6e7d8c)',
      'Custom period…',
    ]);
    expect(view.$('label').textContent).toContain('Date period');
    expect(view.root.querySelector('input[type="date"]')).toBeNull();
  });

  test.each<[string, PeriodSelection]>([
    ['v1', { versionId: 'v1', period: { from: day(2024, 6, 1), to: day(2024, 6, 20) } }],
    ['v2', { versionId: 'v2', period: { from: day(2024, 6, 20) } }],
    ['', { versionId: null, period: {} }],
  ])('choosing %j reports %o', (value, expected) => {
    const { view, onPeriodChange } = renderPicker({ versionId: 'v1', period: {} });
    choose(view, value);
    expect(onPeriodChange).toHaveBeenCalledExactlyOnceWith(expected);
  });

  test('a custom period covers both days whole: [from 00:00, day after to 00:00)', () => {
    const { view, onPeriodChange } = renderPicker();
    choose(view, '__custom__');
    expect(onPeriodChange).not.toHaveBeenCalled();
    const [from, to] = view.$$('input[type="date"]');
    type(from!, '2024-06-03');
    type(to!, '2024-06-10');
    click(view.$('button[type="submit"]'));
    expect(onPeriodChange).toHaveBeenCalledExactlyOnceWith({
      versionId: null,
      period: { from: day(2024, 6, 3), to: day(2024, 6, 11) },
    });
  });

  test.each([
    ['2024-06-10', '2024-06-03', 'The start date must not be after the end date.'],
    ['2024-06-10', '', 'Enter both dates.'],
  ])('custom %s … %j is refused: %s', (fromValue, toValue, message) => {
    const { view, onPeriodChange } = renderPicker();
    choose(view, '__custom__');
    const [from, to] = view.$$('input[type="date"]');
    type(from!, fromValue);
    type(to!, toValue);
    click(view.$('button[type="submit"]'));
    expect(onPeriodChange).not.toHaveBeenCalled();
    expect(view.$('[role="alert"]').textContent).toBe(message);
  });

  test('a report over a custom period opens with its dates filled in (to shown inclusive)', () => {
    const { view } = renderPicker({
      versionId: null,
      period: { from: day(2024, 6, 3), to: day(2024, 6, 11) },
    });
    expect((view.$('select') as HTMLSelectElement).value).toBe('__custom__');
    expect(view.$$('input[type="date"]').map((i) => (i as HTMLInputElement).value)).toEqual([
      '2024-06-03',
      '2024-06-10',
    ]);
  });
});
