// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { emailWith, previewOf } from '../messaging/testing/preview.ts';
import type { SourceReport } from '../sources/source-report.ts';
import { listmonkReport, mailchimpSourceReport } from '../sources/testing/esp-reports.ts';
import { displayShares, rowCells } from './columns.ts';
import { cannotGive } from './limits.ts';
import { previewModel } from './panel-model.ts';
import { totalsCells } from './totals-view.ts';

const SUPERSHOES =
  'https://www.technologyreview.com/2024/06/25/1093520/supershoes-running-kenya-carbon-plate-shoes/';
const WIRED =
  'https://www.wired.com/story/ai-music-generators-suno-and-udio-sued-for-copyright-infringement/';
const preview = previewOf(
  emailWith([SUPERSHOES, SUPERSHOES, WIRED, 'https://example.com/other', 'mailto:a@b.c']),
);
const cellTexts = (cells: Record<string, { text: string; title?: string }>) =>
  Object.values(cells).map((c) => (c.title ? `${c.text} (${c.title})` : c.text));

/** What the panel shows of an ESP report: the one view model, as the panel's components call it. */
function sourceView(report: SourceReport, name: string) {
  const model = previewModel(preview, report, 'en-US');
  const shares = displayShares(report.links);
  const cells = (row: (typeof report.links)[number] | null) =>
    rowCells(row, shares, report.capabilities, 'en-US', name);
  return {
    totals: totalsCells(report.totals, report.capabilities, 'en-US', name),
    placements: model.panel.placements.map((p) => ({
      ordinal: p.ordinal,
      duplicate:
        p.duplicateCount > 1
          ? `${p.duplicateIndex} of ${p.duplicateCount}${p.sharedRow ? ', counted together' : ''}`
          : null,
      cells: cells(p.row),
    })),
    unmatched: model.panel.unmatchedRows.map((row) => ({ url: row.url, cells: cells(row) })),
    cannotGive: cannotGive(report),
    notes: report.notes.map((n) => n.text),
    badges: model.badges,
  };
}

describe('previewModel: listmonk (no unique counts, top links only)', async () => {
  const model = sourceView(await listmonkReport(), 'listmonk');

  it('shows unknown totals as "—" with the reason, known ones exactly', () => {
    const missing = model.totals.filter((c) => c.missing).map((c) => [c.id, c.title]);
    const known = model.totals.filter((c) => !c.missing).map((c) => [c.id, c.text]);
    // Total clicks take the unique clicks' headline place (listmonk gives no unique clicks).
    expect(known).toEqual([
      ['totalClicks', '13'],
      ['sent', '120'],
      ['bounces', '1'],
    ]);
    expect(missing).toEqual([
      ['uniqueOpens', 'listmonk does not report opens.'],
      ['uniqueClicks', 'listmonk does not give this number.'],
      ['unsubscribed', 'listmonk does not report unsubscribes.'],
      ['delivered', 'listmonk does not report deliveries.'],
      ['ctr', 'listmonk does not give unique clicks, which this number needs.'],
      ['ctor', 'listmonk does not report opens.'],
      ['trackedOpens', 'listmonk does not report opens.'],
      ['clickImpliedOpens', 'listmonk does not report opens.'],
      ['bouncePixelOpens', 'listmonk does not report opens.'],
      ['machineClicks', 'listmonk does not flag machine (scanner) clicks.'],
    ]);
  });

  it('gives each placement its row, "—" with the reason where listmonk has no number', () => {
    const unique = '— (listmonk gives only all clicks per link.)';
    const ctr = '— (listmonk does not give unique clicks per link, which this number needs.)';
    const ctor = '— (listmonk does not report opens.)';
    const share = (text: string) => `${text} (Share of all clicks (unique clicks are not known).)`;
    const notTop = '— (The data source reports only its top links; this one is not among them.)';
    expect(
      model.placements.map((p) => [p.ordinal, p.duplicate, ...cellTexts({ ...p.cells })]),
    ).toEqual([
      [0, '1 of 2, counted together', unique, share('46.44%'), ctr, '294', ctor],
      [1, '2 of 2, counted together', unique, share('46.44%'), ctr, '294', ctor],
      [2, null, unique, share('43.92%'), ctr, '278', ctor],
      [3, null, notTop, notTop, notTop, notTop, notTop],
      [4, null, notTop, notTop, notTop, notTop, notTop],
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
      [0, 'matched', '294 · 46.44% (all 2)'],
      [1, 'matched', '294 · 46.44% (all 2)'],
      [2, 'matched', '278 · 43.92%'],
      [3, 'no-data', '—'],
      [4, 'no-data', '—'],
    ]);
    expect(model.badges[0]?.heat).toBe(1);
    expect(model.badges[3]?.color).toBe('#8a8a8a');
  });
});

describe('previewModel: Mailchimp (unique clicks per URL, no machine clicks)', async () => {
  const model = sourceView(await mailchimpSourceReport(), 'Mailchimp');
  it('shows unique and total clicks, and "—" for machine clicks', () => {
    expect(model.placements[2]?.cells.uniqueClicks).toEqual({ text: '540' });
    expect(model.placements[2]?.cells.totalClicks).toEqual({ text: '611' });
    expect(model.totals.find((c) => c.id === 'machineClicks')).toEqual({
      id: 'machineClicks',
      label: 'Machine clicks',
      text: '—',
      title: 'Mailchimp does not flag machine (scanner) clicks.',
      missing: true,
      headline: false,
    });
    expect(model.badges[2]?.label.startsWith('540 · ')).toBe(true);
  });
});
