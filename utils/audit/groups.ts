/**
 * Findings grouped by rule for the Check links view: one group per rule,
 * worst severity first, with a severity filter (show errors only, errors and
 * warnings, or everything). Pure.
 */
import type { AuditFinding, AuditRule, Severity } from './types.ts';
import { t, type MessageKey } from '../i18n/i18n.ts';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** A group's heading: what the rule checks, in a reader's words. */
const RULE_TITLE_KEYS = {
  'empty-href': 'ruleEmptyHref',
  'placeholder-href': 'rulePlaceholderHref',
  'relative-href': 'ruleRelativeHref',
  'unsafe-scheme': 'ruleUnsafeScheme',
  'merge-tag': 'ruleMergeTag',
  'insecure-http': 'ruleInsecureHttp',
  'missing-utm': 'ruleMissingUtm',
  'duplicate-destination': 'ruleDuplicateDestination',
  'no-unsubscribe': 'ruleNoUnsubscribe',
  'small-tap-target': 'ruleSmallTapTarget',
  'hidden-link': 'ruleHiddenLink',
  mailto: 'ruleMailto',
  tel: 'ruleTel',
} as const satisfies Record<AuditRule, MessageKey>;

export function ruleTitle(rule: AuditRule): string {
  return t(RULE_TITLE_KEYS[rule]);
}

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
