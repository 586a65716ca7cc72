/**
 * The one event order the engine processes: time, then a fixed type rank, then
 * id. Ties at the same millisecond are resolved the same way by every caller
 * (engine, naive reference, reference server), so results do not depend on
 * arrival order.
 */
import type { EmailEvent, EmailEventType, Millis, Period } from './model.ts';

/** The message lifecycle order used for ties: a click at the delivery millisecond comes after it. */
const TYPE_RANK: Record<EmailEventType, number> = {
  sent: 0,
  delivered: 1,
  bounce: 2,
  open: 3,
  click: 4,
  unsubscribe: 5,
  complaint: 6,
};

export function compareEvents(a: EmailEvent, b: EmailEvent): number {
  if (a.at !== b.at) return a.at - b.at;
  const rank = TYPE_RANK[a.type] - TYPE_RANK[b.type];
  if (rank !== 0) return rank;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Sorted copy (stable); the input is left untouched. */
export function sortEvents(events: Iterable<EmailEvent>): EmailEvent[] {
  return [...events].sort(compareEvents);
}

/** Half-open [from, to) test; an absent end is open. */
export function inPeriod(at: Millis, period: Period): boolean {
  return (
    (period.from === undefined || at >= period.from) && (period.to === undefined || at < period.to)
  );
}

/** A message: one campaign delivered to one recipient. */
export function messageKey(campaignId: string, recipient: string): string {
  return `${campaignId}\u0000${recipient}`;
}
