/**
 * The matcher's last pass (match.ts): rows and placements whose tracking
 * token differs per reader (RedirectFormat.perReader) pair by placement
 * evidence (placement-match.ts), per provider.
 */
import type { ClickMapLinkRow } from '../report/report-types.ts';
import type { LinkIdentity } from './identity.ts';
import type { MatchablePlacement, PlacementMatch } from './match.ts';
import { pairByPlacement } from './placement-match.ts';

/** Provider of a per-reader opaque key ("sendgrid:<token>" → "sendgrid"), else null. */
function perReaderProvider(identity: LinkIdentity): string | null {
  return identity.perReader ? identity.key.slice(0, identity.key.indexOf(':')) : null;
}

/**
 * Per-reader tracking tokens (one reader's registered copy, another reader's
 * received copy) never share a key: rows and free placements of the same
 * provider pair by placement evidence instead.
 */
export function matchPerReaderByPlacement<P extends MatchablePlacement>(
  matches: PlacementMatch<P>[],
  rows: ClickMapLinkRow[],
  identify: (href: string) => LinkIdentity,
): ClickMapLinkRow[] {
  const rowsBy = new Map<string, ClickMapLinkRow[]>();
  for (const row of rows) {
    const provider = perReaderProvider(identify(row.url));
    if (provider) rowsBy.set(provider, [...(rowsBy.get(provider) ?? []), row]);
  }
  if (rowsBy.size === 0) return rows;
  const paired = new Set<ClickMapLinkRow>();
  for (const [provider, group] of rowsBy) {
    const ordered = [...group].sort((a, b) => (a.ordinal ?? 0) - (b.ordinal ?? 0));
    const free = matches.filter(
      (m) =>
        m.row === null &&
        perReaderProvider(m.placement.identity ?? identify(m.placement.href)) === provider,
    );
    const sides = free.map(({ placement: { ordinal, text = '', textFrom } }) => ({
      ordinal,
      text,
      ...(textFrom ? { textFrom } : {}),
    }));
    for (const pair of pairByPlacement(ordered, sides)) {
      const match = free[pair.placement]!;
      const row = ordered[pair.row]!;
      match.row = row;
      match.matchedBy = 'placement';
      match.proof = pair.proof;
      paired.add(row);
    }
  }
  return rows.filter((row) => !paired.has(row));
}
