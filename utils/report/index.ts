/**
 * Public API of the report engine (see docs/report-semantics.md):
 * (a) classify — ClickUniqueness, MachineClickDetector, LinkRowResolver;
 * (b) accumulate — ReportAccumulator / countEvents;
 * (c) assemble — assembleReport;
 * plus buildClickMapReport and buildSequenceReport doing it all, and
 * buildClickMapReportColumnar for large logs held as typed-array columns.
 */
export { ClickUniqueness } from './click-uniqueness.ts';
export { MachineClickDetector } from './machine-clicks.ts';
export type { DetectableClick, MachineReason } from './machine-clicks.ts';
export { LinkRowResolver } from './link-rows.ts';
export type { ClickRowRef } from './link-rows.ts';
export { ReportAccumulator } from './accumulator.ts';
export type { ReportCounts, RowTally } from './row-tally.ts';
export type { MessageCounts } from './message-tally.ts';
export { assembleReport, assembleTotals } from './assemble.ts';
export type { ReportContext } from './assemble.ts';
export { buildClickMapReport, countEvents } from './build.ts';
export type { BuildOptions, ClickMapInput } from './build.ts';
export { buildClickMapReportColumnar, countColumns } from './columnar.ts';
export type { ColumnarInput } from './columnar.ts';
export {
  toEventColumns,
  EVENT_TYPE_CODE,
  BOUNCE_HARD,
  BOUNCE_SOFT,
  UNSUBSCRIBE_METHODS,
} from './event-columns.ts';
export type { EventColumns, ColumnLink, IndexColumn } from './event-columns.ts';
export { buildSequenceReport } from './sequence.ts';
export type { SequenceInput } from './sequence.ts';
export { compareEvents, sortEvents, inPeriod, messageKey } from './event-order.ts';
export { versionPeriods, selectCampaigns, selectPlacements } from './versions.ts';
export { resolveOptions, DEFAULT_MACHINE_RULES, SCANNER_USER_AGENT, DAY_MS } from './options.ts';
export type { ReportOptions, MachineClickRules, Identify } from './options.ts';
export { rate } from './rates.ts';
