import { effect } from '@preact/signals';
import { describe, expect, test } from 'vitest';
import { mailchimpMatch, mailchimpReport } from '../utils/panel/testing/fixtures.ts';
import { createPanelStore, describeStatus, type PanelStatus } from './panel-store.ts';

const report = mailchimpReport();
const ready: PanelStatus = { kind: 'ready', report, match: mailchimpMatch(report.links) };

describe('createPanelStore', () => {
  test('starts loading, in document order', () => {
    const store = createPanelStore();
    expect(store.status.value).toEqual({ kind: 'loading' });
    expect(store.sort.value).toEqual({ column: 'ordinal', direction: 'ascending' });
    expect(store.announcement.value).toBe('Loading click map…');
    expect(store.sortedPlacements.value).toEqual([]);
  });

  test('two stores share nothing', () => {
    const a = createPanelStore();
    const b = createPanelStore();
    a.setStatus(ready);
    a.sortBy('ctr');
    a.setHighlighted(3);
    expect(b.status.value.kind).toBe('loading');
    expect(b.sort.value.column).toBe('ordinal');
    expect(b.highlighted.value).toBeNull();
  });

  test('sorting re-derives the placements and announces the order', () => {
    const store = createPanelStore({ status: ready, locale: 'en-US' });
    const seen: number[][] = [];
    const stop = effect(() => {
      seen.push(store.sortedPlacements.value.map((p) => p.ordinal));
    });
    store.sortBy('uniqueClicks');
    expect(store.announcement.value).toBe('Sorted by Unique clicks, descending.');
    store.sortBy('uniqueClicks');
    expect(store.announcement.value).toBe('Sorted by Unique clicks, ascending.');
    store.sortBy('ordinal');
    expect(store.announcement.value).toBe('Sorted by Position, ascending.');
    stop();
    expect(seen).toEqual([
      [0, 1, 2, 3, 4, 5, 6, 7],
      [0, 1, 3, 2, 4, 5, 7, 6],
      [7, 5, 4, 2, 0, 1, 3, 6],
      [0, 1, 2, 3, 4, 5, 6, 7],
    ]);
  });

  test('displayed shares come from the ready report and sum to 100.00%', () => {
    const store = createPanelStore({ status: ready });
    const units = [...store.shares.value.values()].map((s) => Math.round((s ?? 0) * 10000));
    expect(units).toEqual([4335, 2312, 1558, 993, 548, 254]);
    expect(units.reduce((a, b) => a + b, 0)).toBe(10000);
  });

  test.each<[PanelStatus, string]>([
    [{ kind: 'loading' }, 'Loading click map…'],
    [{ kind: 'no-data' }, 'No click data for this email yet.'],
    [{ kind: 'not-configured' }, 'Clickmap Lens is not connected to a data source yet.'],
    [
      { kind: 'error', reason: 'HTTP 401 Unauthorized' },
      'Could not load the click map: HTTP 401 Unauthorized',
    ],
    [ready, 'Click map ready: 8 links on the page.'],
  ])('setStatus announces %o', (status, message) => {
    const store = createPanelStore({ status: { kind: 'no-data' } });
    store.setStatus(status);
    expect(store.announcement.value).toBe(message);
    expect(describeStatus(status)).toBe(message);
  });
});
