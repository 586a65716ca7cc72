/**
 * Benchmark (not a test): link extraction of a 150-link email built from the
 * real corpus templates' blocks, in node with happy-dom and jsdom documents.
 * Budget: 5 ms per extraction. Run: node bench/extract-links.ts
 */
import { Window } from 'happy-dom';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { templateHtml, templateNames, trackingExamples } from '../test/fixtures/links/corpus.ts';
import { extractLinks } from '../utils/links/extract.ts';
import { linkIdentity } from '../utils/links/identity.ts';

const TARGET_LINKS = 150;
const WARMUP = 100;
const RUNS = 500;
const BUDGET_MS = 5;

/** Body blocks of the corpus templates, concatenated until 150 <a href>, the excess cut. */
function build150LinkBody(parse: (html: string) => Document): string {
  const parts: string[] = [];
  let links = 0;
  for (const name of templateNames()) {
    const body = parse(templateHtml(name)).body;
    parts.push(body.innerHTML);
    links += body.querySelectorAll('a[href]').length;
    if (links >= TARGET_LINKS) break;
  }
  const doc = parse(`<!doctype html><html><body>${parts.join('\n')}</body></html>`);
  const anchors = [...doc.querySelectorAll('a[href]')];
  for (const extra of anchors.slice(TARGET_LINKS)) extra.removeAttribute('href');
  return doc.documentElement.outerHTML;
}

/** Same email as sent by an ESP: every href replaced by a real tracking / gateway link of the corpus. */
function withTrackedHrefs(html: string, parse: (html: string) => Document): string {
  const wrapped = trackingExamples()
    .map((entry) => entry.example)
    .filter((example): example is string => example !== null);
  const doc = parse(html);
  doc
    .querySelectorAll('a[href]')
    .forEach((anchor, i) => anchor.setAttribute('href', wrapped[i % wrapped.length]!));
  return doc.documentElement.outerHTML;
}

function stats(samples: number[]): { median: number; p95: number; min: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: at(0.5), p95: at(0.95), min: sorted[0]! };
}

type Stats = ReturnType<typeof stats>;

/**
 * Wall-clock and process CPU time per run. On a shared, oversubscribed machine
 * wall time includes waiting for a core; CPU time (user+system) does not.
 */
function time(run: () => unknown): { wall: Stats; cpu: Stats } {
  for (let i = 0; i < WARMUP; i++) run();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const cpuStart = process.cpuUsage();
    const started = performance.now();
    run();
    wall.push(performance.now() - started);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall: stats(wall), cpu: stats(cpu) };
}

const happyWindow = new Window();
const happyParse = (html: string) =>
  new happyWindow.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
// jsdom ships no type declarations; only its DOMParser is used.
type JsdomModule = { JSDOM: new (html: string) => { window: { DOMParser: typeof DOMParser } } };
const { JSDOM } = createRequire(import.meta.url)('jsdom') as JsdomModule;
const jsdomWindow = new JSDOM('').window;
const jsdomParse = (html: string) => new jsdomWindow.DOMParser().parseFromString(html, 'text/html');

const plainHtml = build150LinkBody(jsdomParse);
const trackedHtml = withTrackedHrefs(plainHtml, jsdomParse);
const fmt = (ms: number) => `${ms.toFixed(3)} ms`;

console.log(
  `extractLinks, ${TARGET_LINKS}-link email from corpus template blocks, ${RUNS} runs after ${WARMUP} warm-up`,
);
console.log(
  `load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} on ${cpus().length} cores`,
);
console.log(
  'variant                      | DOM       | wall median | wall p95 | wall min | CPU median | CPU p95 | CPU p95 / 5 ms',
);
for (const [variant, html] of [
  ['template hrefs', plainHtml],
  ['ESP/gateway-tracked hrefs', trackedHtml],
] as const) {
  for (const [domName, parse] of [
    ['happy-dom', happyParse],
    ['jsdom', jsdomParse],
  ] as const) {
    const doc = parse(html);
    const count = extractLinks(doc).length;
    if (count !== TARGET_LINKS) throw new Error(`expected ${TARGET_LINKS} links, got ${count}`);
    const { wall, cpu } = time(() => extractLinks(doc));
    console.log(
      `${variant.padEnd(28)} | ${domName.padEnd(9)} | ${fmt(wall.median)} | ${fmt(wall.p95)} | ${fmt(wall.min)} | ${fmt(cpu.median)} | ${fmt(cpu.p95)} | ${(cpu.p95 / BUDGET_MS).toFixed(2)}×`,
    );
  }
}

const hrefs = [...jsdomParse(trackedHtml).querySelectorAll('a[href]')].map(
  (a) => a.getAttribute('href') ?? '',
);
const identity = time(() => hrefs.forEach((href) => linkIdentity(href)));
console.log(
  `linkIdentity alone, 150 tracked hrefs: wall median ${fmt(identity.wall.median)}, p95 ${fmt(identity.wall.p95)}; CPU median ${fmt(identity.cpu.median)}, p95 ${fmt(identity.cpu.p95)}`,
);
