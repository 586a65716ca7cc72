/**
 * Detection's cost on pages that are not email (issue 11, "cheap where it
 * runs"): counted as whole-document selector walks. querySelectorAll always
 * walks the whole tree; querySelector stops at its first match.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { detectPreview } from './detect.ts';
import { scoreEmailDocument } from './email-signals.ts';
import { firstOutsideOwnUi } from './own-ui.ts';
import type { FrameInfo } from './types.ts';

const TOP: FrameInfo = {
  isTop: true,
  url: 'https://news.example/a',
  origin: 'https://news.example',
};

/** An article with a link table (passes the email gate) and nothing email-like. */
function article(): Document {
  const doc = document.implementation.createHTMLDocument('News');
  const links = Array.from({ length: 300 }, (_, i) => `<li><a href="/p/${i}">Story ${i}</a></li>`);
  doc.body.innerHTML = `<header><nav><a href="/">Home</a></nav></header>
    <table><tr><td><a href="/t">Table link</a></td></tr></table>
    <main><article><ul>${links.join('')}</ul></article></main><footer>©</footer>`;
  return doc;
}

/** Counts calls of one query method on this document and its elements (wherever the DOM defines it). */
function countCalls(doc: Document, method: 'querySelector' | 'querySelectorAll'): () => number {
  const owner = (node: object): object => {
    let proto = Object.getPrototypeOf(node) as object;
    while (!Object.hasOwn(proto, method)) proto = Object.getPrototypeOf(proto) as object;
    return proto;
  };
  const owners = new Set([owner(doc), owner(doc.body)]);
  const spies = [...owners].map((o) => vi.spyOn(o as Pick<Element, typeof method>, method));
  return () => spies.reduce((n, spy) => n + spy.mock.calls.length, 0);
}

/** querySelectorAll calls: each walks the whole tree. */
const countWalks = (doc: Document) => countCalls(doc, 'querySelectorAll');
/** querySelector calls: a walk to the first match, the whole tree when there is none. */
const countFirstMatches = (doc: Document) => countCalls(doc, 'querySelector');

/** A busy app page with no email and no link in a table (a data grid, a feed). */
function grid(): Document {
  const doc = document.implementation.createHTMLDocument('Grid');
  const rows = Array.from({ length: 200 }, (_, i) => `<tr><td>r${i}</td><td>${i}</td></tr>`);
  doc.body.innerHTML = `<nav><a href="/">Home</a></nav><table>${rows.join('')}</table>`;
  return doc;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('detection cost on a page that is not email', () => {
  it("firstOutsideOwnUi answers from querySelector when the first match is the page's", () => {
    const doc = article();
    const walks = countWalks(doc);
    expect(firstOutsideOwnUi(doc, 'a[href]')?.getAttribute('href')).toBe('/');
    expect(walks()).toBe(0);
    // The counter does see a walk.
    doc.querySelectorAll('a');
    expect(walks()).toBe(1);
  });

  it('firstOutsideOwnUi still skips our own UI', () => {
    const doc = article();
    doc.body.insertAdjacentHTML(
      'afterbegin',
      '<clickmap-lens-ui><a href="/ours">x</a></clickmap-lens-ui>',
    );
    expect(firstOutsideOwnUi(doc, 'a[href]')?.getAttribute('href')).toBe('/');
  });

  it('scoring stops once the threshold cannot be reached, with the same verdict', () => {
    const doc = article();
    const full = scoreEmailDocument(doc);
    const walks = countWalks(doc);
    const early = scoreEmailDocument(doc, 6);
    const earlyWalks = walks();
    expect(full?.total ?? 0).toBeLessThan(6);
    expect(early?.total ?? 0).toBeLessThan(6);
    // Without the early exit every signal runs: 7 whole-document walks on this page.
    expect(earlyWalks).toBeLessThanOrEqual(2);
  });

  it('a whole top-page detection walks the document at most twice', () => {
    const doc = article();
    const walks = countWalks(doc);
    expect(detectPreview(doc, TOP)).toBeNull();
    expect(walks()).toBeLessThanOrEqual(2);
  });

  it('one walk rules out every profile of a top page with no email and no link in a table', () => {
    const doc = grid();
    const all = countWalks(doc);
    const first = countFirstMatches(doc);
    expect(detectPreview(doc, TOP)).toBeNull();
    // Without the joined prefilter: four self-hosted probes plus the email gate, five walks.
    expect(first() + all()).toBe(1);
  });

  it('the same one walk rules out a child frame that holds an ad, not an email', () => {
    const doc = document.implementation.createHTMLDocument('Ad');
    doc.body.innerHTML = "<p>Ad <a href='https://ads.example/1'>go</a></p>";
    const frame: FrameInfo = { isTop: false, url: 'about:srcdoc', origin: TOP.origin };
    const first = countFirstMatches(doc);
    const all = countWalks(doc);
    expect(detectPreview(doc, frame)).toBeNull();
    expect(first() + all()).toBe(1);
  });
});
