/**
 * From a loaded report and a preview's placements to what the panel and the
 * badges show: placements matched to report rows (one link normaliser on both
 * sides, utils/links/match.ts), the table's placement views, and the badge
 * view models for the preview frame. Pure.
 */
import { matchLinks } from '../links/match.ts';
import type { PreviewInfo } from '../messaging/protocol.ts';
import { buildBadges, type BadgeView } from '../overlay/badge-model.ts';
import { toPanelMatch } from './from-match.ts';
import type { PanelMatch } from './view-types.ts';
import type { ClickMapLinkRow, ClickMapReport, ClickMapTotals } from '../report/report-types.ts';
import type { SourceReport } from '../sources/index.ts';

type Known<T> = { [K in keyof T]: Exclude<T[K], null> };

function allKnown<T extends object>(value: T): value is Known<T> & T {
  return Object.values(value).every((v) => v !== null && (typeof v !== 'object' || allKnown(v)));
}

/**
 * The engine's exact report shape, for the Click Map API (which gives every
 * count). null for other sources and for any unknown count: the caller
 * renders those with source-model.ts ("—" with the reason, never 0).
 */
export function engineReportOf(report: SourceReport): ClickMapReport | null {
  if (report.source !== 'clickmap-api') return null;
  const { source: _s, shareBasis: _b, notes: _n, totals, links, ...rest } = report;
  const { totalOpens: _o, bounces, ...counts } = totals;
  const { total: _t, ...split } = bounces;
  if (!allKnown(split) || !allKnown({ ...counts, ctr: 0, ctor: 0, delivered: 0 })) return null;
  if (
    !links.every(
      (l) => l.uniqueClicks !== null && l.totalClicks !== null && l.machineClicks !== null,
    )
  ) {
    return null;
  }
  const engineTotals = { ...counts, bounces: split } as ClickMapTotals;
  return { ...rest, totals: engineTotals, links: links as ClickMapLinkRow[] };
}

export interface PreviewModel {
  panel: PanelMatch;
  badges: BadgeView[];
}

export function previewModel(
  preview: PreviewInfo,
  report: ClickMapReport,
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
  const result = matchLinks(placements, report.links, { base: preview.base });
  return {
    panel: toPanelMatch(result),
    badges: buildBadges({
      matches: result.placements,
      rows: report.links,
      capabilities: report.capabilities,
      ...(locale ? { locale } : {}),
    }),
  };
}
