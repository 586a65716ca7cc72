/**
 * From a loaded report (the one report shape of every source, SourceReport)
 * and a preview's placements to what the panel and the badges show:
 * placements matched to report rows (one link normaliser on both sides,
 * utils/links/match.ts), the table's placement views, and the badge view
 * models for the preview frame (utils/overlay/badge-model.ts, the one badge
 * builder). Pure.
 */
import { matchLinks } from '../links/match.ts';
import type { PreviewInfo } from '../messaging/protocol.ts';
import { buildBadges, type BadgeView } from '../overlay/badge-model.ts';
import type { ClickMapLinkRow } from '../report/report-types.ts';
import { SOURCE_LABELS } from '../settings/sources.ts';
import type { SourceLinkRow, SourceReport } from '../sources/source-report.ts';
import { toPanelMatch } from './from-match.ts';
import type { PanelMatch } from './view-types.ts';

export interface PreviewModel {
  panel: PanelMatch;
  badges: BadgeView[];
}

/**
 * matchLinks pairs by identity, placement id and ordinal only, never by
 * counts: rows go in as carriers with placeholder counts and come back by
 * object, so a count a source cannot give stays null.
 */
function carriersOf(rows: readonly SourceLinkRow[]): Map<ClickMapLinkRow, SourceLinkRow> {
  const byCarrier = new Map<ClickMapLinkRow, SourceLinkRow>();
  for (const row of rows)
    byCarrier.set({ ...row, uniqueClicks: 0, totalClicks: 0, machineClicks: 0 }, row);
  return byCarrier;
}

export function previewModel(
  preview: PreviewInfo,
  report: SourceReport,
  locale?: string,
): PreviewModel {
  // `hidden` is what styles hide. The measured box is left out on purpose: it was
  // taken once at detection (an image may still be loading); the badge layer
  // re-measures visibility on every pass and hides badges without a box.
  const placements = preview.links.map((link) => ({
    ...link,
    hiddenByStyle: link.hidden,
    box: null,
  }));
  const byCarrier = carriersOf(report.links);
  const real = (row: ClickMapLinkRow | null) => (row ? (byCarrier.get(row) ?? null) : null);
  const result = matchLinks(placements, [...byCarrier.keys()], { base: preview.base });
  const matches = result.placements.map((m) => ({ ...m, row: real(m.row) }));
  const panel = toPanelMatch(result);
  return {
    panel: {
      placements: panel.placements.map((p) => ({
        ...p,
        row: real(p.row as ClickMapLinkRow | null),
      })),
      unmatchedRows: result.unmatchedRows.map((row) => real(row) ?? row),
    },
    badges: buildBadges({
      matches,
      rows: report.links,
      capabilities: report.capabilities,
      sourceName: SOURCE_LABELS[report.source],
      ...(locale ? { locale } : {}),
    }),
  };
}
