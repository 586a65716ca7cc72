/**
 * Benchmark of preview detection (jsdom in node: absolute numbers are far
 * slower than a browser's native DOM; the ratios are the point. happy-dom is
 * not used because it caches querySelector results between identical calls,
 * which would hide the cost of repeated detections):
 * - each sample page, detected in its own frame;
 * - a large non-email page (~50k elements) as top page on a webmail host
 *   (ruled out by host + one probe) vs. on an unknown host (all candidates);
 * - a large email-looking page rejected by the gate's element cap.
 * Run: node bench/detection.ts
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { detectPreview } from '../utils/detection/detect.ts';
import type { FrameInfo } from '../utils/detection/types.ts';

interface Sample {
  file: string;
  frame: FrameInfo;
}
const DIR = new URL('../test/fixtures/sites/', import.meta.url).pathname;
// jsdom ships no type declarations (and @types/jsdom is not installed): load it untyped.
const { JSDOM } = createRequire(import.meta.url)('jsdom') as {
  JSDOM: new (html: string) => { window: { document: Document } };
};
const parse = (html: string): Document => new JSDOM(html).window.document;

/** Mean ms per run after one warm-up run (JIT, selector compilation). */
function timeIt(run: () => unknown, minMs = 300): number {
  run();
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < minMs) {
    run();
    n += 1;
  }
  return (performance.now() - start) / n;
}

const samples = JSON.parse(readFileSync(`${DIR}samples.json`, 'utf8')) as Sample[];
const perSample = samples.map((s) => {
  const doc = parse(readFileSync(DIR + s.file, 'utf8'));
  return { file: s.file, ms: timeIt(() => detectPreview(doc, s.frame), 100) };
});
for (const r of perSample) console.log(`${r.file.padEnd(44)} ${r.ms.toFixed(3)} ms`);
const mean = perSample.reduce((a, r) => a + r.ms, 0) / perSample.length;
console.log(`mean over ${perSample.length} samples: ${mean.toFixed(3)} ms`);

const bigPage = parse(
  `<body><nav>${'<a href="/x">x</a>'.repeat(500)}</nav>${'<div class="card"><p>text <a href="/y">y</a></p><span></span></div>'.repeat(12_000)}</body>`,
);
const webmailHost: FrameInfo = {
  isTop: true,
  url: 'https://mail.google.com/mail/u/0/',
  origin: 'https://mail.google.com',
};
const unknownHost: FrameInfo = {
  isTop: true,
  url: 'https://news.example.com/',
  origin: 'https://news.example.com',
};
const big = bigPage.getElementsByTagName('*').length;
const onWebmail = timeIt(() => detectPreview(bigPage, webmailHost));
const onUnknown = timeIt(() => detectPreview(bigPage, unknownHost));
console.log(
  `large page (${big} elements), webmail host: ${onWebmail.toFixed(3)} ms; unknown host: ${onUnknown.toFixed(3)} ms; ratio ${(onUnknown / onWebmail).toFixed(2)}x`,
);

const hugeEmail = parse(
  `<html><head><meta name="x-apple-disable-message-reformatting"></head><body>${'<table role="presentation" width="600"><tr><td><a href="https://e.com">e</a></td></tr></table>'.repeat(6_000)}</body></html>`,
);
const capped = timeIt(() =>
  detectPreview(hugeEmail, { isTop: false, url: 'about:srcdoc', origin: 'null' }),
);
console.log(
  `huge email-looking frame (${hugeEmail.getElementsByTagName('*').length} elements, rejected by cap): ${capped.toFixed(3)} ms; vs. mean sample ${(capped / mean).toFixed(2)}x`,
);
