import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadViewPrefs, updateViewPrefs } from '../browser/view-prefs-store.ts';
import { DEFAULT_VIEW_PREFS, parseViewPrefs } from './view-prefs.ts';

describe('view prefs', () => {
  beforeEach(() => fakeBrowser.reset());

  it.each([
    [undefined, DEFAULT_VIEW_PREFS],
    ['junk', DEFAULT_VIEW_PREFS],
    [{ badgeMetric: 'rank' }, { badgeMetric: 'rank', tableColumns: [] }],
    [{ badgeMetric: '<img src=x>', tableColumns: 'ctr' }, DEFAULT_VIEW_PREFS],
    [
      { tableColumns: ['ctr', 'ctr', 'total', 42, '<script>', 'a'.repeat(40)] },
      { badgeMetric: 'unique-share', tableColumns: ['ctr', 'total'] },
    ],
  ])('%j parses to %j', (value, expected) => {
    expect(parseViewPrefs(value)).toEqual(expected);
  });

  it('are remembered: a change merges into what is stored, invalid parts are ignored', async () => {
    expect(await loadViewPrefs()).toEqual(DEFAULT_VIEW_PREFS);
    await updateViewPrefs({ badgeMetric: 'ctr' });
    await updateViewPrefs({ tableColumns: ['total'], badgeMetric: 'nonsense' });
    expect(await loadViewPrefs()).toEqual({ badgeMetric: 'ctr', tableColumns: ['total'] });
  });
});
