import { expect, test } from 'vitest';
import { extractLinks } from '../links/extract.ts';
import { matchLinks } from '../links/match.ts';
import { toPanelMatch } from './from-match.ts';
import { mailchimpRows } from './testing/fixtures.ts';

test('extract → match → panel rows: names, hidden links, "k of N" and unmatched rows', () => {
  const rows = mailchimpRows();
  const [lead, second, , , ieee] = rows;
  document.body.innerHTML = `
    <a href="${lead!.url}" style="display:none">preheader</a>
    <a href="${lead!.url}">Supershoes</a>
    <a href="${second!.url}"><img alt="NPC story"></a>
    <a href="${lead!.url}">Read more</a>
    <a href="mailto:letters@technologyreview.com">Write to us</a>`;
  const match = toPanelMatch(matchLinks(extractLinks(document), rows));
  expect(
    match.placements.map((p) => [
      p.ordinal,
      p.name,
      p.row?.rowKey ?? null,
      `${p.duplicateIndex}/${p.duplicateCount}`,
      p.sharedRow,
      p.hidden,
    ]),
  ).toEqual([
    [0, 'preheader', 'url:0', '1/3', true, true],
    [1, 'Supershoes', 'url:0', '2/3', true, false],
    [2, 'NPC story', 'url:1', '1/1', false, false],
    [3, 'Read more', 'url:0', '3/3', true, false],
    [4, 'Write to us', null, '1/1', false, false],
  ]);
  expect(match.placements[4]?.url).toBe('mailto:letters@technologyreview.com');
  expect(match.unmatchedRows.map((r) => r.rowKey)).toEqual(['url:2', 'url:3', 'url:4', 'url:5']);
  expect(match.unmatchedRows).toContain(ieee);
});
