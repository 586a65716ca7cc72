/**
 * A SourceReport (nullable counts) as the panel and badges show it: the
 * preview's placements matched to the report's rows (utils/links/match.ts,
 * one normaliser on both sides), each count as text or "—" with the reason,
 * and heat badges on the count the source does give (unique clicks, else all
 * clicks). Used for the ESP sources; the Click Map API keeps the exact
 * ClickMapReport path (panel-model.ts). Pure.
 */
import { matchLinks, type DuplicateInfo } from '../links/match.ts';
import type { PreviewInfo } from '../messaging/protocol.ts';
import type { BadgeView } from '../overlay/badge-model.ts';
import { noRowReason, type CellText } from './columns.ts';
import { formatCount, formatPercent, MISSING } from './format.ts';
import { HEAT_UNKNOWN, heatColor, heatInk, shareOfMax } from './heat.ts';
import type { ClickMapLinkRow } from '../report/report-types.ts';
import { SOURCE_LABELS } from '../settings/sources.ts';
import type { SourceLinkRow, SourceReport } from '../sources/index.ts';
import { cannotGive, sourceTotalsCells, type SourceMetricCell } from './source-totals.ts';

export interface SourceRowCells {
  uniqueClicks: CellText;
  totalClicks: CellText;
  share: CellText;
  ctr: CellText;
}

export interface SourcePlacementView {
  ordinal: number;
  url: string;
  name: string;
  hidden: boolean;
  /** "2 of 3": the link appears several times; the source's numbers are for all of them. */
  duplicate: string | null;
  cells: SourceRowCells;
}

export interface SourceModel {
  sourceName: string;
  totals: SourceMetricCell[];
  placements: SourcePlacementView[];
  /** Report rows found on no placement of the preview. */
  unmatched: { url: string; name: string; cells: SourceRowCells }[];
  cannotGive: string[];
  notes: string[];
  badges: BadgeView[];
}

const count = (value: number | null, reason: string, locale?: string): CellText =>
  value === null ? { text: MISSING, title: reason } : { text: formatCount(value, locale) };

function rowCells(
  report: SourceReport,
  row: SourceLinkRow | null,
  locale?: string,
): SourceRowCells {
  const name = SOURCE_LABELS[report.source];
  if (row === null) {
    const m = { text: MISSING, title: noRowReason(report.capabilities) };
    return { uniqueClicks: m, totalClicks: m, share: m, ctr: m };
  }
  const ctrReason =
    row.uniqueClicks === null
      ? `Needs unique clicks, which ${name} does not give per link.`
      : 'Nothing was delivered.';
  const shareTitle =
    report.shareBasis === 'total'
      ? 'Share of all clicks (unique clicks are not known).'
      : undefined;
  return {
    uniqueClicks: count(row.uniqueClicks, `${name} gives only all clicks per link.`, locale),
    totalClicks: count(row.totalClicks, `${name} gives only unique clicks per link.`, locale),
    share:
      row.shareOfClicks === null
        ? { text: MISSING, title: 'No clicks to share.' }
        : {
            text: formatPercent(row.shareOfClicks, locale),
            ...(shareTitle ? { title: shareTitle } : {}),
          },
    ctr:
      row.ctr === null
        ? { text: MISSING, title: ctrReason }
        : { text: formatPercent(row.ctr, locale) },
  };
}

/** matchLinks pairs by identity only; rows go in with placeholder counts and come back by object. */
function carrierOf(row: SourceLinkRow): ClickMapLinkRow {
  return { ...row, uniqueClicks: 0, totalClicks: 0, machineClicks: 0 };
}

const basisOf = (report: SourceReport, row: SourceLinkRow): number | null =>
  report.shareBasis === 'unique' ? row.uniqueClicks : row.totalClicks;

function badgeOf(
  report: SourceReport,
  ordinal: number,
  hidden: boolean,
  row: SourceLinkRow | null,
  duplicate: DuplicateInfo | null,
  maxBasis: number,
  locale?: string,
): BadgeView {
  const basis = row ? basisOf(report, row) : null;
  const unit = report.shareBasis === 'unique' ? 'unique clicks' : 'clicks';
  const state = hidden ? 'hidden' : basis === null ? 'no-data' : 'matched';
  const heat = basis === null ? null : shareOfMax(basis, maxBasis);
  const share = row?.shareOfClicks ?? null;
  const label =
    basis === null
      ? MISSING
      : `${formatCount(basis, locale)}${share === null ? '' : ` · ${formatPercent(share, locale)}`}`;
  const title = [
    `#${ordinal + 1}`,
    basis === null
      ? `No numbers (${MISSING}) from ${SOURCE_LABELS[report.source]} for this link.`
      : `${formatCount(basis, locale)} ${unit}`,
  ].join('\n');
  return {
    ordinal,
    state,
    label: duplicate?.sharedRow && basis !== null ? `${label} (all ${duplicate.of})` : label,
    title,
    color: heat === null ? HEAT_UNKNOWN : heatColor(heat),
    textColor: heatInk(heat),
    heat,
    duplicate,
  };
}

export function sourceModel(
  preview: PreviewInfo,
  report: SourceReport,
  locale?: string,
): SourceModel {
  const byCarrier = new Map<ClickMapLinkRow, SourceLinkRow>();
  for (const row of report.links) byCarrier.set(carrierOf(row), row);
  const result = matchLinks(preview.links, [...byCarrier.keys()], { base: preview.base });
  const real = (row: ClickMapLinkRow | null) => (row ? (byCarrier.get(row) ?? null) : null);
  const maxBasis = report.links.reduce((max, row) => Math.max(max, basisOf(report, row) ?? 0), 0);
  return {
    sourceName: SOURCE_LABELS[report.source],
    totals: sourceTotalsCells(report, locale),
    placements: result.placements.map((m) => ({
      ordinal: m.placement.ordinal,
      url: m.placement.href,
      name: m.placement.text,
      hidden: m.placement.hidden,
      duplicate: m.duplicate
        ? `${m.duplicate.index} of ${m.duplicate.of}${m.duplicate.sharedRow ? ', counted together' : ''}`
        : null,
      cells: rowCells(report, real(m.row), locale),
    })),
    unmatched: result.unmatchedRows.map((carrier) => ({
      url: carrier.url,
      name: carrier.name,
      cells: rowCells(report, real(carrier), locale),
    })),
    cannotGive: cannotGive(report),
    notes: report.notes.map((note) => note.text),
    badges: result.placements.map((m) =>
      badgeOf(
        report,
        m.placement.ordinal,
        m.placement.hidden,
        real(m.row),
        m.duplicate,
        maxBasis,
        locale,
      ),
    ),
  };
}
