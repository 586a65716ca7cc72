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

test('a link matched by placement carries the evidence and confidence to the panel row', () => {
  // SendGrid's upn token differs per reader: the registered copy (reader A) and
  // this received copy (reader B) share no key, only where and what the links are.
  const tokenA = 'sy-2F98sPqCeAdo-2BDP8wpILnAqFZyHpeH2R6aX-2FrFJFRBS8-3D';
  const tokenB = [...tokenA].reverse().join('');
  const url = (token: string, n: number) => `http://url9399.polis.mba/wf/click?upn=${token}${n}`;
  const rows = ['Shop the sale', 'Read the guide'].map((name, ordinal) => ({
    ...mailchimpRows()[0]!,
    rowKey: `row-${ordinal}`,
    ordinal,
    url: url(tokenA, ordinal),
    key: url(tokenA, ordinal),
    name,
  }));
  document.body.innerHTML = `
    <a href="${url(tokenB, 0)}">Shop the sale</a>
    <a href="${url(tokenB, 1)}">Read the guide</a>`;
  const match = toPanelMatch(matchLinks(extractLinks(document), rows));
  expect(match.placements.map((p) => [p.row?.rowKey ?? null, p.placementProof])).toEqual([
    ['row-0', { evidence: ['text', 'order', 'position'], confidence: 0.93 }],
    ['row-1', { evidence: ['text', 'order', 'position'], confidence: 0.93 }],
  ]);
  // A link matched by its URL has no placement proof.
  const byUrl = toPanelMatch(
    matchLinks(extractLinks(document), [{ ...rows[0]!, url: url(tokenB, 0), key: url(tokenB, 0) }]),
  );
  expect(byUrl.placements[0]!.placementProof).toBeUndefined();
});
