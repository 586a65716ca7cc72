// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { auditPreview } from '../audit/preview-audit.ts';
import { previewOf } from '../messaging/testing/preview.ts';
import { qaBadges, QA_COLORS } from './qa-badges.ts';

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
