// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { templateHtml } from '../../test/fixtures/links/corpus.ts';
import { auditPlacements } from './audit.ts';
import { extractLinks, type LinkBox } from '../links/extract.ts';
import { auditPreview } from './preview-audit.ts';
import { previewOf, PREVIEW_BASE } from '../messaging/testing/preview.ts';

/** The audit over the extractor's own placements: what the panel must reproduce from PreviewLinks. */
function direct(html: string, measure?: (e: Element) => LinkBox | null) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return auditPlacements(
    extractLinks(doc, { base: PREVIEW_BASE, ...(measure ? { measure } : {}) }),
  );
}

describe('auditPreview reproduces the audit of the extracted placements', () => {
  it.each([
    'colorlib-24.html',
    'postmark-basic-full-welcome.html',
    'postmark-basic-full-example.html',
    'sendgrid-dynamic-special_sale.html',
    'sendwithus-goldstar-survey.html',
  ])('%s', (file) => {
    const html = templateHtml(file);
    expect(auditPreview(previewOf(html))).toEqual(direct(html));
  });

  it('with measured boxes: small tap targets and invisible links', () => {
    const html =
      '<body><a href="https://a.example/1">small</a><a href="https://a.example/2">big</a>' +
      '<a href="https://a.example/3" style="display:none">gone</a><a href="https://x.example/unsubscribe">Unsubscribe</a></body>';
    const boxes: Record<string, LinkBox> = {
      small: { width: 80, height: 18.4, visible: true },
      big: { width: 200, height: 48, visible: true },
      gone: { width: 0, height: 0, visible: false },
      Unsubscribe: { width: 120, height: 44, visible: true },
    };
    const measure = (e: Element) => boxes[e.textContent ?? ''] ?? null;
    const result = auditPreview(previewOf(html, { measure }));
    expect(result).toEqual(direct(html, measure));
    expect(result.findings.map((f) => [f.placementOrdinal, f.rule])).toEqual([
      [0, 'small-tap-target'],
      [2, 'hidden-link'],
    ]);
  });
});
