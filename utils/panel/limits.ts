/**
 * What a report's source cannot give at all (its missing capabilities),
 * worded for the panel's "Not available from <source>" section, beside the
 * source's own notes. The cells' "—" reasons are in totals-view.ts and
 * columns.ts.
 */
import type { Capability } from '../report/report-types.ts';
import { missingCapabilities, type SourceReport } from '../sources/source-report.ts';

/** What each capability a source lacks means for the user. */
export const CAPABILITY_TEXT: Record<Capability, string> = {
  'unique-24h': 'Unique clicks by the 24 h rule: the source counts uniqueness its own way.',
  'per-placement':
    'Clicks per link position: the source counts per URL, so repeated links share one number.',
  opens: 'Opens.',
  delivered: 'Deliveries (rates use sent instead).',
  bounces: 'Bounces.',
  unsubscribes: 'Unsubscribes.',
  'list-unsubscribe': 'Unsubscribes from the mail client’s button (List-Unsubscribe).',
  'machine-clicks': 'Machine (security scanner) clicks: they are counted like human clicks.',
  'click-implied-opens': 'Opens implied by clicks (images blocked).',
  'all-links': 'Every link: only the source’s top links are reported.',
};

/** What the source cannot give, worded for the panel, in capability order. */
export function cannotGive(report: SourceReport): string[] {
  return missingCapabilities(report.capabilities).map((c) => CAPABILITY_TEXT[c]);
}
