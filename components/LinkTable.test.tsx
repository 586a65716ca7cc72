import { afterEach, describe, expect, test, vi } from 'vitest';
import { displayShares } from '../utils/panel/columns.ts';
import { sortPlacements } from '../utils/panel/sort.ts';
import { mailchimpMatch, mailchimpReport } from '../utils/panel/testing/fixtures.ts';
import type { SortColumn, SortState } from '../utils/panel/view-types.ts';
import { LinkTable, type LinkTableProps } from './LinkTable.tsx';
import { click, fire, mount, texts, type Mounted } from './testing/mount.ts';

const report = mailchimpReport();
const match = mailchimpMatch(report.links);

let view: Mounted | null = null;
afterEach(() => view?.unmount());

const ALL_OPTIONAL = ['name', 'ctr', 'totalClicks', 'ctor'];

function renderTable(overrides: Partial<LinkTableProps> = {}) {
  const props: LinkTableProps = {
    placements: match.placements,
    unmatchedRows: match.unmatchedRows,
    sort: { column: 'ordinal', direction: 'ascending' },
    onSort: vi.fn(),
    shares: displayShares(report.links),
    capabilities: report.capabilities,
    highlighted: null,
    maxClicks: 1502,
    locale: 'en-US',
    onLocate: vi.fn(),
    onHighlight: vi.fn(),
    // Every optional column on (the column chooser's tests start from the default set).
    columns: ALL_OPTIONAL,
    ...overrides,
  };
  view = mount(<LinkTable {...props} />);
  return { view, props };
}

const rowTexts = (v: Mounted) =>
  v.$$('table.cml-links tbody tr').map((tr) => texts([...tr.querySelectorAll('td')]).slice(0, 8));

describe('LinkTable rows', () => {
  test('every placement in document order, with numbers, markers and "—" for the link without a row', () => {
    const { view } = renderTable();
    expect(rowTexts(view)).toEqual([
      [
        '1',
        'technologyreview.com/…-plate-shoes?…1 of 3hidden',
        'Supershoes are reshaping distance running',
        '1,502',
        '43.35%',
        '2.45%',
        '1,834',
        '8.24%',
      ],
      [
        '2',
        'technologyreview.com/…-plate-shoes?…2 of 3',
        'Supershoes are reshaping distance running',
        '1,502',
        '43.35%',
        '2.45%',
        '1,834',
        '8.24%',
      ],
      [
        '3',
        'technologyreview.com/…c-i-hate-him?…',
        'My colleagues turned me into an AI-powered NPC',
        '801',
        '23.12%',
        '1.31%',
        '942',
        '4.39%',
      ],
      [
        '4',
        'technologyreview.com/…-plate-shoes?…3 of 3',
        'Read more',
        '1,502',
        '43.35%',
        '2.45%',
        '1,834',
        '8.24%',
      ],
      [
        '5',
        'wired.com/story/ai-mu…t-infringement',
        'AI music generators sued',
        '540',
        '15.58%',
        '0.88%',
        '611',
        '2.96%',
      ],
      [
        '6',
        'nytimes.com/2024/06/2…ition-law.html',
        'Apple and EU competition law',
        '344',
        '9.93%',
        '0.56%',
        '388',
        '1.89%',
      ],
      ['7', 'mailto:letters@technologyreview.com', 'Write to us', '—', '—', '—', '—', '—'],
      ['8', 'technologyreview.com/subscribe?…', 'Subscribe', '88', '2.54%', '0.14%', '95', '0.48%'],
    ]);
  });

  test('missing numbers carry the reason as title; full URL is the link title', () => {
    const { view } = renderTable();
    const mailto = view.$('tr[data-ordinal="6"]');
    const cells = [...mailto.querySelectorAll('td.cml-num')].slice(1);
    expect(cells.map((td) => td.getAttribute('title'))).toEqual(
      Array(5).fill('This link is not in the report.'),
    );
    expect(view.$('tr[data-ordinal="4"] .cml-url span').title).toBe(report.links[2]!.url);
  });

  test('duplicate and hidden markers explain themselves', () => {
    const { view } = renderTable();
    expect(view.$('tr[data-ordinal="3"] [data-marker="duplicate"]').title).toBe(
      'This link appears 3 times on the page; the report counts them together, so each shows the same numbers.',
    );
    expect(view.$('tr[data-ordinal="0"] [data-marker="hidden"]').title).toBe(
      'This link has no visible box on the page.',
    );
    expect(view.$$('[data-marker="hidden"]')).toHaveLength(1);
  });

  test('a link matched by placement says so, and which evidence paired it', () => {
    const placements = match.placements.map((p, i) =>
      i === 3
        ? {
            ...p,
            placementProof: { evidence: ['text' as const, 'order' as const], confidence: 0.9 },
          }
        : p,
    );
    const { view } = renderTable({ placements });
    const marker = view.$('[data-marker="placement"]');
    expect(marker.textContent).toBe('by placement');
    expect(marker.title).toBe(
      "Matched by placement (same link text and same order), 90% sure: this reader's tracking link differs from the registered copy's, so the link was paired by where and what it is.",
    );
    expect(view.$$('[data-marker="placement"]')).toHaveLength(1);
  });

  test('report rows not on the page are listed separately', () => {
    const { view } = renderTable();
    expect(view.$('table.cml-unmatched caption').textContent).toBe(
      'In report, not found on page (1)',
    );
    expect(texts(view.$$('table.cml-unmatched tbody td'))).toEqual([
      'spectrum.ieee.org/ele…magnetic-waves',
      'Electromagnetic waves',
      '190',
      '5.48%',
    ]);
  });
});

