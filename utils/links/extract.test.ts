// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import {
  sourcesLinkCounts,
  templateHtml,
  templateNames,
} from '../../test/fixtures/links/corpus.ts';
import { extractLinks, type LinkPlacement } from './extract.ts';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const countKinds = (placements: LinkPlacement[]) => {
  const counts: Record<string, number> = {};
  for (const { kind } of placements) counts[kind] = (counts[kind] ?? 0) + 1;
  return counts;
};

describe('corpus templates', () => {
  const expected = sourcesLinkCounts();
  const names = templateNames();

  it('has a SOURCES.md count for each of the 36 templates', () => {
    expect(names).toHaveLength(36);
    expect([...expected.keys()].sort()).toEqual(names);
  });

  // Same count as Python html.parser over <a href>: VML buttons live in
  // <!--[if mso]> comments and are not placements; no template has <area>.
  it.each(names)('%s: link count equals SOURCES.md', (name) => {
    const placements = extractLinks(parse(templateHtml(name)));
    expect(placements).toHaveLength(expected.get(name)!);
    expect(placements.map((p) => p.ordinal)).toEqual(placements.map((_, i) => i));
  });

  it.each([
    ['colorlib-24.html', { anchor: 7, unsubscribe: 2, 'view-in-browser': 1 }],
    [
      'sendwithus-goldstar-survey.html',
      { 'view-in-browser': 1, anchor: 15, link: 1, mailto: 1, tel: 1 },
    ],
    [
      'sendwithus-neopolitan-welcome.html',
      { link: 2, 'view-in-browser': 1, unsubscribe: 1, anchor: 1 },
    ],
    ['sendgrid-dynamic-news_feed.html', { link: 6, unsubscribe: 2 }],
    ['mailgun-billing-inlined.html', { 'view-in-browser': 1, mailto: 1 }],
    ['mailjet-sample-zigzag_loop-design.html', { link: 10 }],
    ['postmark-basic-full-welcome.html', { link: 4, mailto: 1 }],
  ])('%s: link kinds', (name, kinds) => {
    expect(countKinds(extractLinks(parse(templateHtml(name))))).toEqual(kinds);
  });

  it('reads text, image alt, merge tags and identity', () => {
    const placements = extractLinks(parse(templateHtml('sendgrid-dynamic-news_feed.html')));
    expect(placements.map((p) => [p.href, p.text, p.kind, p.identity.key])).toEqual([
      ['{{c2a_link}}', '{{c2a_button}}', 'link', 'dynamic:{{c2a_link}}'],
      ['facebook.com', 'Facebook', 'link', 'facebook.com'],
      ['twitter.com', 'Twitter', 'link', 'twitter.com'],
      ['instagram.com', 'Instagram', 'link', 'instagram.com'],
      ['google.com', 'Google', 'link', 'google.com'],
      ['pinterest.com', 'Pinterest', 'link', 'pinterest.com'],
      [
        '<%asm_global_unsubscribe_raw_url%>',
        'Unsubscribe',
        'unsubscribe',
        'dynamic:<%asm_global_unsubscribe_raw_url%>',
      ],
      [
        '[Unsubscribe_Preferences]',
        'Unsubscribe Preferences',
        'unsubscribe',
        'dynamic:[Unsubscribe_Preferences]',
      ],
    ]);
  });

  it('skips Outlook VML buttons (conditional comments) unless the DOM really has VML', () => {
    const doc = parse(templateHtml('sendwithus-oxygen-invite.html'));
    expect(extractLinks(doc, { includeVml: true })).toHaveLength(16);
    const vml = parse(
      '<a href="https://a.example/">A</a><v:roundrect href="https://b.example/">B</v:roundrect><a href="https://c.example/">C</a>',
    );
    expect(extractLinks(vml, { includeVml: true }).map((p) => [p.tag, p.text])).toEqual([
      ['a', 'A'],
      ['v:roundrect', 'B'],
      ['a', 'C'],
    ]);
    expect(extractLinks(vml)).toHaveLength(2);
  });

  it("uses the email's own <base href>, never the hosting page URL", () => {
    const doc = parse('<head><base href="https://news.example/issue/"></head><a href="next">n</a>');
    expect(extractLinks(doc)[0]?.identity.key).toBe('https://news.example/issue/next');
  });
});

