/**
 * The bench email for bench/badges.ts: the bodies (and head styles) of the
 * link-richest real corpus templates, one after another, giving 163 links
 * (the bench uses the first 150).
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const TEMPLATES = resolve(dirname(fileURLToPath(import.meta.url)), '../../shared/corpus/templates');
export const LINKS = 150;
/** The link-richest corpus templates; their bodies in this order give 163 links. */
export const BLOCKS = [
  'sendwithus-mantra-rating.html',
  'sendwithus-narrative-survey.html',
  'sendwithus-goldstar-survey.html',
  'sendwithus-goldstar-welcome.html',
  'mailjet-tutorial-welcome.html',
  'mailjet-tutorial-abandoned_cart.html',
  'sendwithus-oxygen-invite.html',
  'sendwithus-sunday-survey.html',
  'colorlib-5.html',
];

function part(html: string, pattern: RegExp): string {
  return [...html.matchAll(pattern)].map((m) => m[1] ?? '').join('\n');
}

/**
 * The templates' placeholder hrefs ("#", "", "http://": 128 of their links)
 * become distinct tracked URLs, as in a sent email; real hrefs stay.
 */
function realHrefs(html: string, block: number): string {
  let n = 0;
  return html.replace(/href="(#|http:\/\/|)"/gi, () => {
    n += 1;
    return `href="https://shop.example.com/b${block}/item-${n}?utm_source=newsletter&amp;utm_medium=email"`;
  });
}

/** One long email: every block's <style>s, then every block's body, one after another. */
export function emailHtml(inScroller: boolean): string {
  const sources = BLOCKS.map((name, i) =>
    realHrefs(readFileSync(resolve(TEMPLATES, name), 'utf8'), i),
  );
  const styles = sources.map((s) => part(s, /<style[^>]*>([\s\S]*?)<\/style>/gi)).join('\n');
  const bodies = sources.map((s) => part(s, /<body[^>]*>([\s\S]*?)<\/body>/gi)).join('\n<hr>\n');
  const content = inScroller
    ? `<div id="scroller" style="height:100vh;overflow:auto">${bodies}</div>`
    : bodies;
  return `<!doctype html><html><head><meta charset="utf-8"><style>${styles}</style></head><body>${content}</body></html>`;
}
