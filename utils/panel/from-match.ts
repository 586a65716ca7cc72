/**
 * Adapts the link matcher's result (utils/links/match.ts) to what the link
 * table renders: URL, name, hidden flag and "one of N" per placement.
 */
import type { LinkMatchResult, MatchablePlacement } from '../links/match.ts';
import type { PanelMatch, PlacementView } from './view-types.ts';

/** What the table needs of a placement; LinkPlacement from utils/links/extract.ts has it. */
export interface DescribedPlacement extends MatchablePlacement {
  /** Visible text, else image alt. */
  text: string;
  hiddenByStyle?: boolean;
  /** Measured box; visible false when it has no visible box. */
  box?: { visible: boolean } | null;
}

function isHidden(p: DescribedPlacement): boolean {
  return p.hiddenByStyle === true || (p.box != null && !p.box.visible);
}

export function toPanelMatch<P extends DescribedPlacement>(result: LinkMatchResult<P>): PanelMatch {
  const placements = result.placements.map((m): PlacementView => ({
    ordinal: m.placement.ordinal,
    url: m.placement.href,
    name: m.placement.text,
    row: m.row,
    duplicateCount: m.duplicate?.of ?? 1,
    duplicateIndex: m.duplicate?.index ?? 1,
    sharedRow: m.duplicate?.sharedRow ?? false,
    hidden: isHidden(m.placement),
    ...(m.matchedBy === 'placement' && m.proof ? { placementProof: m.proof } : {}),
  }));
  return { placements, unmatchedRows: result.unmatchedRows };
}
