/**
 * View-model helpers of the sales-sequence view (Datananas "Statistics" tab,
 * seeds/datananas-clicks-and-openings.txt): per-step rows, the summary (sums
 * of single openings / clicks over sums of sent, so never above 100%), the
 * click performance table, and the seed's "particular use-cases" as caveats
 * that apply to this data. Pure: rates are recomputed from the counts.
 */
import type { SequenceReport } from '../report/report-types.ts';
import { ratio } from '../sources/source-report.ts';
import { t, type MessageKey } from '../i18n/i18n.ts';

export interface StepRowView {
  step: number;
  name: string;
  sent: number;
  singleOpens: number;
  singleClicks: number;
  openRate: number | null;
  clickRate: number | null;
}

export interface SequenceSummaryView {
  sent: number;
  singleOpens: number;
  singleClicks: number;
  openRate: number | null;
  clickRate: number | null;
}

export interface ClickPerformanceView {
  address: string;
  name: string;
  clickRate: number | null;
  clicks: number;
  step: number;
}

export function stepRows(report: SequenceReport): StepRowView[] {
  return [...report.steps]
    .sort((a, b) => a.step - b.step)
    .map((s) => ({
      step: s.step,
      name: s.name,
      sent: s.sent,
      singleOpens: s.singleOpens,
      singleClicks: s.singleClicks,
      openRate: ratio(s.singleOpens, s.sent),
      clickRate: ratio(s.singleClicks, s.sent),
    }));
}

export function sequenceSummary(report: SequenceReport): SequenceSummaryView {
  const sum = (pick: (s: SequenceReport['steps'][number]) => number) =>
    report.steps.reduce((total, s) => total + pick(s), 0);
  const sent = sum((s) => s.sent);
  const singleOpens = sum((s) => s.singleOpens);
  const singleClicks = sum((s) => s.singleClicks);
  return {
    sent,
    singleOpens,
    singleClicks,
    openRate: ratio(singleOpens, sent),
    clickRate: ratio(singleClicks, sent),
  };
}

/** Columns in the seed's order (address, name, click rate, clicks, step); most clicked first, then by step. */
export function clickPerformance(report: SequenceReport): ClickPerformanceView[] {
  const sentByStep = new Map(report.steps.map((s) => [s.step, s.sent]));
  return report.clickPerformance
    .map((row) => ({
      address: row.address,
      name: row.name,
      clickRate: ratio(row.clicks, sentByStep.get(row.step) ?? null),
      clicks: row.clicks,
      step: row.step,
    }))
    .sort((a, b) => b.clicks - a.clicks || a.step - b.step || a.address.localeCompare(b.address));
}

/** Counts a source may know beyond the SequenceReport (per step, or for the whole sequence when step is absent). */
export interface CaveatSignal {
  step?: number;
  clicksWithoutOpens?: number;
  repliesWithoutOpens?: number;
  bouncesWithOpens?: number;
}

export type CaveatId = 'clicks-without-opens' | 'replies-without-opens' | 'bounces-with-opens';

export interface Caveat {
  id: CaveatId;
  text: string;
  /** Steps where it was seen; empty when only known for the whole sequence. */
  steps: number[];
}

export const CAVEAT_TEXT = {
  'clicks-without-opens': 'caveatClicksWithoutOpens',
  'replies-without-opens': 'caveatRepliesWithoutOpens',
  'bounces-with-opens': 'caveatBouncesWithOpens',
} as const satisfies Record<CaveatId, MessageKey>;

function addCaveat(
  found: Map<CaveatId, Set<number>>,
  id: CaveatId,
  step: number | undefined,
): void {
  const steps = found.get(id) ?? new Set<number>();
  if (step !== undefined) steps.add(step);
  found.set(id, steps);
}

/** The use-cases that apply: from the signals, and clicks above opens in a step (which implies clicks without opens). */
export function sequenceCaveats(
  report: SequenceReport,
  signals: readonly CaveatSignal[] = [],
): Caveat[] {
  const found = new Map<CaveatId, Set<number>>();
  for (const s of report.steps) {
    if (s.singleClicks > s.singleOpens) addCaveat(found, 'clicks-without-opens', s.step);
    if ((s.bouncePixelOpens ?? 0) > 0) addCaveat(found, 'bounces-with-opens', s.step);
  }
  for (const signal of signals) {
    if ((signal.clicksWithoutOpens ?? 0) > 0) addCaveat(found, 'clicks-without-opens', signal.step);
    if ((signal.repliesWithoutOpens ?? 0) > 0)
      addCaveat(found, 'replies-without-opens', signal.step);
    if ((signal.bouncesWithOpens ?? 0) > 0) addCaveat(found, 'bounces-with-opens', signal.step);
  }
  const order: CaveatId[] = ['clicks-without-opens', 'replies-without-opens', 'bounces-with-opens'];
  return order
    .filter((id) => found.has(id))
    .map((id) => ({
      id,
      text: t(CAVEAT_TEXT[id]),
      steps: [...(found.get(id) ?? [])].sort((a, b) => a - b),
    }));
}
