/**
 * The notes under a sales sequence's tables: the Datananas "particular
 * use-cases" that apply to this data (utils/panel/sequence-view.ts), each
 * with the steps where they were seen.
 */
import type { SequenceReport } from '../report/report-types.ts';
import { tn } from '../i18n/i18n.ts';
import { sequenceCaveats, type CaveatSignal } from './sequence-view.ts';

export function sequenceNotes(
  report: SequenceReport,
  signals: readonly CaveatSignal[] = [],
): string[] {
  return sequenceCaveats(report, signals).map((caveat) =>
    caveat.steps.length === 0
      ? caveat.text
      : tn('caveatSteps', caveat.steps.length, caveat.steps.join(', '), caveat.text),
  );
}
