// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { sourceModel } from './source-model.ts';
import { listmonkReport, mailchimpSourceReport } from '../sources/testing/esp-reports.ts';
import { emailWith, previewOf } from '../messaging/testing/preview.ts';

const SUPERSHOES =
  'https://www.technologyreview.com/2024/06/25/1093520/supershoes-running-kenya-carbon-plate-shoes/';
const WIRED =
  'https://www.wired.com/story/ai-music-generators-suno-and-udio-sued-for-copyright-infringement/';
const preview = previewOf(
  emailWith([SUPERSHOES, SUPERSHOES, WIRED, 'https://example.com/other', 'mailto:a@b.c']),
);
const cellTexts = (cells: Record<string, { text: string; title?: string }>) =>
  Object.values(cells).map((c) => (c.title ? `${c.text} (${c.title})` : c.text));

describe('sourceModel: listmonk (no unique counts, top links only)', async () => {
  const model = sourceModel(preview, await listmonkReport(), 'en-US');

  it('shows unknown totals as "—" with the reason, known ones exactly', () => {
    expect(model.totals.map((c) => [c.id, c.text, c.title ?? null])).toEqual([
      ['sent', '120', null],
      ['delivered', '—', 'listmonk does not give this number.'],
      ['uniqueOpens', '—', 'listmonk does not give this number.'],
      ['totalOpens', '44', null],
      ['uniqueClicks', '—', 'listmonk does not give this number.'],
      ['totalClicks', '13', null],
      ['ctr', '—', 'Needs unique clicks, which this source does not give.'],
      ['ctor', '—', 'Needs unique clicks, which this source does not give.'],
      ['bounces', '1', null],
      ['unsubscribed', '—', 'listmonk does not give this number.'],
      ['machineClicks', '—', 'listmonk does not give this number.'],
    ]);
  });

  it('gives each placement its row, "—" with the reason where listmonk has no number', () => {
    const unique = '— (listmonk gives only all clicks per link.)';
    const ctr = '— (Needs unique clicks, which listmonk does not give per link.)';
    const notTop = '— (The data source reports only its top links; this one is not among them.)';
    expect(
      model.placements.map((p) => [p.ordinal, p.duplicate, ...cellTexts({ ...p.cells })]),
    ).toEqual([
      [
        0,
        '1 of 2, counted together',
        unique,
        '294',
        '46.45% (Share of all clicks (unique clicks are not known).)',
        ctr,
      ],
      [
        1,
        '2 of 2, counted together',
        unique,
        '294',
        '46.45% (Share of all clicks (unique clicks are not known).)',
        ctr,
      ],
      [2, null, unique, '278', '43.92% (Share of all clicks (unique clicks are not known).)', ctr],
      [3, null, notTop, notTop, notTop, notTop],
      [4, null, notTop, notTop, notTop, notTop],
    ]);
    expect(model.unmatched.map((r) => [r.url, r.cells.totalClicks.text])).toEqual([
      ['https://spectrum.ieee.org/electromagnetic-waves', '61'],
    ]);
  });

  it('lists what listmonk cannot give and its notes verbatim', () => {
    expect(model.cannotGive).toContain('Every link: only the source’s top links are reported.');
    expect(model.cannotGive).toContain('Opens.');
    expect(model.cannotGive).not.toContain('Bounces.');
    expect(model.notes).toEqual([
      'listmonk reports the 50 most clicked links only; other links show no count.',
      'listmonk counts every view and every click: unique opens and unique clicks are not available, shares are of total clicks.',
      'listmonk analytics give the bounce count without the hard/soft split.',
    ]);
  });

  it('badges show the count listmonk gives (all clicks), grey "—" without a row', () => {
    expect(model.badges.map((b) => [b.ordinal, b.state, b.label])).toEqual([
      [0, 'matched', '294 · 46.45% (all 2)'],
      [1, 'matched', '294 · 46.45% (all 2)'],
      [2, 'matched', '278 · 43.92%'],
      [3, 'no-data', '—'],
      [4, 'no-data', '—'],
    ]);
    expect(model.badges[0]?.heat).toBe(1);
    expect(model.badges[3]?.color).toBe('#8a8a8a');
  });
});

describe('sourceModel: Mailchimp (unique clicks per URL, no machine clicks)', async () => {
  const model = sourceModel(preview, await mailchimpSourceReport(), 'en-US');
  it('shows unique and total clicks, and "—" for machine clicks', () => {
    expect(model.placements[2]?.cells.uniqueClicks).toEqual({ text: '540' });
    expect(model.placements[2]?.cells.totalClicks).toEqual({ text: '611' });
    expect(model.totals.find((c) => c.id === 'machineClicks')).toEqual({
      id: 'machineClicks',
      label: 'Machine clicks',
      text: '—',
      title: 'Mailchimp does not give this number.',
      missing: true,
    });
    expect(model.badges[2]?.label.startsWith('540 · ')).toBe(true);
  });
});
