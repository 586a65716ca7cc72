// @vitest-environment node
import { describe, expect, test } from 'vitest';
import { matchLinks } from '../links/match.ts';
import { HEAT_UNKNOWN, heatColor, heatInk } from '../panel/heat.ts';
import { mailchimpRows } from '../panel/testing/fixtures.ts';
import type { Capability } from '../report/report-types.ts';
import { buildBadges, drawableBadges, type BadgeView } from './badge-model.ts';
import { badgeCount } from './badge-format.ts';

const ALL: Capability[] = ['per-placement', 'opens', 'delivered', 'all-links'];

/**
 * A newsletter page over the real Mailchimp click report: the lead story
 * linked twice (headline, "Read more"), a hidden preheader copy of the NPC
 * story, a mailto the report never counts, the NPC story, the subscribe link.
 */
function page() {
  const rows = mailchimpRows();
  const url = (i: number) => rows[i]!.url;
  const placements = [
    { href: url(0), hiddenByStyle: false },
    { href: url(0), hiddenByStyle: false },
    { href: url(1), hiddenByStyle: true },
    { href: 'mailto:editors@technologyreview.com', hiddenByStyle: false },
    { href: url(5), hiddenByStyle: false, box: { visible: false } },
    { href: url(2), hiddenByStyle: false },
  ].map((p, ordinal) => ({ ...p, ordinal, linkId: `L${ordinal}` }));
  return { rows, matches: matchLinks(placements, rows).placements };
}

function pick(badge: BadgeView | undefined) {
  if (!badge) throw new Error('missing badge');
  const { state, label, color, textColor, heat } = badge;
  return { state, label, color, textColor, heat };
}

describe('buildBadges over the real Mailchimp report', () => {
  const { rows, matches } = page();
  const badges = buildBadges({ matches, rows, capabilities: ALL, locale: 'en-US' });

  test('lead story: shared row, busiest link → top of the heat scale', () => {
    expect(pick(badges[0])).toEqual({
      state: 'matched',
      label: '1,502 · 43.35% (all 2)',
      color: '#800026',
      textColor: '#ffffff',
      heat: 1,
    });
    expect(badges[1]?.label).toBe('1,502 · 43.35% (all 2)');
  });

  test('the title repeats the panel numbers and says the two cannot be told apart', () => {
    expect(badges[1]?.title).toBe(
      [
        `#2 ${rows[0]!.url}`,
        'Unique clicks: 1,502',
        '% of total clicks: 43.35%',
        'CTR: 2.45%',
        'Link 2 of 2 to this URL: the report cannot tell them apart, so these numbers are for all 2 together.',
      ].join('\n'),
    );
  });

  test('heat is clicks / busiest row, same scale as the panel swatch', () => {
    expect(pick(badges[5])).toEqual({
      state: 'matched',
      label: '540 · 15.58%',
      color: heatColor(540 / 1502),
      textColor: heatInk(540 / 1502),
      heat: 540 / 1502,
    });
    expect(badges[5]?.color).toBe('#feb751');
    expect(badges[5]?.textColor).toBe('#000000');
  });

  test('no report row → grey "—" with the panel reason, never "0"', () => {
    expect(pick(badges[3])).toEqual({
      state: 'no-data',
      label: '—',
      color: HEAT_UNKNOWN,
      textColor: '#000000',
      heat: null,
    });
    expect(badges[3]?.title).toBe(
      '#4 mailto:editors@technologyreview.com\nNo numbers (—): This link is not in the report.',
    );
  });

  test('hidden by style or by measured box → hidden, still titled for the panel', () => {
    expect(badges[2]?.state).toBe('hidden');
    expect(badges[2]?.label).toBe('801 · 23.12%');
    expect(badges[4]?.state).toBe('hidden');
    expect(drawableBadges(badges).map((b) => b.ordinal)).toEqual([0, 1, 3, 5]);
  });

  test('ordinals the layout found hidden are hidden too', () => {
    const again = buildBadges({ matches, rows, capabilities: ALL, hidden: new Set([5]) });
    expect(again[5]?.state).toBe('hidden');
  });

  test('a top-links-only source explains the missing row differently', () => {
    const listmonk = buildBadges({ matches, rows, capabilities: ['opens'], locale: 'en-US' });
    expect(listmonk[3]?.title.split('\n')[1]).toBe(
      'No numbers (—): The data source reports only its top links; this one is not among them.',
    );
  });
});

describe('zero clicks', () => {
  test('a row with no clicks in a period without clicks shows "0" and the bottom colour', () => {
    const row = { ...mailchimpRows()[0]!, uniqueClicks: 0, totalClicks: 0, shareOfClicks: null };
    const matches = matchLinks([{ ordinal: 0, linkId: 'L0', href: row.url }], [row]).placements;
    const [badge] = buildBadges({ matches, rows: [row], capabilities: ALL, locale: 'en-US' });
    expect(pick(badge)).toEqual({
      state: 'matched',
      label: '0',
      color: '#ffffcc',
      textColor: '#000000',
      heat: 0,
    });
  });
});

describe('badgeCount', () => {
  test.each<[number, string]>([
    [0, '0'],
    [987, '987'],
    [9_999, '9,999'],
    [12_345, '12.3K'],
    [4_560_000, '4.6M'],
  ])('%d → %s', (value, text) => {
    expect(badgeCount(value, 'en-US')).toBe(text);
  });
});
