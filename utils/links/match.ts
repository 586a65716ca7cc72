/**
 * Report rows → link placements, in a shape the overlay renders directly.
 * Order of evidence: the source's placement id (linkId), then the row's
 * ordinal when it names a placement with the same link identity, then the
 * link identity (one normaliser, linkIdentity, for both sides), then, for
 * tracking tokens that differ per reader, placement (placement-match.ts:
 * text, alt, order, position, with a confidence naming them). Several
 * placements of one URL with one undistinguished row all show that row as
 * "k of N" (sharedRow); nothing is dropped: rows without a placement and
 * placements without a row are listed.
 */
import type { ClickMapLinkRow } from '../report/report-types.ts';
import { linkIdentity, type LinkIdentity } from './identity.ts';
import { matchPerReaderByPlacement } from './match-per-reader.ts';
import type { PlacementProof } from './placement-match.ts';

/** What matching needs of a placement; LinkPlacement from extract.ts has it. */
export interface MatchablePlacement {
  linkId: string;
  ordinal: number;
  href: string;
  identity?: LinkIdentity;
  /** Link text, else image alt: placement evidence for per-reader tracking links. */
  text?: string;
  textFrom?: 'text' | 'alt' | 'label';
}

export interface DuplicateInfo {
  /** 1-based position among the placements with this link identity, in document order. */
  index: number;
  of: number;
  /** The report has one row for several of them: its counts are for the URL, not this position. */
  sharedRow: boolean;
}

export type MatchReason = 'linkId' | 'ordinal' | 'url' | 'placement';

export interface PlacementMatch<P> {
  placement: P;
  key: string;
  row: ClickMapLinkRow | null;
  matchedBy: MatchReason | null;
  /** null when this placement is the only one with its link identity. */
  duplicate: DuplicateInfo | null;
  /** matchedBy 'placement': which evidence paired them, and how sure that is. */
  proof?: PlacementProof;
}

export interface LinkMatchResult<P> {
  /** One entry per placement, in document order. */
  placements: PlacementMatch<P>[];
  unmatchedRows: ClickMapLinkRow[];
  unmatchedPlacements: P[];
}

export interface MatchOptions {
  /** Base URL for relative hrefs on both sides. */
  base?: string;
}

export function matchLinks<P extends MatchablePlacement>(
  placements: readonly P[],
  rows: readonly ClickMapLinkRow[],
  options: MatchOptions = {},
): LinkMatchResult<P> {
  const identify = (href: string) => linkIdentity(href, options.base);
  const keyOf = (href: string) => identify(href).key;
  const matches: PlacementMatch<P>[] = placements.map((placement) => ({
    placement,
    key: placement.identity?.key ?? keyOf(placement.href),
    row: null,
    matchedBy: null,
    duplicate: null,
  }));
  const pageKeys = new Set(matches.map((match) => match.key));
  const rowKeys = new Map(rows.map((row) => [row, rowKeyOf(row, keyOf, pageKeys)]));
  let pending = matchByLinkId(matches, rows, rowKeys);
  pending = matchByOrdinal(matches, pending, rowKeys);
  pending = matchByKey(matches, pending, rowKeys);
  pending = matchDynamicByPosition(matches, pending);
  const unmatchedRows = matchPerReaderByPlacement(matches, pending, identify);
  markDuplicates(matches);
  return {
    placements: matches,
    unmatchedRows,
    unmatchedPlacements: matches
      .filter((match) => match.row === null)
      .map((match) => match.placement),
  };
}

/**
 * The row's identity as this normaliser computes it from its URL; else the
 * source's own key when only that one is on the page (a row summed over
 * several versions carries the newest version's URL and an older one's key).
 */
function rowKeyOf(
  row: ClickMapLinkRow,
  keyOf: (href: string) => string,
  page: Set<string>,
): string {
  const fromUrl = row.url ? keyOf(row.url) : row.key;
  return !page.has(fromUrl) && page.has(row.key) ? row.key : fromUrl;
}

function assign<P>(match: PlacementMatch<P>, row: ClickMapLinkRow, reason: MatchReason): void {
  match.row = row;
  match.matchedBy = reason;
}

/** `L<n>`: the id extraction gives a link without a source id; it only says "n-th link". */
const POSITIONAL_ID = /^L\d+$/;

/**
 * Rows the source attributes to a placement id present on the page. A
 * positional id (`L<n>` on both sides) is only a position: one link added
 * above the email (an ESP's "forward" link, a template edit) would shift every
 * number onto its neighbour, so it pairs only where the identities agree;
 * personalised rows get their position back in matchDynamicByPosition.
 */
