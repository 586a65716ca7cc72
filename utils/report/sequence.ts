/**
 * Sequence report (Datananas semantics): per step sent / single opens /
 * single clicks (each recipient once per step), summed over steps with rates
 * = sum of singles / sum of sent (never above 100%), and click performance
 * rows (clicks = every click on the link, click rate = clicks / sent).
 * Single opens count the opens bounce servers make by pinging the pixel, as
 * Datananas does ("some bounces cases send an opening notification as the
 * prospect email server may 'ping' the pixel"); their number is kept per step
 * (`bouncePixelOpens`) so the view shows the caveat.
 */
import { assembleClickMap, countEvents, resolveInputOptions } from './build.ts';
import type { Campaign, EmailEvent, Period, Sequence, TemplateVersion } from './model.ts';
import type { ReportOptions } from './options.ts';
import { rate } from './rates.ts';
import type { ClickPerformanceRow, SequenceReport, SequenceStepRow } from './report-types.ts';

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
  const resolved = resolveInputOptions(input, options);
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
    const singleOpens = m.uniqueOpens + m.bouncePixelOpens;
    steps.push({
      step: step.step,
      name: step.name,
      campaignId: step.campaignId,
      sent: m.sent,
      singleOpens,
      bouncePixelOpens: m.bouncePixelOpens,
      singleClicks: m.uniqueClicks,
      openRate: rate(singleOpens, m.sent),
      clickRate: rate(m.uniqueClicks, m.sent),
    });
    const campaign = input.campaigns.find((c) => c.id === step.campaignId);
    // The click map's own assembly: a step's rows are the rows its click map shows.
    const scope = {
      templateId: campaign?.templateId ?? '',
      versionId: campaign?.versionId ?? null,
      versions: campaign ? input.versions : [],
      campaigns: campaign ? [campaign] : [],
      period,
    };
    const report = assembleClickMap(scope, [step.campaignId], counts, resolved);
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
