/**
 * Pre-send QA mode's badges (top frame): one per placement, "#3" in the colour
 * of its worst finding of the audit (utils/audit/preview-audit.ts), neutral
 * when it has none. Pure.
 */
import type { AuditResult, Severity } from '../audit/types.ts';
import type { PreviewInfo } from '../messaging/protocol.ts';
import type { BadgeView } from './badge-model.ts';
import { t } from '../i18n/i18n.ts';
import { severityName } from '../audit/groups.ts';

/** Badge colours per worst severity (white text has ≥ 4.5:1 contrast on each). */
export const QA_COLORS: Record<Severity | 'none', string> = {
  error: '#b3261e',
  warning: '#8a4b00',
  info: '#1f5fa8',
  none: '#4a4a4a',
};

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function qaBadges(preview: PreviewInfo, result: AuditResult): BadgeView[] {
  const worst = new Map<number, Severity>();
  const messages = new Map<number, string[]>();
  for (const finding of result.findings) {
    const at = finding.placementOrdinal;
    if (at === undefined) continue;
    const seen = worst.get(at);
    if (seen === undefined || RANK[finding.severity] < RANK[seen]) worst.set(at, finding.severity);
    messages.set(at, [
      ...(messages.get(at) ?? []),
      t('qaBadgeLine', severityName(finding.severity), finding.message),
    ]);
  }
  return preview.links.map((link) => {
    const severity = worst.get(link.ordinal) ?? 'none';
    const lines = messages.get(link.ordinal) ?? [t('qaBadgeNoProblem')];
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
