// @vitest-environment jsdom
/**
 * Two readers' copies of one email: the registered copy (reader A, as the API
 * has it) and the received copy (reader B, as the preview shows it), for every
 * opaque tracking format of ../shared/corpus/tracking-links.json. Stable keys
 * match by URL; per-reader tokens match by placement, with the evidence named.
 */
import { describe, expect, it } from 'vitest';
import { placementsFromHtml } from '../../server/placements.ts';
import { trackingExamples } from '../../test/fixtures/links/corpus.ts';
import type { ClickMapLinkRow } from '../report/report-types.ts';
import { extractLinks } from './extract.ts';
import { linkIdentity } from './identity.ts';
import { matchLinks } from './match.ts';
import { pairByPlacement, proofOf } from './placement-match.ts';

const reverse = (text: string) => [...text].reverse().join('');
const UUID_B = '0f0e0d0c-0b0a-4909-8807-060504030201';

/**
 * Every opaque corpus format (no recoverable original, or not decodable) and
 * how reader B's copy of the same link differs: the part that names the reader.
 */
const OPAQUE: [
  prefix: string,
  perReader: boolean,
  toReaderB: (link: string, i: number) => string,
][] = [
  ['Mailchimp (list-manage.com', false, (l) => l.replace(/e=\w+/, 'e=ffffffffff')],
  ['Mailchimp (newer short', false, (l) => l.replace(/e=\w+/, 'e=0123456789')],
  [
    'SendGrid click tracking',
    true,
    (l) => l.replace(/upn=([^&]+)/, (_m, t) => `upn=${reverse(t)}`),
  ],
  ['beehiiv', true, (l) => l.replace(/\/ss\/c\/([^/]+)/, (_m, t) => `/ss/c/${reverse(t)}`)],
  ['Klaviyo', true, (l) => l.replace(/upn=([^&]+)/, (_m, t) => `upn=${reverse(t)}`)],
  ['Brevo', true, (l) => l.replace(/\/mk\/cl\/f\/(.+)$/, (_m, t) => `/mk/cl/f/${reverse(t)}`)],
  ['Constant Contact', true, (l) => l.replace(/f=([^&]+)/, (_m, t) => `f=${reverse(t)}`)],
  [
    'HubSpot click tracking',
    true,
    (l) => l.replace(/\/Ctc\/(.+)$/, (_m, t) => `/Ctc/${reverse(t)}`),
  ],
  ['Ghost', false, (l) => l.replace(/m=[\w-]+/, `m=${UUID_B}`)],
  ['listmonk', false, (l) => l.replace(/[\w-]+$/, UUID_B)],
  ['Mautic', false, (l) => l.replace(/ct=[^&]+/, 'ct=YTowOnt9')],
  ['Mimecast', true, (l) => l.replace(/\/s\/([^/]+)/, (_m, t) => `/s/${reverse(t)}`)],
];

const examples = trackingExamples();
function example(prefix: string): string {
  const found = examples.find((e) => e.provider.startsWith(prefix))?.example;
  if (!found) throw new Error(`no corpus example for ${prefix}`);
  return found.replace('[censored]', 'mautic.example.org');
}

/** The n-th distinct link of a format: the example with its first id/token varied per link. */
function nthLink(base: string, n: number): string {
  if (n === 0) return base;
  // Vary a character the format keeps in its key, so links are distinct for stable formats too.
  const keyed = /(id=|\/r\/|\/link\/|\/zZ|\/ss\/c\/u001\.|upn=|f=001|\/Ctc\/GD|\/sh\/|\/s\/)(.)/;
  const digit = (c: string) => String(((parseInt(c, 36) || 0) + n) % 10);
  return base.replace(keyed, (_m, head: string, c: string) => `${head}${digit(c)}`);
}

interface Link {
  text: string;
  alt?: string;
}
const EMAIL: Link[] = [
  { text: '', alt: 'Brand logo' },
  { text: 'Read the full story' },
  { text: 'Shop the spring sale' },
  { text: 'Read more' },
  { text: 'Read more' },
  { text: 'Manage preferences' },
];

function html(links: { href: string; link: Link }[]): string {
  const body = links
    .map(({ href, link }) =>
      link.alt
        ? `<p><a href="${href.replace(/&/g, '&amp;')}"><img src="x.png" alt="${link.alt}"></a></p>`
        : `<p><a href="${href.replace(/&/g, '&amp;')}">${link.text}</a></p>`,
    )
    .join('\n');
  return `<!doctype html><html><body>${body}</body></html>`;
}

/** Rows as the API lists the registered copy's placements (one row each, ordinal and name). */
function rowsOf(registered: string): ClickMapLinkRow[] {
  return placementsFromHtml(registered).map((p) => {
    const identity = linkIdentity(p.url);
    return {
      rowKey: `row-${p.ordinal}`,
      linkId: null,
      ordinal: p.ordinal,
      url: p.url,
      key: identity.key,
      name: p.text ?? '',
      dynamic: identity.dynamic,
      finalDomain: identity.domain,
      isUnsubscribe: false,
      uniqueClicks: p.ordinal + 1,
      totalClicks: p.ordinal + 1,
      machineClicks: 0,
      shareOfClicks: null,
      ctr: null,
      ctor: null,
    };
  });
}

