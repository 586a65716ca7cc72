/**
 * Pre-send QA mode (no stats), in the background: the preview's placements as
 * the audit's input (identity and merge tags recomputed from the href with the
 * extractor's own describeLink and base; boxes as the preview frame measured
 * them) and their audit. The numbered badges are utils/overlay/qa-badges.ts. Pure.
 */
import { auditPlacements } from './audit.ts';
import type { AuditPlacement, AuditResult } from './types.ts';
import { describeLink } from '../links/identity.ts';
import type { PreviewInfo, PreviewLink } from '../messaging/protocol.ts';

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
