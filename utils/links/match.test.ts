// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { templateHtml } from '../../test/fixtures/links/corpus.ts';
import type { ClickMapLinkRow } from '../report/report-types.ts';
import { extractLinks } from './extract.ts';
import { linkIdentity } from './identity.ts';
import { matchLinks } from './match.ts';

function row(url: string, extra: Partial<ClickMapLinkRow> = {}): ClickMapLinkRow {
  const identity = linkIdentity(url);
  return {
    rowKey: extra.linkId ?? identity.key,
    linkId: null,
    ordinal: null,
    url,
    key: identity.key,
    name: '',
    dynamic: identity.dynamic,
    finalDomain: identity.domain,
    isUnsubscribe: false,
    uniqueClicks: 1,
    totalClicks: 1,
    machineClicks: 0,
    shareOfClicks: null,
    ctr: null,
    ctor: null,
    ...extra,
  };
}

const placement = (ordinal: number, href: string, linkId = `L${ordinal}`) => ({
  ordinal,
  href,
  linkId,
});
const summary = (result: ReturnType<typeof matchLinks>) =>
  result.placements.map((m) => [
    m.placement.ordinal,
    m.row?.rowKey ?? null,
    m.matchedBy,
    m.duplicate,
  ]);

describe('matchLinks', () => {
  it('matches by placement id first, even when URLs changed', () => {
    const result = matchLinks(
      [placement(0, 'https://a.example/', 'p-a'), placement(1, 'https://b.example/', 'p-b')],
      [
        row('https://b.example/new', { linkId: 'p-b', rowKey: 'B' }),
        row('https://a.example/?utm_source=x', { rowKey: 'A' }),
      ],
    );
    expect(summary(result)).toEqual([
      [0, 'A', 'url', null],
      [1, 'B', 'linkId', null],
    ]);
    expect(result.unmatchedRows).toEqual([]);
  });

  it('tells duplicates apart by ordinal when the report distinguishes them', () => {
    const placements = [
      placement(0, 'https://x.example/'),
      placement(1, 'https://y.example/'),
      placement(2, 'https://x.example/'),
    ];
    const rows = [
      row('https://x.example/', { ordinal: 2, rowKey: 'x@2' }),
      row('https://x.example', { ordinal: 0, rowKey: 'x@0' }),
    ];
    expect(summary(matchLinks(placements, rows))).toEqual([
      [0, 'x@0', 'ordinal', { index: 1, of: 2, sharedRow: false }],
      [1, null, null, null],
      [2, 'x@2', 'ordinal', { index: 2, of: 2, sharedRow: false }],
    ]);
  });

  it('shows one undistinguished row as "k of N" on every duplicate', () => {
    const placements = [
      placement(0, 'https://x.example/a?utm_source=1'),
      placement(1, 'https://x.example/a#f'),
      placement(2, 'HTTPS://X.example/a/'),
    ];
    const result = matchLinks(placements, [row('https://x.example/a', { rowKey: 'X' })]);
    expect(summary(result)).toEqual([
      [0, 'X', 'url', { index: 1, of: 3, sharedRow: true }],
      [1, 'X', 'url', { index: 2, of: 3, sharedRow: true }],
      [2, 'X', 'url', { index: 3, of: 3, sharedRow: true }],
    ]);
  });

  it('lists rows without placement and placements without row', () => {
    const gone = row('https://gone.example/', { rowKey: 'gone' });
    const extraOrdinal = row('https://x.example/', { ordinal: 9, rowKey: 'x@9' });
    const result = matchLinks(
      [placement(0, 'https://x.example/'), placement(1, 'https://new.example/')],
      [gone, row('https://x.example/', { ordinal: 4, rowKey: 'x@4' }), extraOrdinal],
    );
    expect(summary(result)).toEqual([
      [0, 'x@4', 'url', null],
      [1, null, null, null],
    ]);
    expect(result.unmatchedRows).toEqual([gone, extraOrdinal]);
    expect(result.unmatchedPlacements.map((p) => p.ordinal)).toEqual([1]);
  });

  it('counts personalised links by final domain on both sides', () => {
    const result = matchLinks(
      [
        placement(0, 'https://shop.example/u/{{id}}'),
        placement(1, 'https://shop.example/cart?u=*|EMAIL|*'),
      ],
      [row('https://shop.example/u/{{ id }}', { rowKey: 'shop' })],
    );
    expect(result.placements.map((m) => [m.key, m.row?.rowKey, m.duplicate?.of])).toEqual([
      ['domain:shop.example', 'shop', 2],
      ['domain:shop.example', 'shop', 2],
    ]);
  });

  it('pairs several rows of one identity with the identical href, else in order', () => {
    const placements = [
      placement(0, 'https://x.example/?utm_content=top'),
      placement(1, 'https://x.example/?utm_content=bottom'),
    ];
    const rows = [
      row('https://x.example/?utm_content=bottom', { rowKey: 'bottom' }),
      row('https://x.example/?utm_content=top', { rowKey: 'top' }),
    ];
    expect(summary(matchLinks(placements, rows)).map(([o, key]) => [o, key])).toEqual([
      [0, 'top'],
      [1, 'bottom'],
    ]);
  });

  it('matches an extracted corpus template against URL-level report rows', () => {
    const doc = new DOMParser().parseFromString(
      templateHtml('postmark-basic-full-example.html'),
      'text/html',
    );
    const placements = extractLinks(doc);
    const rows = [
      row('http://example.com', { rowKey: 'ex' }),
      row('{{action_url}}', { rowKey: 'action' }),
      row('https://unknown.example/', { rowKey: 'u' }),
    ];
    const result = matchLinks(placements, rows);
    expect(
      result.placements.map((m) => [
        m.placement.href,
        m.row?.rowKey ?? null,
        m.duplicate ? `${m.duplicate.index}/${m.duplicate.of}` : null,
      ]),
    ).toEqual([
      ['https://example.com', null, null],
      ['https://github.com/activecampaign/mustachio', null, null],
      ['http://example.com', 'ex', '1/4'],
      ['http://example.com', 'ex', '2/4'],
      ['http://example.com', 'ex', '3/4'],
      ['{{trial_extension_url}}', null, null],
      ['{{feedback_url}}', null, null],
      ['http://example.com', 'ex', '4/4'],
      ['{{action_url}}', 'action', null],
    ]);
    expect(result.unmatchedRows.map((r) => r.rowKey)).toEqual(['u']);
    expect(result.unmatchedPlacements).toHaveLength(4);
  });

  it('does not shift numbers when a link is added above the email (positional ids)', () => {
    const result = matchLinks(
      [
        placement(0, 'mailto:?subject=Fwd'),
        placement(1, 'https://a.example/'),
        placement(2, '{{action_url}}'),
      ],
      [
        row('https://a.example/', { linkId: 'L0', ordinal: 0, rowKey: 'A' }),
        row('{{action_url}}', { linkId: 'L1', ordinal: 1, rowKey: 'ACTION' }),
      ],
    );
    expect(summary(result)).toEqual([
      [0, null, null, null],
      [1, 'A', 'url', null],
      [2, 'ACTION', 'url', null],
    ]);
    expect(result.unmatchedRows).toEqual([]);
  });

  it('keeps a personalised row on its position when the email shows the rendered URL', () => {
    const result = matchLinks(
      [placement(0, 'https://a.example/'), placement(1, 'https://app.example/start?token=x1')],
      [
        row('https://a.example/', { linkId: 'L0', ordinal: 0, rowKey: 'A' }),
        row('{{action_url}}', { linkId: 'L1', ordinal: 1, rowKey: 'ACTION' }),
      ],
    );
    expect(summary(result)).toEqual([
      [0, 'A', 'linkId', null],
      [1, 'ACTION', 'ordinal', null],
    ]);
  });

  it("matches a row summed over versions by the source's key when only that one is on the page", () => {
    // All-versions report: the row is named after v2's URL, its key is v1's (what the page shows).
    const summed = row('https://shop.example/autumn-offer', {
      linkId: 'L0',
      ordinal: 0,
      rowKey: 'L0',
      key: linkIdentity('https://a.example/').key,
    });
    const result = matchLinks([placement(0, 'https://a.example/')], [summed]);
    expect(summary(result)).toEqual([[0, 'L0', 'linkId', null]]);
  });
});
