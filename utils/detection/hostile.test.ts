/**
 * Our own UI is never email content; hostile, broken and huge documents
 * never make detection throw, and huge pages are rejected by the gate.
 */
import { describe, expect, it } from 'vitest';
import { parse } from '../../test/fixtures/sites/samples.ts';
import { detectPreview } from './detect.ts';

const TOP = { isTop: true, url: 'https://example.com/', origin: 'https://example.com' };
const FRAME = { isTop: false, url: 'about:srcdoc', origin: 'null' };
const GMAIL = {
  isTop: true,
  url: 'https://mail.google.com/mail/u/0/',
  origin: 'https://mail.google.com',
};
const EMAILISH =
  `<table role="presentation" width="600" cellpadding="0" bgcolor="#fff"><tr><td style="padding:0">
<a href="https://example.com/a" style="color:red">a</a></td></tr></table>`.repeat(5);

describe('own UI', () => {
  it.each([
    ['tag', `<p>Page</p><clickmap-lens-ui>${EMAILISH}</clickmap-lens-ui>`],
    ['attribute', `<p>Page</p><div data-clickmap-lens="panel">${EMAILISH}</div>`],
  ])('email-like content inside our UI (%s) is not an email', (_kind, body) => {
    const doc = parse(`<html><body>${body}</body></html>`);
    expect(detectPreview(doc, TOP)).toBeNull();
    expect(detectPreview(doc, FRAME)).toBeNull();
  });

  it('never returns a webmail body root that sits inside our UI', () => {
    const ui = `<clickmap-lens-ui><div class="ii gt"><div class="a3s">preview copy <a href="https://x/">x</a></div></div></clickmap-lens-ui>`;
    expect(detectPreview(parse(`<body>${ui}</body>`), GMAIL)).toBeNull();
    const doc = parse(
      `<body>${ui}<div class="ii gt"><div class="a3s" id="real">mail <a href="https://y/">y</a></div></div></body>`,
    );
    expect(detectPreview(doc, GMAIL)?.roots.map((r) => r.id)).toEqual(['real']);
  });

  it('still detects an email page that hosts our UI element', () => {
    const doc = parse(
      `<html><head><meta name="x-apple-disable-message-reformatting"></head><body>${EMAILISH}</body></html>`,
    );
    doc.body.append(doc.createElement('clickmap-lens-ui'));
    const d = detectPreview(doc, FRAME);
    expect(d?.profileId).toBe('generic-frame');
    expect(d?.roots).toEqual([doc.body]);
  });
});

describe('hostile and broken documents', () => {
  it('survives clobbered DOM APIs', () => {
    const doc = parse(`<body>${EMAILISH}</body>`);
    Object.defineProperty(doc, 'querySelector', { value: 'clobbered' });
    expect(detectPreview(doc, FRAME)).toBeNull();
    const doc2 = parse(`<body>${EMAILISH}</body>`);
    Object.defineProperty(doc2, 'body', {
      get() {
        throw new Error('hostile getter');
      },
    });
    expect(detectPreview(doc2, FRAME)).toBeNull();
  });

  it.each([
    ['empty document', () => parse('')],
    ['XML document without body', () => document.implementation.createDocument(null, 'root', null)],
    ['frameset page', () => parse('<frameset><frame src="a.html"></frameset>')],
    [
      'selector-like ids and classes',
      () => parse(`<body><div id="messagebody]" class="a3s ii gt \\">${EMAILISH}</div></body>`),
    ],
  ])('%s: no throw', (_name, make) => {
    const doc = make();
    for (const frame of [TOP, FRAME, GMAIL, { isTop: false, url: '', origin: '' }]) {
      expect(() => detectPreview(doc, frame)).not.toThrow();
    }
  });

  it('handles 5,000-deep nesting', () => {
    const doc = parse('<body></body>');
    let node: Element = doc.body;
    for (let i = 0; i < 5000; i++) node = node.appendChild(doc.createElement('div'));
    node.innerHTML = EMAILISH;
    expect(() => detectPreview(doc, FRAME)).not.toThrow();
  });

  it('rejects a huge email-looking page via the element cap', () => {
    const doc = parse(
      `<html><head><meta name="x-apple-disable-message-reformatting"></head><body>${EMAILISH}</body></html>`,
    );
    const filler = doc.createElement('div');
    filler.innerHTML = '<span><i></i></span>'.repeat(12_000);
    doc.body.append(filler);
    const started = performance.now();
    expect(detectPreview(doc, FRAME)).toBeNull();
    expect(detectPreview(doc, TOP)).toBeNull();
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
