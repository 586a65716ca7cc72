/**
 * The per-click rules both counting cores call (ReportAccumulator behind the
 * server's incremental aggregates, FastCounter behind bulk and threaded
 * reports): a rule change is one edit here.
 *
 * - 24 h uniqueness (Altcraft: "Click uniqueness is determined within 24 hours -
 *   repeated clicks from the same user within 24 hours are not counted"): per
 *   message × row, a click counts when none was counted yet or the last COUNTED
 *   one is at least the window before it (exactly 24 h counts again).
 * - Machine-click classification at arrival: a scanner user agent, or a click
 *   less than `nearDeliveryMs` after the message's delivery (else sending); a
 *   burst chain touching `burstDistinctLinks` distinct rows is machine as a whole.
 */
import type { Millis } from './model.ts';
import type { MachineClickRules } from './options.ts';

export type MachineReason = 'scanner-user-agent' | 'near-delivery' | 'burst';

/** True when a click at `at` counts by the 24 h rule; `lastCounted` undefined or NaN: none yet. */
export function countsAgain(
  lastCounted: Millis | undefined,
  at: Millis,
  windowMs: Millis,
): boolean {
  return lastCounted === undefined || !(at - lastCounted < windowMs);
}

/** The reason a click is a machine's, known at its arrival; `referenceAt` undefined or NaN: none yet. */
export function arrivalMachineReason(
  scannerUserAgent: boolean,
  at: Millis,
  referenceAt: Millis | undefined,
  rules: MachineClickRules,
): MachineReason | null {
  if (scannerUserAgent) return 'scanner-user-agent';
  if (referenceAt !== undefined && at - referenceAt < rules.nearDeliveryMs) return 'near-delivery';
  return null;
}

/** A settled burst chain touching this many distinct rows is a machine's (the whole chain). */
export function isMachineBurst(distinctRows: number, rules: MachineClickRules): boolean {
  return distinctRows >= rules.burstDistinctLinks;
}

/**
 * Whether a settled click is tallied in the view: every click by default
 * (Altcraft: "All clicks are counted"), human clicks only when machine clicks
 * are excluded.
 */
export function isTallied(machine: boolean, includeMachineClicks: boolean): boolean {
  return !machine || includeMachineClicks;
}
