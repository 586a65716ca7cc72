/**
 * Types of the pre-send link audit (QA mode, no stats). The input is the
 * subset of utils/links extractLinks() placements the rules read, so its
 * output can be passed as is; `box` comes from the extension's measuring.
 */
import type { LinkPlacement } from '../links/extract.ts';

export type AuditPlacement = Pick<
  LinkPlacement,
  | 'ordinal'
  | 'href'
  | 'text'
  | 'kind'
  | 'unsafe'
  | 'hiddenByStyle'
  | 'box'
  | 'identity'
  | 'mergeTags'
>;

export type Severity = 'error' | 'warning' | 'info';

export type AuditRule =
  | 'empty-href'
  | 'placeholder-href'
  | 'relative-href'
  | 'unsafe-scheme'
  | 'merge-tag'
  | 'insecure-http'
  | 'missing-utm'
  | 'duplicate-destination'
  | 'no-unsubscribe'
  | 'small-tap-target'
  | 'hidden-link'
  | 'mailto'
  | 'tel';

export interface AuditFinding {
  rule: AuditRule;
  severity: Severity;
  /** 0-based ordinal of the placement; absent for findings about the whole email. */
  placementOrdinal?: number;
  message: string;
}

export interface NumberedPlacement {
  /** 1-based number shown on the page badge and in the table. */
  number: number;
  ordinal: number;
  href: string;
  text: string;
  kind: AuditPlacement['kind'];
}

export interface AuditResult {
  placements: NumberedPlacement[];
  findings: AuditFinding[];
  counts: Record<Severity, number>;
}

/** Smallest comfortable touch target (Apple HIG 44 pt; WCAG 2.5.5 AAA 44 CSS px). */
export const MIN_TAP_TARGET_PX = 44;
