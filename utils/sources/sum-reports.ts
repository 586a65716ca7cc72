/**
 * Campaigns of one template summed into one report (the Altcraft "report per
 * template" rule) for sources that only report per campaign. Messages of two
 * campaigns are distinct, so unique counts add up; a number unknown in any
 * campaign stays unknown in the sum.
 */
import type { Capability } from '../report/report-types.ts';
import type { SourceDeps } from './http.ts';
import type { ReportQuery, ReportSource } from './source.ts';
import type { SourceKind } from './registry.ts';
import type { SourceLinkRow, SourceNote, SourceReport, SourceTotals } from './source-report.ts';
import { ratio, sumKnown, withRates } from './source-report.ts';

function sumTotals(all: readonly SourceTotals[]): SourceTotals {
  const sum = (pick: (t: SourceTotals) => number | null) => sumKnown(all.map(pick));
  return withRates({
    sent: sum((t) => t.sent),
    delivered: sum((t) => t.delivered),
    bounces: {
      hard: sum((t) => t.bounces.hard),
      soft: sum((t) => t.bounces.soft),
      total: sum((t) => t.bounces.total),
    },
    uniqueOpens: sum((t) => t.uniqueOpens),
    totalOpens: sum((t) => t.totalOpens),
    clickImpliedOpens: sum((t) => t.clickImpliedOpens),
    bouncePixelOpens: sum((t) => t.bouncePixelOpens),
    uniqueClicks: sum((t) => t.uniqueClicks),
    totalClicks: sum((t) => t.totalClicks),
    unsubscribed: sum((t) => t.unsubscribed),
    unsubscribedBy: {
      link: sum((t) => t.unsubscribedBy.link),
      listUnsubscribe: sum((t) => t.unsubscribedBy.listUnsubscribe),
      other: sum((t) => t.unsubscribedBy.other),
    },
    complaints: sum((t) => t.complaints),
    machineClicks: sum((t) => t.machineClicks),
    ctr: null,
    ctor: null,
  });
}

/** A link absent from a campaign's report had no click there (when the source lists all links). */
function addCounts(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : a + b;
}

function mergeLinks(
  reports: readonly SourceReport[],
  totals: SourceTotals,
  basis: 'unique' | 'total',
): SourceLinkRow[] {
  const byKey = new Map<string, SourceLinkRow>();
  for (const report of reports) {
    for (const row of report.links) {
      const seen = byKey.get(row.rowKey);
      if (!seen) {
        byKey.set(row.rowKey, { ...row });
        continue;
      }
      seen.uniqueClicks = addCounts(seen.uniqueClicks, row.uniqueClicks);
      seen.totalClicks = addCounts(seen.totalClicks, row.totalClicks);
      seen.machineClicks = addCounts(seen.machineClicks, row.machineClicks);
      if (seen.name === '') seen.name = row.name;
    }
  }
  const rows = [...byKey.values()];
  const basisOf = (row: SourceLinkRow) => (basis === 'unique' ? row.uniqueClicks : row.totalClicks);
  const basisSum = sumKnown(rows.map(basisOf));
  return rows.map((row) => ({
    ...row,
    shareOfClicks: ratio(basisOf(row), basisSum),
    ctr: ratio(row.uniqueClicks, totals.delivered ?? totals.sent),
    ctor: ratio(row.uniqueClicks, totals.uniqueOpens),
  }));
}

function commonCapabilities(reports: readonly SourceReport[]): Capability[] {
  const [first, ...rest] = reports;
  if (!first) return [];
  return first.capabilities.filter((c) => rest.every((report) => report.capabilities.includes(c)));
}

function uniqueNotes(reports: readonly SourceReport[]): SourceNote[] {
  const notes = new Map<string, SourceNote>();
  for (const report of reports) for (const note of report.notes) notes.set(note.id, note);
  return [...notes.values()];
}

/** One report for `templateId` out of per-campaign reports of one source. */
export function sumReports(
  reports: readonly SourceReport[],
  templateId: string,
  generatedAt: number,
): SourceReport {
  const [first] = reports;
  if (!first) throw new Error('sumReports needs at least one report'); // i18n-exempt: a caller's bug
  if (reports.length === 1) return { ...first, templateId };
  const totals = sumTotals(reports.map((r) => r.totals));
  const shareBasis = reports.every((r) => r.shareBasis === 'unique') ? 'unique' : 'total';
  return {
    ...first,
    templateId,
    versionId: null,
    campaignIds: reports.flatMap((r) => r.campaignIds),
    machineClicksIncluded: reports.some((r) => r.machineClicksIncluded),
    totals,
    links: mergeLinks(reports, totals, shareBasis),
    versions: reports.flatMap((r) => r.versions),
    capabilities: commonCapabilities(reports),
    generatedAt,
    shareBasis,
    notes: uniqueNotes(reports),
  };
}

/**
 * A source whose API reports one campaign at a time: the query's campaigns
 * read in turn (providers rate-limit per key: one campaign's requests at a
 * time) and summed. The template defaults to the first campaign's own.
 */
export function perCampaignSource(
  kind: SourceKind,
  capabilities: readonly Capability[],
  deps: SourceDeps,
  one: (campaignId: string, query: ReportQuery, generatedAt: number) => Promise<SourceReport>,
): ReportSource {
  const now = deps.now ?? Date.now;
  return {
    kind,
    capabilities,
    async report(query) {
      const generatedAt = now();
      const reports: SourceReport[] = [];
      for (const campaignId of query.campaignIds)
        reports.push(await one(campaignId, query, generatedAt));
      return sumReports(reports, query.templateId ?? reports[0]?.templateId ?? '', generatedAt);
    },
  };
}
