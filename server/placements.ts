/**
 * Placements of a template version from its HTML, with the shared link
 * extractor (utils/links/extract.ts) run on a happy-dom document: the same
 * links, order and ids the extension finds in a rendered preview.
 */
import { createHash } from 'node:crypto';
import { Window } from 'happy-dom';
import { extractLinks } from '../utils/links/extract.ts';
import type { Placement } from '../utils/report/model.ts';

export function placementsFromHtml(html: string, linkIdAttribute?: string): Placement[] {
  const window = new Window({
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
    },
  });
  try {
    const document = new window.DOMParser().parseFromString(html, 'text/html');
    const links = extractLinks(
      document as unknown as ParentNode,
      linkIdAttribute ? { linkIdAttribute } : {},
    );
    return links.map((link) => {
      const placement: Placement = {
        linkId: link.linkId,
        ordinal: link.ordinal,
        url: link.href,
        text: link.text,
      };
      if (link.kind !== 'anchor') placement.kind = link.kind;
      return placement;
    });
  } finally {
    void window.happyDOM.close();
  }
}

export function contentHash(html: string): string {
  return createHash('sha256').update(html).digest('hex').slice(0, 16);
}
