/**
 * When a match is a match: the one threshold the reference server applies
 * to POST /v1/match and the extension applies again to whatever server it
 * talks to. Below it, the panel says that no campaign matched (a report on
 * weak evidence would show one campaign's numbers on another email).
 */
export const MIN_MATCH_CONFIDENCE = 0.25;

/** The reason shown when the best candidate is below the threshold (no template named). */
export function belowThresholdReason(confidence: number): string {
  return `No campaign matched this email: the closest template scores ${confidence.toFixed(2)}, below the ${MIN_MATCH_CONFIDENCE.toFixed(2)} needed.`;
}
