/**
 * Test-only: a PreviewInfo as the preview frame would announce it, built from
 * email HTML with the same extractor (utils/links/extract.ts). Needs a DOM
 * environment (jsdom / happy-dom) for DOMParser.
 */
import { extractLinks, type LinkBox } from '../../links/extract.ts';
import type { PreviewInfo } from '../protocol.ts';

export const PREVIEW_BASE = 'about:srcdoc';

export function previewOf(
  html: string,
  options: { measure?: (element: Element) => LinkBox | null; base?: string } = {},
): PreviewInfo {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const base = options.base ?? PREVIEW_BASE;
  const placements = extractLinks(doc, {
    base,
    ...(options.measure ? { measure: options.measure } : {}),
  });
  return {
    profileId: 'generic-frame',
    profileName: 'Generic frame',
    confidence: 1,
    reason: 'test',
    base,
    links: placements.map((p) => ({
      ordinal: p.ordinal,
      linkId: p.linkId,
      href: p.href,
      text: p.text,
      kind: p.kind,
      hidden: p.hiddenByStyle || p.box?.visible === false,
      unsafe: p.unsafe,
      box: p.box,
    })),
    subject: null,
    sender: null,
  };
}

/** An email whose body holds exactly these links. */
export function emailWith(hrefs: readonly string[]): string {
  const links = hrefs.map((href, i) => `<p><a href="${href}">Link ${i + 1}</a></p>`).join('');
  return `<!doctype html><html><body>${links}</body></html>`;
}
