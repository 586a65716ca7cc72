/**
 * Badge view models: what each link's badge on the email shows, from the
 * placements matched to report rows (utils/links/match.ts). The one badge
 * builder for every source (Click Map API, Mailchimp, listmonk, Mautic,
 * Brevo). Pure.
 *
 * Colour: the panel's heat scale (utils/panel/heat.ts) on the same
 * normalisation as the panel's swatches and legend — unique clicks (all
 * clicks for a source without unique ones, heatCount) / the busiest report
 * row's — so badges, table and legend agree.
 *
 * States:
 * - matched: the placement has a report row: "128 · 12.4%" on its heat colour.
 * - no-data: no report row, or a row without any click count. Shown as a grey
 *   "—", never "0": a missing row means "not in the report" (a template
 *   edited since, or a source that only reports its top links), not "nobody
 *   clicked"; zero-click rows the report does hold show "0 · 0.0%". The
 *   title gives the panel's reason.
 * - hidden: no visible box (hidden by style, a measured invisible box, or an
 *   ordinal the layout reported hidden). Not drawn; the panel lists it.
 */
import type { DuplicateInfo, PlacementMatch } from '../links/match.ts';
import { displayShares, heatCount, maxHeatCount } from '../panel/columns.ts';
import { HEAT_UNKNOWN, heatColor, heatInk, shareOfMax } from '../panel/heat.ts';
import type { Capability } from '../report/report-types.ts';
import type { SourceLinkRow } from '../sources/source-report.ts';
import { MISSING } from '../panel/format.ts';
import type { BadgeMetric } from './badge-metric.ts';
import { badgeLabel, badgeTitle, badgeValues } from './badge-text.ts';

export type BadgeState = 'matched' | 'no-data' | 'hidden';

/** What badges need of a placement; LinkPlacement from utils/links/extract.ts has it. */
export interface BadgePlacement {
  ordinal: number;
  href: string;
  hiddenByStyle?: boolean;
  box?: { visible: boolean } | null;
}

export interface BadgeView {
  ordinal: number;
  state: BadgeState;
  /** Text on the badge. */
  label: string;
  /** Tooltip: the full numbers, one fact per line. */
  title: string;
  /** Background, #rrggbb. */
  color: string;
  /** Text colour with the better contrast on `color` (#000000 or #ffffff). */
  textColor: string;
  /** Position on the heat scale in [0, 1]; null without a row. */
  heat: number | null;
  duplicate: DuplicateInfo | null;
  /** The figure for each badge metric the source gives (badge-metric.ts); `label` is the default. */
  values?: Partial<Record<BadgeMetric, string>>;
}

/** A placement and its report row, as utils/links/match.ts pairs them. */
export type BadgeMatch<P> = Omit<PlacementMatch<P>, 'row'> & { row: SourceLinkRow | null };

export interface BadgeModelInput<P extends BadgePlacement> {
  /** Placements with their rows (of `rows`; matchLinks' carrier rows are mapped back by the caller). */
  matches: readonly BadgeMatch<P>[];
  /** Every report row (report.links), matched or not: shares round over them, heat is relative to the busiest. */
  rows: readonly SourceLinkRow[];
  capabilities: readonly Capability[];
  /** Names the source in titles ("No numbers from listmonk for this link"). */
  sourceName?: string;
  /** Ordinals the layout measured as having no visible box. */
  hidden?: ReadonlySet<number>;
  locale?: string;
}

function isHidden(placement: BadgePlacement, hidden: ReadonlySet<number> | undefined): boolean {
  return (
    placement.hiddenByStyle === true ||
    placement.box?.visible === false ||
    hidden?.has(placement.ordinal) === true
  );
}

export function buildBadges<P extends BadgePlacement>(input: BadgeModelInput<P>): BadgeView[] {
  const { rows, capabilities, locale, sourceName } = input;
  const shares = displayShares(rows);
  const maxClicks = maxHeatCount(rows);
  const ranks = rankByHeat(rows);
  return input.matches.map(({ placement, row, duplicate }): BadgeView => {
    const title = badgeTitle(placement, row, shares, capabilities, duplicate, locale, sourceName);
    const clicks = row ? heatCount(row) : null;
    const state: BadgeState = isHidden(placement, input.hidden)
      ? 'hidden'
      : clicks !== null
        ? 'matched'
        : 'no-data';
    if (!row || clicks === null) {
      const base = { ordinal: placement.ordinal, label: MISSING, title, heat: null, duplicate };
      return { ...base, state, color: HEAT_UNKNOWN, textColor: heatInk(null) };
    }
    const heat = shareOfMax(clicks, maxClicks);
    const share = shares.get(row.rowKey) ?? null;
    const label = badgeLabel(row, share, duplicate, locale);
    const values: Record<BadgeMetric, string> = {
      ...badgeValues(row, share, ranks.get(row) ?? 0, duplicate, locale),
      'unique-share': label,
    };
    const [color, textColor] = [heatColor(heat), heatInk(heat)];
    const { ordinal } = placement;
    return { ordinal, state, label, title, color, textColor, heat, duplicate, values };
  });
}

/** Competition rank by the heat count (unique clicks, else all clicks; 1 = most; ties share a rank). */
function rankByHeat(rows: readonly SourceLinkRow[]): Map<SourceLinkRow, number> {
  const counted = rows.filter((row) => heatCount(row) !== null);
  const sorted = counted.sort((a, b) => (heatCount(b) ?? 0) - (heatCount(a) ?? 0));
  const ranks = new Map<SourceLinkRow, number>();
  sorted.forEach((row, i) => {
    const previous = sorted[i - 1];
    const tied = previous && heatCount(previous) === heatCount(row);
    ranks.set(row, tied ? (ranks.get(previous) ?? i + 1) : i + 1);
  });
  return ranks;
}

/** The badges to draw (matched and no-data), in ordinal order. */
export function drawableBadges(badges: readonly BadgeView[]): BadgeView[] {
  return badges.filter((badge) => badge.state !== 'hidden');
}
