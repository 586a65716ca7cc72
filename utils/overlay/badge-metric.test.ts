// @vitest-environment node
import { describe, expect, test } from 'vitest';
import { mailchimpRows } from '../panel/testing/fixtures.ts';
import { buildBadges } from './badge-model.ts';
import { BADGE_METRICS, labelFor, withMetric } from './badge-metric.ts';
import { matchLinks } from '../links/match.ts';

describe('badge metric', () => {
  const rows = mailchimpRows();
  const placements = rows.map((row, ordinal) => ({
    ordinal,
    linkId: `L${ordinal}`,
    href: row.url,
  }));
  const matches = matchLinks(placements, rows).placements;
  const badges = buildBadges({
    matches,
    rows,
    capabilities: ['all-links', 'opens'],
    locale: 'en-US',
  });

  test('every badge starts with its link number, whatever the metric', () => {
    for (const metric of BADGE_METRICS)
      withMetric(badges, metric).forEach((b, i) =>
        expect(b.label.startsWith(`#${i + 1} `)).toBe(true),
      );
  });

  test.each(BADGE_METRICS)('%s gives a figure for every matched badge', (metric) => {
    for (const badge of badges) expect(badge.values?.[metric]).toBeTruthy();
  });

  test("the default is the seeds' reading: unique clicks · share", () => {
    const busiest = badges.find((b) => b.heat === 1)!;
    expect(labelFor(busiest, 'unique-share')).toBe(`#${busiest.ordinal + 1} ${busiest.label}`);
    expect(labelFor(busiest, 'rank')).toBe(`#${busiest.ordinal + 1} rank 1`);
  });

  test('a badge without figures (another source) keeps its label after the number', () => {
    const plain = { ...badges[0]!, values: undefined, label: '12' };
    expect(labelFor(plain, 'ctr')).toBe('#1 12');
  });
});
