// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { templateHtml } from '../../test/fixtures/links/corpus.ts';
import { auditPlacements } from '../audit/audit.ts';
import { extractLinks, type LinkBox } from '../links/extract.ts';
import { auditPreview, qaBadges, QA_COLORS } from './qa-model.ts';
import { previewOf, PREVIEW_BASE } from './testing/preview.ts';

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

describe('qaBadges', () => {
  it('numbers every link "#n" in its worst finding colour; hidden links are not drawn', () => {
    const html =
      '<body><a href="#">A</a><a href="http://a.example/">B</a><a href="https://ok.example/">C</a>' +
      '<a href="mailto:x@y.z">D</a><a hidden href="https://h.example/">E</a></body>';
    const preview = previewOf(html);
    const badges = qaBadges(preview, auditPreview(preview));
    expect(badges.map((b) => [b.ordinal, b.label, b.state, b.color, b.textColor])).toEqual([
      [0, '#1', 'matched', QA_COLORS.error, '#ffffff'],
      [1, '#2', 'matched', QA_COLORS.warning, '#ffffff'],
      [2, '#3', 'matched', QA_COLORS.none, '#ffffff'],
      [3, '#4', 'matched', QA_COLORS.info, '#ffffff'],
      [4, '#5', 'hidden', QA_COLORS.warning, '#ffffff'],
    ]);
    expect(badges[0]?.title).toBe(
      '#1 #\nerror: Link #1 points to "#", a placeholder: it goes nowhere.',
    );
    expect(badges[2]?.title).toBe('#3 https://ok.example/\nNo problem found.');
  });
});
