/**
 * The convenience entry point: one pass over the events → ClickMapReport.
 * Unsorted input is buffered (selected campaigns only) and sorted once;
 * `assumeSorted` streams instead (constant memory per message) and throws on
 * an out-of-order event rather than returning a silently wrong report.
 */
import { assembleReport } from './assemble.ts';
import { EventFeed } from './event-feed.ts';
import { EventIdLedger } from './event-ids.ts';
import { compareEvents } from './event-order.ts';
import type { Campaign, EmailEvent, Period, TemplateVersion } from './model.ts';
import type { ReportOptions } from './options.ts';
import { resolveOptions } from './options.ts';
import type { ClickMapReport } from './report-types.ts';
import type { ReportCounts } from './row-tally.ts';
import { unsubscribeLinksOf } from './unsubscribe-clicks.ts';
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
  /**
   * The source already holds each event id once (a store keyed by id, as the
   * reference server's): skip the id ledger (event-ids.ts) and its memory.
   */
  idsUnique: boolean;
}

export function buildClickMapReport(
  input: ClickMapInput,
  options: Partial<BuildOptions> = {},
): ClickMapReport {
  const resolved = resolveInputOptions(input, options);
  const campaignIds = selectedCampaignIds(input);
  const counts = countEvents(
    input.events,
    campaignIds,
    input.period ?? {},
    resolved,
    options.assumeSorted ?? false,
    options.idsUnique ?? false,
  );
  return assembleClickMap(input, campaignIds, counts, resolved);
}

/** Options with the input's unsubscribe links (where List-Unsubscribe presses count); given ones win. */
export function resolveInputOptions(
  input: Pick<ClickMapInput, 'campaigns' | 'versions'>,
  options: Partial<ReportOptions>,
): ReportOptions {
  const fromInput = unsubscribeLinksOf(input.campaigns, input.versions);
  for (const [campaignId, link] of options.unsubscribeLinks ?? []) fromInput.set(campaignId, link);
  return resolveOptions({ ...options, unsubscribeLinks: fromInput });
}

/** Ids of the campaigns a report covers: the template's, of one version when versionId is set. */
export function selectedCampaignIds(input: Omit<ClickMapInput, 'events'>): string[] {
  return selectCampaigns(input.campaigns, input.templateId, input.versionId).map((c) => c.id);
}

/** Step (c) with the context of the input: versions, placements, options. */
export function assembleClickMap(
  input: Omit<ClickMapInput, 'events'>,
  campaignIds: string[],
  counts: ReportCounts,
  resolved: ReportOptions,
): ClickMapReport {
  return assembleReport(counts, {
    templateId: input.templateId,
    versionId: input.versionId ?? null,
    period: input.period ?? {},
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

/**
 * Steps (a)+(b): classify and accumulate the events of the given campaigns,
 * with ReportAccumulator's semantics on the integer-indexed FastCounter. An id
 * seen again is a re-delivery (skipped) when its content is the same, else the
 * whole input is refused (EventIdConflictError), unless `idsUnique`.
 */
export function countEvents(
  events: Iterable<EmailEvent>,
  campaignIds: string[],
  period: Period,
  options: ReportOptions,
  assumeSorted = false,
  idsUnique = false,
): ReportCounts {
  const ledger = idsUnique ? null : new EventIdLedger();
  if (assumeSorted) {
    const feed = new EventFeed(campaignIds, period, options, true);
    for (const event of events) if (ledger === null || ledger.admit(event)) feed.add(event);
    ledger?.check();
    return feed.finish();
  }
  const feed = new EventFeed(campaignIds, period, options, false);
  const buffer: EmailEvent[] = [];
  let sorted = true;
  for (const event of events) {
    // Every event takes part in the id rule, also those of campaigns the report does not cover.
    if ((ledger !== null && !ledger.admit(event)) || !feed.selects(event)) continue;
    const previous = buffer[buffer.length - 1];
    if (previous && compareEvents(previous, event) > 0) sorted = false;
    buffer.push(event);
  }
  ledger?.check();
  if (!sorted) buffer.sort(compareEvents);
  for (const event of buffer) feed.add(event);
  return feed.finish();
}
