/**
 * Audit rules about one link placement on its own: where it points (empty,
 * "#", relative, javascript:, http:, mailto:/tel:), unresolved merge tags, and how it
 * renders (hidden; a button or standalone link under 44×44 px when a box was
 * measured — links inside a sentence are exempt).
 */
import type { AuditFinding, AuditPlacement } from './types.ts';
import { MIN_TAP_TARGET_PX } from './types.ts';
import { t } from '../i18n/i18n.ts';

export const label = (p: AuditPlacement): string => t('qaLinkLabel', String(p.ordinal + 1));

function destinationFinding(p: AuditPlacement): AuditFinding | null {
  const href = p.href.trim();
  const at = { placementOrdinal: p.ordinal };
  if (href === '')
    return {
      rule: 'empty-href',
      severity: 'error',
      ...at,
      message: t('qaEmptyHref', label(p)),
    };
  if (href === '#') {
    return {
      rule: 'placeholder-href',
      severity: 'error',
      ...at,
      message: t('qaPlaceholderHref', label(p)),
    };
  }
  if (p.unsafe) {
    const scheme = /^\s*([a-z]+):/i.exec(href)?.[1]?.toLowerCase() ?? 'script';
    return {
      rule: 'unsafe-scheme',
      severity: 'error',
      ...at,
      message: t('qaUnsafeScheme', label(p), scheme),
    };
  }
  if (/^http:/i.test(href)) {
    return {
      rule: 'insecure-http',
      severity: 'warning',
      ...at,
      message: t('qaInsecureHttp', label(p), href),
    };
  }
  if (/^mailto:/i.test(href))
    return {
      rule: 'mailto',
      severity: 'info',
      ...at,
      message: t('qaMailto', label(p), href.slice(7)),
    };
  if (/^tel:/i.test(href))
    return { rule: 'tel', severity: 'info', ...at, message: t('qaTel', label(p), href.slice(4)) };
  // A whole-URL merge tag ({{action_url}}) is the merge-tag rule's business; in-page anchors are not links out.
  if (!/^[a-z][a-z0-9+.-]*:/i.test(href) && !href.startsWith('#') && p.mergeTags.length === 0) {
    return {
      rule: 'relative-href',
      severity: 'error',
      ...at,
      message: t('qaRelativeHref', label(p), href),
    };
  }
  return null;
}

function mergeTagFinding(p: AuditPlacement): AuditFinding | null {
  if (p.mergeTags.length === 0) return null;
  return {
    rule: 'merge-tag',
    severity: 'warning',
    placementOrdinal: p.ordinal,
    message: t('qaMergeTag', label(p), p.mergeTags.join(' ')),
  };
}

function renderFindings(p: AuditPlacement): AuditFinding[] {
  const findings: AuditFinding[] = [];
  if (p.hiddenByStyle || p.box?.visible === false) {
    findings.push({
      rule: 'hidden-link',
      severity: 'warning',
      placementOrdinal: p.ordinal,
      message: t('qaHiddenLink', label(p)),
    });
  }
  const box = p.box;
  // Inline text links are exempt (WCAG 2.5.8): only buttons and standalone links must be 44×44.
  if (
    box &&
    box.visible &&
    !box.inText &&
    (box.width < MIN_TAP_TARGET_PX || box.height < MIN_TAP_TARGET_PX)
  ) {
    findings.push({
      rule: 'small-tap-target',
      severity: 'warning',
      placementOrdinal: p.ordinal,
      message: t(
        'qaSmallTapTarget',
        label(p),
        `${Math.round(box.width)}×${Math.round(box.height)}`,
        `${MIN_TAP_TARGET_PX}×${MIN_TAP_TARGET_PX}`,
      ),
    });
  }
  return findings;
}

export function placementFindings(p: AuditPlacement): AuditFinding[] {
  const found = [destinationFinding(p), mergeTagFinding(p), ...renderFindings(p)];
  return found.filter((f): f is AuditFinding => f !== null);
}