function matchByLinkId<P extends MatchablePlacement>(
  matches: PlacementMatch<P>[],
  rows: readonly ClickMapLinkRow[],
  rowKeys: Map<ClickMapLinkRow, string>,
): ClickMapLinkRow[] {
  const byLinkId = new Map(matches.map((match) => [match.placement.linkId, match]));
  return rows.filter((row) => {
    const match = row.linkId === null ? undefined : byLinkId.get(row.linkId);
    if (!match || match.row) return true;
    if (POSITIONAL_ID.test(row.linkId ?? '') && match.key !== rowKeys.get(row)) return true;
    assign(match, row, 'linkId');
    return false;
  });
}

/**
 * Personalised rows (merge tags in the template, a concrete URL in the
 * received email) have no identity to compare: they keep the position their
 * id or ordinal names, when that placement is still free and a web link.
 */
function matchDynamicByPosition<P extends MatchablePlacement>(
  matches: PlacementMatch<P>[],
  rows: ClickMapLinkRow[],
): ClickMapLinkRow[] {
  const byOrdinal = new Map(matches.map((match) => [match.placement.ordinal, match]));
  return rows.filter((row) => {
    const position = POSITIONAL_ID.test(row.linkId ?? '')
      ? Number(row.linkId?.slice(1))
      : row.ordinal;
    const match = position === null ? undefined : byOrdinal.get(position);
    if (!row.dynamic || !match || match.row || !/^https?:/i.test(match.placement.href)) return true;
    assign(match, row, 'ordinal');
    return false;
  });
}

/** Rows naming a position whose placement has the same identity (guards against a changed template). */
function matchByOrdinal<P extends MatchablePlacement>(
  matches: PlacementMatch<P>[],
  rows: ClickMapLinkRow[],
  rowKeys: Map<ClickMapLinkRow, string>,
): ClickMapLinkRow[] {
  const byOrdinal = new Map(matches.map((match) => [match.placement.ordinal, match]));
  return rows.filter((row) => {
    const match = row.ordinal === null ? undefined : byOrdinal.get(row.ordinal);
    if (!match || match.row || match.key !== rowKeys.get(row)) return true;
    assign(match, row, 'ordinal');
    return false;
  });
}

/**
 * Remaining rows by identity. Rows that carry ordinals take free placements of
 * their key in order; a single row without ordinal covers every free placement
 * of its key (shared); several rows without ordinal (e.g. differing only in
 * utm_*) pair with the placement whose href is identical, else in order.
 */
function matchByKey<P extends MatchablePlacement>(
  matches: PlacementMatch<P>[],
  rows: ClickMapLinkRow[],
  rowKeys: Map<ClickMapLinkRow, string>,
): ClickMapLinkRow[] {
  const unmatched: ClickMapLinkRow[] = [];
  for (const [key, keyRows] of groupBy(rows, (row) => rowKeys.get(row) ?? row.key)) {
    const free = matches.filter((match) => match.key === key && match.row === null);
    const ordered = keyRows.filter((row) => row.ordinal !== null);
    ordered.sort((a, b) => (a.ordinal ?? 0) - (b.ordinal ?? 0));
    const unordered = keyRows.filter((row) => row.ordinal === null);
    for (const row of ordered) takeFree(free, row, () => true, unmatched);
    if (unordered.length === 1 && free.length > 0) {
      for (const match of free.splice(0)) assign(match, unordered[0]!, 'url');
      continue;
    }
    for (const row of unordered) {
      const exact = free.some((match) => match.placement.href === row.url);
      takeFree(free, row, (match) => !exact || match.placement.href === row.url, unmatched);
    }
  }
  return unmatched;
}

function takeFree<P>(
  free: PlacementMatch<P>[],
  row: ClickMapLinkRow,
  accept: (match: PlacementMatch<P>) => boolean,
  unmatched: ClickMapLinkRow[],
): void {
  const at = free.findIndex(accept);
  const match = at >= 0 ? free.splice(at, 1)[0] : undefined;
  if (match) assign(match, row, 'url');
  else unmatched.push(row);
}

function markDuplicates<P>(matches: PlacementMatch<P>[]): void {
  const rowUse = new Map<ClickMapLinkRow, number>();
  for (const { row } of matches) if (row) rowUse.set(row, (rowUse.get(row) ?? 0) + 1);
  for (const group of groupBy(matches, (match) => match.key).values()) {
    if (group.length < 2) continue;
    group.forEach((match, i) => {
      const sharedRow = match.row !== null && (rowUse.get(match.row) ?? 0) > 1;
      match.duplicate = { index: i + 1, of: group.length, sharedRow };
    });
  }
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