describe('sorting', () => {
  const columns: SortColumn[] = [
    'ordinal',
    'url',
    'name',
    'uniqueClicks',
    'share',
    'ctr',
    'totalClicks',
    'ctor',
  ];

  test.each(columns)('clicking the %s header asks to sort by it', (column) => {
    const onSort = vi.fn();
    const { view } = renderTable({ onSort });
    click(view.$(`th[data-column="${column}"] button`));
    expect(onSort).toHaveBeenCalledExactlyOnceWith(column);
  });

  test('headers are real, focusable buttons (Enter and Space activate them natively)', () => {
    const { view } = renderTable();
    for (const button of view.$$('thead th[data-column] button')) {
      expect(button.tagName).toBe('BUTTON');
      expect(button.getAttribute('type')).toBe('button');
      expect(button.hasAttribute('tabindex')).toBe(false);
      button.focus();
      expect(document.activeElement).toBe(button);
    }
  });

  test.each<[SortState, string]>([
    [{ column: 'uniqueClicks', direction: 'descending' }, 'descending'],
    [{ column: 'name', direction: 'ascending' }, 'ascending'],
  ])('aria-sort only on the sorted column: %o', (sort, value) => {
    const { view } = renderTable({ sort });
    const sorted = view.$$('th[aria-sort]');
    expect(sorted.map((th) => [th.dataset.column, th.getAttribute('aria-sort')])).toEqual([
      [sort.column, value],
    ]);
  });

  test('rows render in the order given (sorted by unique clicks, "—" last)', () => {
    const sort: SortState = { column: 'uniqueClicks', direction: 'descending' };
    const { view } = renderTable({ sort, placements: sortPlacements(match.placements, sort) });
    expect(view.$$('tbody tr[data-ordinal]').map((tr) => tr.dataset.ordinal)).toEqual([
      '0',
      '1',
      '3',
      '2',
      '4',
      '5',
      '7',
      '6',
    ]);
    expect(view.$('th[data-column="ordinal"] button').getAttribute('aria-label')).toBe('Position');
  });
});

describe('locate and highlight', () => {
  test('locate calls back with the placement ordinal; hidden links cannot be located', () => {
    const onLocate = vi.fn();
    const { view } = renderTable({ onLocate });
    click(view.$('tr[data-ordinal="5"] button.cml-locate'));
    expect(onLocate).toHaveBeenCalledExactlyOnceWith(5);
    const hidden = view.$('tr[data-ordinal="0"] button.cml-locate') as HTMLButtonElement;
    expect(hidden.disabled).toBe(true);
    expect(view.$('tr[data-ordinal="5"] button.cml-locate').getAttribute('aria-label')).toBe(
      'Locate link 6 in the email',
    );
  });

  test('hover and keyboard focus highlight the placement, leaving clears it', () => {
    const onHighlight = vi.fn();
    const { view } = renderTable({ onHighlight });
    const row = view.$('tr[data-ordinal="4"]');
    fire(row, new MouseEvent('mouseenter'));
    fire(row, new MouseEvent('mouseleave'));
    fire(view.$('tr[data-ordinal="7"] button.cml-locate'), new FocusEvent('focus'));
    fire(view.$('tr[data-ordinal="7"] button.cml-locate'), new FocusEvent('blur'));
    expect(onHighlight.mock.calls).toEqual([[4], [null], [7], [null]]);
  });

  test('the highlighted placement is marked', () => {
    const { view } = renderTable({ highlighted: 2 });
    expect(view.$$('tr.cml-highlighted').map((tr) => tr.dataset.ordinal)).toEqual(['2']);
  });
});

describe('outside text', () => {
  test('link names and URLs with markup render as text, never as HTML', () => {
    const evil = '<img src=x onerror="window.__pwned=1">';
    const row = { ...report.links[0]!, name: evil, url: `https://evil.example/?q=${evil}` };
    const placement = { ...match.placements[1]!, name: evil, url: row.url, row };
    const { view } = renderTable({
      placements: [placement],
      unmatchedRows: [{ ...row, rowKey: 'x' }],
    });
    expect(view.root.querySelector('img')).toBeNull();
    expect(view.$('tr[data-ordinal="1"] td:nth-child(3)').textContent).toBe(evil);
    expect(view.$('table.cml-unmatched tbody td:nth-child(2)').textContent).toBe(evil);
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });
});

describe('column chooser', () => {
  test('the default table is #, link, unique clicks, % of total and locate', () => {
    const { view } = renderTable({ columns: undefined, onColumnsChange: vi.fn() });
    expect(view.$$('.cml-links thead th').map((th) => th.dataset.column ?? 'locate')).toEqual([
      'ordinal',
      'url',
      'uniqueClicks',
      'share',
      'locate',
    ]);
    expect(view.$$('tbody tr')[0]?.querySelectorAll('td')).toHaveLength(5);
  });

  test('switching a column on asks to remember the new set, in table order', () => {
    const onColumnsChange = vi.fn();
    const { view } = renderTable({ columns: ['totalClicks'], onColumnsChange });
    expect(view.$$('.cml-links thead th').map((th) => th.dataset.column ?? 'locate')).toEqual([
      'ordinal',
      'url',
      'uniqueClicks',
      'share',
      'totalClicks',
      'locate',
    ]);
    const boxes = view.$$('.cml-columns input') as HTMLInputElement[];
    expect(boxes.map((b) => [b.value, b.checked])).toEqual([
      ['name', false],
      ['ctr', false],
      ['totalClicks', true],
      ['ctor', false],
    ]);
    boxes[1]!.checked = true;
    fire(boxes[1]!, new Event('change', { bubbles: true }));
    expect(onColumnsChange).toHaveBeenCalledWith(['ctr', 'totalClicks']);
  });
});
