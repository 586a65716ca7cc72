/**
 * Pre-send link audit (QA mode, no stats): numbers every placement in
 * document order and lists the problems found, per placement then for the
 * whole email, each finding {rule, severity, placementOrdinal?, message}.
 */
import {
  duplicateDestinationFindings,
  missingUtmFindings,
  unsubscribeFindings,
} from './email-rules.ts';
import { placementFindings } from './placement-rules.ts';
import type { AuditFinding, AuditPlacement, AuditResult, Severity } from './types.ts';

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Placement findings by ordinal, whole-email findings last; errors before warnings within a placement. */
function byPosition(a: AuditFinding, b: AuditFinding): number {
  const pa = a.placementOrdinal ?? Number.MAX_SAFE_INTEGER;
  const pb = b.placementOrdinal ?? Number.MAX_SAFE_INTEGER;
  return pa - pb || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
}

export function auditPlacements(input: readonly AuditPlacement[]): AuditResult {
  const placements = [...input].sort((a, b) => a.ordinal - b.ordinal);
  const findings = [
    ...placements.flatMap(placementFindings),
    ...missingUtmFindings(placements),
    ...duplicateDestinationFindings(placements),
    ...unsubscribeFindings(placements),
  ].sort(byPosition);
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return {
    placements: placements.map((p) => ({
      number: p.ordinal + 1,
      ordinal: p.ordinal,
      href: p.href,
      text: p.text,
      kind: p.kind,
    })),
    findings,
    counts,
  };
}