describe('element types, options and layout', () => {
  const html = `<div id="r"><p>Hi <a href="https://a.example/x?utm_source=n">First</a></p>
    <map><area href="https://a.example/x" alt="Map region"></map>
    <a href="https://b.example/"><img src="b.png" alt="Logo B"></a>
    <a name="no-href">not a link</a>
    <div style="display: none"><a href="https://c.example/">Mobile only</a></div>
    <a hidden href="https://d.example/">Hidden</a>
    <a href="/rel" data-link-id="cta-7">Relative</a></div>`;

  it('extracts <a href> and <area href> in document order with text or alt', () => {
    const placements = extractLinks(parse(html), { base: 'https://base.example/' });
    expect(placements.map((p) => [p.tag, p.text, p.identity.key, p.hiddenByStyle])).toEqual([
      ['a', 'First', 'https://a.example/x', false],
      ['area', 'Map region', 'https://a.example/x', false],
      ['a', 'Logo B', 'https://b.example/', false],
      ['a', 'Mobile only', 'https://c.example/', true],
      ['a', 'Hidden', 'https://d.example/', true],
      ['a', 'Relative', 'https://base.example/rel', false],
    ]);
    expect(placements[5]?.resolved).toBe('https://base.example/rel');
    expect(placements[5]?.href).toBe('/rel');
  });

  it('uses a source placement id attribute when asked', () => {
    const ids = extractLinks(parse(html), { linkIdAttribute: 'data-link-id' }).map((p) => p.linkId);
    expect(ids).toEqual(['L0', 'L1', 'L2', 'L3', 'L4', 'cta-7']);
  });

  it('extracts from a subtree and passes elements to measure', () => {
    const doc = parse(`<a href="https://out.example/">out</a>${html}`);
    const measured: string[] = [];
    const placements = extractLinks(doc.getElementById('r')!, {
      measure: (element) => {
        measured.push(element.textContent ?? '');
        return { width: 120, height: 20, visible: element.textContent !== 'Hidden' };
      },
    });
    expect(placements).toHaveLength(6);
    expect(measured).toEqual(['First', '', '', 'Mobile only', 'Hidden', 'Relative']);
    expect(placements.map((p) => p.box?.visible)).toEqual([true, true, true, true, false, true]);
    expect(extractLinks(doc.getElementById('r')!)[0]?.box).toBeNull();
  });
});

describe('hostile HTML', () => {
  it('flags unsafe schemes and does not crash on odd hrefs', () => {
    const doc = parse(`<a href="javascript:alert(1)">x</a><a href=" JAVASCRIPT:void(0)">y</a>
      <a href="data:text/html;base64,PHNjcmlwdD4=">z</a><a href="">empty</a><a href="http://">bare</a>
      <a href="https://[oops/">bad host</a><a href="%E0%A4%A">bad escape</a>`);
    const placements = extractLinks(doc);
    expect(placements.map((p) => p.unsafe)).toEqual([true, true, true, false, false, false, false]);
    expect(placements.map((p) => p.resolved)).toEqual([null, null, null, null, null, null, null]);
  });

  it('handles a 1 MB href and 1 MB text quickly with a bounded key', () => {
    const big = 'a'.repeat(1_000_000);
    const doc = parse(`<a href="https://x.example/?q=${big}&utm_source=z" title="t">${big}</a>`);
    const started = performance.now();
    const [placement] = extractLinks(doc);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(placement?.identity.key.length).toBeLessThan(300);
    expect(placement?.text.length).toBe(300);
  });
});

describe('webmail-rewritten bodies', () => {
  const original = `<table><tr><td><a href="https://shop.example/sale?utm_source=nl" id="cta" class="btn">Sale</a>
    <a href="https://shop.example/sale">Again</a><a href="*|UNSUB|*">Unsubscribe</a></td></tr></table>`;
  const keysOf = (html: string) => extractLinks(parse(html)).map((p) => [p.identity.key, p.kind]);

  it('Roundcube (v1-prefixed ids/classes, target/rel rewritten) gives the same placements', () => {
    const roundcube = `<div class="message-htmlpart" id="message-htmlpart1"><div class="rcmBody">${original
      .replace('id="cta"', 'id="v1cta"')
      .replace('class="btn"', 'class="v1btn"')
      .replaceAll('<a ', '<a target="_blank" rel="noreferrer" ')}</div></div>`;
    expect(keysOf(roundcube)).toEqual(keysOf(original));
  });

  it('Gmail (data-saferedirecturl, m_ class prefixes) keeps the authored href', () => {
    const gmail = `<div class="a3s aiL">${original.replaceAll(
      '<a ',
      '<a data-saferedirecturl="https://www.google.com/url?q=https://evil.example&amp;source=gmail" class="m_123btn" ',
    )}</div>`;
    expect(keysOf(gmail)).toEqual(keysOf(original));
  });

  it('Gmail basic HTML / Outlook Safe Links hrefs unwrap to the same keys', () => {
    const wrap = (href: string) =>
      `https://www.google.com/url?q=${encodeURIComponent(href)}&amp;sa=D&amp;usg=x`;
    const safe = (href: string) =>
      `https://eur02.safelinks.protection.outlook.com/?url=${encodeURIComponent(href)}&amp;data=1`;
    const rewritten = original
      .replace(
        'https://shop.example/sale?utm_source=nl',
        wrap('https://shop.example/sale?utm_source=nl'),
      )
      .replace('"https://shop.example/sale"', `"${safe('https://shop.example/sale')}"`);
    expect(keysOf(rewritten)).toEqual([
      ['https://shop.example/sale', 'link'],
      ['https://shop.example/sale', 'link'],
      ['dynamic:*|UNSUB|*', 'unsubscribe'],
    ]);
  });
});
