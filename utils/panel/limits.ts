/**
 * What a report's source cannot give at all (its missing capabilities),
 * worded for the panel's "Not available from <source>" section, beside the
 * source's own notes. The cells' "—" reasons are in totals-view.ts and
 * columns.ts.
 */
import type { Capability } from '../report/report-types.ts';
import { missingCapabilities, type SourceReport } from '../sources/source-report.ts';
import { t, type MessageKey } from '../i18n/i18n.ts';

/** What each capability a source lacks means for the user. */
export const CAPABILITY_TEXT = {
  'unique-24h': 'lackUnique24h',
  'per-placement': 'lackPerPlacement',
  opens: 'lackOpens',
  delivered: 'lackDelivered',
  bounces: 'lackBounces',
  unsubscribes: 'lackUnsubscribes',
  'list-unsubscribe': 'lackListUnsubscribe',
  'machine-clicks': 'lackMachineClicks',
  'click-implied-opens': 'lackClickImpliedOpens',
  'all-links': 'lackAllLinks',
} as const satisfies Record<Capability, MessageKey>;

/** What the source cannot give, worded for the panel, in capability order. */
export function cannotGive(report: SourceReport): string[] {
  return missingCapabilities(report.capabilities).map((c) => t(CAPABILITY_TEXT[c]));
}
