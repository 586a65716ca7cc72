/**
 * Pre-send QA mode (no stats): the preview's placements as the audit's input
 * (identity and merge tags recomputed from the href with the extractor's own
 * describeLink and base; boxes as the preview frame measured them), the
 * audit (utils/audit), and one badge per visible placement: "#3" in the
 * colour of its worst finding, neutral when it has none. Pure.
 */
import { auditPlacements } from '../audit/audit.ts';
import type { AuditPlacement, AuditResult, Severity } from '../audit/types.ts';
import { describeLink } from '../links/identity.ts';
import type { PreviewInfo, PreviewLink } from '../messaging/protocol.ts';
import type { BadgeView } from '../overlay/badge-model.ts';

/** Badge colours per worst severity (white text has ≥ 4.5:1 contrast on each). */
export const QA_COLORS: Record<Severity | 'none', string> = {
  error: '#b3261e',
  warning: '#8a4b00',
  info: '#1f5fa8',
  none: '#4a4a4a',
};

export function auditPlacementOf(link: PreviewLink, base: string): AuditPlacement {
  const description = describeLink(link.href, base);
  return {
    ordinal: link.ordinal,
    href: link.href,
    text: link.text,
    kind: link.kind,
    unsafe: link.unsafe,
    // `hidden` is what styles hide; the measured box (size, visibility) stays apart.
    hiddenByStyle: link.hidden,
    box: link.box ?? null,
    identity: { key: description.key, dynamic: description.dynamic, domain: description.domain },
    mergeTags: description.mergeTags,
  };
}

export function auditPreview(preview: PreviewInfo): AuditResult {
  return auditPlacements(preview.links.map((link) => auditPlacementOf(link, preview.base)));
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function qaBadges(preview: PreviewInfo, result: AuditResult): BadgeView[] {
  const worst = new Map<number, Severity>();
  const messages = new Map<number, string[]>();
  for (const finding of result.findings) {
    const at = finding.placementOrdinal;
    if (at === undefined) continue;
    const seen = worst.get(at);
    if (seen === undefined || RANK[finding.severity] < RANK[seen]) worst.set(at, finding.severity);
    messages.set(at, [...(messages.get(at) ?? []), `${finding.severity}: ${finding.message}`]);
  }
  return preview.links.map((link) => {
    const severity = worst.get(link.ordinal) ?? 'none';
    const lines = messages.get(link.ordinal) ?? ['No problem found.'];
    return {
      ordinal: link.ordinal,
      state: link.hidden ? 'hidden' : 'matched',
      label: `#${link.ordinal + 1}`,
      title: [`#${link.ordinal + 1} ${link.href}`, ...lines].join('\n'),
      color: QA_COLORS[severity],
      textColor: '#ffffff',
      heat: null,
      duplicate: null,
    };
  });
}
