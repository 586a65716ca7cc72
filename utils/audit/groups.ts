/**
 * Findings grouped by rule for the Check links view: one group per rule,
 * worst severity first, with a severity filter (show errors only, errors and
 * warnings, or everything). Pure.
 */
import type { AuditFinding, AuditRule, Severity } from './types.ts';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** A group's heading: what the rule checks, in a reader's words. */
export const RULE_TITLES: Record<AuditRule, string> = {
  'empty-href': 'Empty link',
  'placeholder-href': 'Placeholder link (#)',
  'relative-href': 'Relative link',
  'unsafe-scheme': 'Blocked scheme (javascript:, data:…)',
  'merge-tag': 'Unresolved merge tag',
  'insecure-http': 'Insecure http:',
  'missing-utm': 'Missing UTM parameters',
  'duplicate-destination': 'One destination, different texts',
  'no-unsubscribe': 'No unsubscribe link',
  'small-tap-target': 'Tap target under 44×44 px',
  'hidden-link': 'Link in hidden content',
  mailto: 'Email link (mailto:)',
  tel: 'Phone link (tel:)',
};

export interface FindingGroup {
  rule: AuditRule;
  severity: Severity;
  findings: AuditFinding[];
}

const rank = (severity: Severity): number => SEVERITIES.indexOf(severity);

/** Groups of the findings at `minimum` severity or worse; groups by severity, then size, then rule. */
export function groupFindings(
  findings: readonly AuditFinding[],
  minimum: Severity = 'info',
): FindingGroup[] {
  const groups = new Map<AuditRule, FindingGroup>();
  for (const finding of findings) {
    if (rank(finding.severity) > rank(minimum)) continue;
    const group = groups.get(finding.rule);
    if (group) group.findings.push(finding);
    else groups.set(finding.rule, { ...finding, findings: [finding] });
  }
  return [...groups.values()]
    .map(({ rule, severity, findings: list }) => ({ rule, severity, findings: list }))
    .sort(
      (a, b) =>
        rank(a.severity) - rank(b.severity) ||
        b.findings.length - a.findings.length ||
        a.rule.localeCompare(b.rule),
    );
}
