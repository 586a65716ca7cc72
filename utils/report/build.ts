/**
 * The convenience entry point: one pass over the events → ClickMapReport.
 * Unsorted input is buffered (selected campaigns only) and sorted once;
 * `assumeSorted` streams instead (constant memory per message) and throws on
 * an out-of-order event rather than returning a silently wrong report.
 */
import { ReportAccumulator } from './accumulator.ts';
import { assembleReport } from './assemble.ts';
import { compareEvents } from './event-order.ts';
import type { Campaign, EmailEvent, Period, TemplateVersion } from './model.ts';
import type { ReportOptions } from './options.ts';
import { resolveOptions } from './options.ts';
import type { ClickMapReport } from './report-types.ts';
import type { ReportCounts } from './row-tally.ts';
import {
  selectAllPlacements,
  selectCampaigns,
  selectPlacements,
  versionPeriods,
} from './versions.ts';

export interface ClickMapInput {
  templateId: string;
  versions: TemplateVersion[];
  campaigns: Campaign[];
  events: Iterable<EmailEvent>;
  /** null / absent: all versions. */
  versionId?: string | null;
  period?: Period;
}

export interface BuildOptions extends ReportOptions {
  /** The events are already in compareEvents order: stream them without buffering. */
  assumeSorted: boolean;
}

export function buildClickMapReport(
  input: ClickMapInput,
  options: Partial<BuildOptions> = {},
): ClickMapReport {
  const resolved = resolveOptions(options);
  const period = input.period ?? {};
  const campaignIds = selectCampaigns(input.campaigns, input.templateId, input.versionId).map(
    (c) => c.id,
  );
  const counts = countEvents(
    input.events,
    campaignIds,
    period,
    resolved,
    options.assumeSorted ?? false,
  );
  return assembleReport(counts, {
    templateId: input.templateId,
    versionId: input.versionId ?? null,
    period,
    campaignIds,
    versions: versionPeriods(input.versions, input.templateId),
    placements: selectPlacements(input.versions, input.templateId, input.versionId),
    allPlacements: selectAllPlacements(input.versions, input.templateId, input.versionId),
    machineClicksIncluded: resolved.includeMachineClicks,
    dynamicFinalUrls: resolved.dynamicFinalUrls,
    identify: resolved.identify,
    generatedAt: resolved.now,
  });
}

/** Steps (a)+(b): classify and accumulate the events of the given campaigns. */
export function countEvents(
  events: Iterable<EmailEvent>,
  campaignIds: string[],
  period: Period,
  options: ReportOptions,
  assumeSorted = false,
): ReportCounts {
  const accumulator = new ReportAccumulator(campaignIds, period, options);
  if (assumeSorted) {
    for (const event of events) accumulator.add(event);
    return accumulator.finish();
  }
  const selected = new Set(campaignIds);
  const buffer: EmailEvent[] = [];
  let sorted = true;
  for (const event of events) {
    if (!selected.has(event.campaignId)) continue;
    const previous = buffer[buffer.length - 1];
    if (previous && compareEvents(previous, event) > 0) sorted = false;
    buffer.push(event);
  }
  if (!sorted) buffer.sort(compareEvents);
  for (const event of buffer) accumulator.add(event);
  return accumulator.finish();
}
