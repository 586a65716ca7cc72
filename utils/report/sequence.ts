/**
 * Sequence report (Datananas semantics): per step sent / single opens /
 * single clicks (each recipient once per step), summed over steps with rates
 * = sum of singles / sum of sent (never above 100%), and click performance
 * rows (clicks = every human click on the link, click rate = clicks / sent).
 */
import { assembleReport } from './assemble.ts';
import { countEvents } from './build.ts';
import type { Campaign, EmailEvent, Period, Sequence, TemplateVersion } from './model.ts';
import type { ReportOptions } from './options.ts';
import { resolveOptions } from './options.ts';
import { rate } from './rates.ts';
import type { ClickPerformanceRow, SequenceReport, SequenceStepRow } from './report-types.ts';
import { selectPlacements } from './versions.ts';

export interface SequenceInput {
  sequence: Sequence;
  campaigns: Campaign[];
  versions: TemplateVersion[];
  events: Iterable<EmailEvent>;
  period?: Period;
}

export function buildSequenceReport(
  input: SequenceInput,
  options: Partial<ReportOptions> = {},
): SequenceReport {
  const resolved = resolveOptions(options);
  const period = input.period ?? {};
  const eventsByCampaign = groupByCampaign(input.events, input.sequence);
  const steps: SequenceStepRow[] = [];
  const clickPerformance: ClickPerformanceRow[] = [];
  for (const step of [...input.sequence.steps].sort((a, b) => a.step - b.step)) {
    const counts = countEvents(
      eventsByCampaign.get(step.campaignId) ?? [],
      [step.campaignId],
      period,
      resolved,
    );
    const m = counts.messages;
    steps.push({
      step: step.step,
      name: step.name,
      campaignId: step.campaignId,
      sent: m.sent,
      singleOpens: m.uniqueOpens,
      singleClicks: m.uniqueClicks,
      openRate: rate(m.uniqueOpens, m.sent),
      clickRate: rate(m.uniqueClicks, m.sent),
    });
    const campaign = input.campaigns.find((c) => c.id === step.campaignId);
    const report = assembleReport(counts, {
      templateId: campaign?.templateId ?? '',
      versionId: campaign?.versionId ?? null,
      period,
      campaignIds: [step.campaignId],
      versions: [],
      placements: campaign
        ? selectPlacements(input.versions, campaign.templateId, campaign.versionId)
        : [],
      machineClicksIncluded: resolved.includeMachineClicks,
      dynamicFinalUrls: resolved.dynamicFinalUrls,
      identify: resolved.identify,
      generatedAt: resolved.now,
    });
    for (const link of report.links) {
      clickPerformance.push({
        address: link.url,
        name: link.name,
        step: step.step,
        clicks: link.totalClicks,
        clickRate: rate(link.totalClicks, m.sent),
      });
    }
  }
  const sum = (pick: (row: SequenceStepRow) => number): number =>
    steps.reduce((total, row) => total + pick(row), 0);
  const sent = sum((row) => row.sent);
  const singleOpens = sum((row) => row.singleOpens);
  const singleClicks = sum((row) => row.singleClicks);
  return {
    sequenceId: input.sequence.id,
    name: input.sequence.name,
    steps,
    summary: {
      sent,
      singleOpens,
      singleClicks,
      openRate: rate(singleOpens, sent),
      clickRate: rate(singleClicks, sent),
    },
    clickPerformance,
  };
}

/** One pass over the events, keeping only the sequence's step campaigns. */
function groupByCampaign(
  events: Iterable<EmailEvent>,
  sequence: Sequence,
): Map<string, EmailEvent[]> {
  const groups = new Map<string, EmailEvent[]>(sequence.steps.map((s) => [s.campaignId, []]));
  for (const event of events) groups.get(event.campaignId)?.push(event);
  return groups;
}