function pageOf(received: string) {
  const doc = new DOMParser().parseFromString(received, 'text/html');
  return extractLinks(doc);
}

/** Which registered row (by ordinal) each received placement got, and how. */
function outcome(registered: string, received: string) {
  const result = matchLinks(pageOf(received), rowsOf(registered));
  return result.placements.map((m) => ({
    row: m.row ? Number(m.row.rowKey.slice(4)) : null,
    by: m.matchedBy,
    evidence: m.proof?.evidence ?? [],
    confidence: m.proof?.confidence ?? null,
  }));
}

describe.each(OPAQUE)('%s: two readers of one email', (prefix, perReader, toReaderB) => {
  const links = EMAIL.map((link, i) => ({ a: nthLink(example(prefix), i), link }));
  const registered = html(links.map(({ a, link }) => ({ href: a, link })));
  const copyB = links.map(({ a, link }, i) => ({ href: toReaderB(a, i), link }));

  it('reader B differs from reader A only where the format says', () => {
    const keysA = links.map(({ a }) => linkIdentity(a));
    const keysB = copyB.map(({ href }) => linkIdentity(href));
    expect(new Set(keysA.map((k) => k.key)).size).toBe(EMAIL.length);
    expect(keysA.every((k) => (k.perReader ?? false) === perReader)).toBe(true);
    expect(keysB.map((k) => k.key === keysA[keysB.indexOf(k)]!.key)).toEqual(
      EMAIL.map(() => !perReader),
    );
  });

  it('same layout: every link gets its own row', () => {
    const got = outcome(registered, html(copyB));
    expect(got.map((g) => g.row)).toEqual([0, 1, 2, 3, 4, 5]);
    for (const { by } of got) expect(by).toBe(perReader ? 'placement' : 'ordinal');
    if (perReader) {
      expect(got[0]!.evidence).toEqual(['alt', 'order', 'position']);
      expect(got[1]!.evidence).toEqual(['text', 'order', 'position']);
      expect(got[1]!.confidence).toBe(0.93);
    }
  });

  it('re-ordered copy: links follow their text, not their position', () => {
    const order = [2, 0, 5, 1, 3, 4];
    const got = outcome(registered, html(order.map((i) => copyB[i]!)));
    expect(got.map((g) => g.row)).toEqual(order);
  });

  it('partly edited copy: a changed text still pairs by order; an added link stays unmatched', () => {
    const edited = copyB.map((c, i) =>
      i === 2 ? { ...c, link: { text: 'Spring sale: 30% off' } } : c,
    );
    const added = { href: toReaderB(nthLink(example(prefix), 9), 9), link: { text: 'New banner' } };
    const got = outcome(registered, html([...edited.slice(0, 4), added, ...edited.slice(4)]));
    expect(got.map((g) => g.row)).toEqual([0, 1, 2, 3, null, 4, 5]);
    if (perReader) {
      expect(got[2]!.evidence).toEqual(['order', 'position']);
      expect(got[4]!.by).toBeNull();
    }
  });

  it('partly edited copy: a removed link leaves its row unmatched, the rest still pair', () => {
    const result = matchLinks(pageOf(html(copyB.filter((_c, i) => i !== 1))), rowsOf(registered));
    expect(result.placements.map((m) => m.row?.rowKey)).toEqual([
      'row-0',
      'row-2',
      'row-3',
      'row-4',
      'row-5',
    ]);
    expect(result.unmatchedRows.map((r) => r.rowKey)).toEqual(['row-1']);
  });
});

describe('pairByPlacement', () => {
  it('does not guess: a stretch with unequal counts and no agreeing text stays unpaired', () => {
    const rows = [
      { name: 'A', ordinal: 0 },
      { name: 'B', ordinal: 1 },
      { name: 'C', ordinal: 2 },
    ];
    const page = [
      { ordinal: 0, text: 'A' },
      { ordinal: 1, text: 'X' },
      { ordinal: 2, text: 'Y' },
      { ordinal: 3, text: 'Z' },
    ];
    expect(pairByPlacement(rows, page).map((p) => [p.row, p.placement])).toEqual([[0, 0]]);
  });

  it('different providers never pair (one SendGrid row, one Brevo link)', () => {
    const rows = rowsOf(html([{ href: example('SendGrid click tracking'), link: { text: 'Go' } }]));
    const page = pageOf(html([{ href: example('Brevo'), link: { text: 'Go' } }]));
    expect(matchLinks(page, rows).placements[0]!.row).toBeNull();
  });

  it('confidence names its evidence', () => {
    expect(proofOf(['order'])).toEqual({ evidence: ['order'], confidence: 0.5 });
    expect(proofOf(['text'])).toEqual({ evidence: ['text'], confidence: 0.8 });
    expect(proofOf(['alt', 'order', 'position'])).toEqual({
      evidence: ['alt', 'order', 'position'],
      confidence: 0.9,
    });
  });
});
