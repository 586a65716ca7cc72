/** The panel's per-site layout: tolerant parsing, bounded widths and sites, sites from URLs. */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PANEL_LAYOUT,
  layoutOf,
  MAX_PANEL_WIDTH,
  MAX_SITES,
  MIN_PANEL_WIDTH,
  parsePanelLayout,
  parsePanelLayouts,
  siteKey,
  withSiteLayout,
} from './panel-layout.ts';

describe('parsePanelLayout', () => {
  it.each([
    [undefined, DEFAULT_PANEL_LAYOUT],
    ['left', DEFAULT_PANEL_LAYOUT],
    [{ side: 'left' }, { side: 'left', width: null, collapsed: false }],
    [
      { side: 'top', width: 500 },
      { side: 'right', width: 500, collapsed: false },
    ],
    [{ width: 10 }, { side: 'right', width: MIN_PANEL_WIDTH, collapsed: false }],
    [{ width: 1e9 }, { side: 'right', width: MAX_PANEL_WIDTH, collapsed: false }],
    [{ width: Number.NaN }, DEFAULT_PANEL_LAYOUT],
    [{ width: '500' }, DEFAULT_PANEL_LAYOUT],
    [
      { width: 512.6, collapsed: true },
      { side: 'right', width: 513, collapsed: true },
    ],
    [{ collapsed: 'yes' }, DEFAULT_PANEL_LAYOUT],
  ])('%j → %j', (value, expected) => {
    expect(parsePanelLayout(value)).toEqual(expected);
  });

  it('keeps the base for what a change leaves out; null resets the width', () => {
    const base = { side: 'left' as const, width: 600, collapsed: true };
    expect(parsePanelLayout({ collapsed: false }, base)).toEqual({ ...base, collapsed: false });
    expect(parsePanelLayout({ width: null }, base)).toEqual({ ...base, width: null });
  });
});

describe('siteKey', () => {
  it.each([
    ['https://Mail.Example.com:8443/inbox?x', 'mail.example.com'],
    ['http://127.0.0.1:5173/pages/a.html', '127.0.0.1'],
    ['https://bücher.example/', 'xn--bcher-kva.example'],
    ['about:blank', null],
    ['file:///tmp/a.html', null],
    ['chrome-extension://abc/options.html', null],
    ['not a url', null],
    [undefined, null],
  ])('%s → %s', (url, expected) => {
    expect(siteKey(url)).toBe(expected);
  });
});

describe('per-site layouts', () => {
  it('one layout per site; the changed site moves last; others keep theirs', () => {
    let list = withSiteLayout([], 'a.example', { side: 'left' }).layouts;
    list = withSiteLayout(list, 'b.example', { collapsed: true }).layouts;
    const { layouts, layout } = withSiteLayout(list, 'a.example', { width: 700 });
    expect(layout).toEqual({ side: 'left', width: 700, collapsed: false });
    expect(layouts.map((l) => l.site)).toEqual(['b.example', 'a.example']);
    expect(layoutOf(layouts, 'b.example')).toEqual({ ...DEFAULT_PANEL_LAYOUT, collapsed: true });
    expect(layoutOf(layouts, 'c.example')).toEqual(DEFAULT_PANEL_LAYOUT);
  });

  it(`keeps the ${MAX_SITES} most recently changed sites`, () => {
    let list = parsePanelLayouts([]);
    for (let i = 0; i < MAX_SITES + 5; i++)
      list = withSiteLayout(list, `s${i}.example`, {}).layouts;
    expect(list).toHaveLength(MAX_SITES);
    expect(list[0]?.site).toBe('s5.example');
    expect(list.at(-1)?.site).toBe(`s${MAX_SITES + 4}.example`);
  });

  it('drops what storage should not hold: bad sites, duplicates (last wins), non-lists', () => {
    expect(parsePanelLayouts({ 'a.example': { side: 'left' } })).toEqual([]);
    expect(
      parsePanelLayouts([
        { site: 'a.example', side: 'left' },
        { site: 'evil/path', side: 'left' },
        { site: 'B.example', side: 'left' },
        null,
        { site: 'a.example', width: 400 },
      ]),
    ).toEqual([{ site: 'a.example', side: 'right', width: 400, collapsed: false }]);
  });
});
