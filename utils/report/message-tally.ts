/**
 * Per-message state (one campaign × one recipient) and its contribution to
 * the message-level totals. Flags marked "period" are set by events inside the
 * report period; the others look at the whole history, because a message's
 * status (bounced, ever opened) does not depend on which day is reported.
 */
import type { Millis } from './model.ts';

export const SENT = 1; // period
export const DELIVERED = 2; // period
export const HARD_BOUNCE = 4; // period
export const SOFT_BOUNCE = 8; // period
export const OPENED = 16; // period: tracked (pixel) open
export const EVER_OPENED = 32; // history
export const CLICKED = 64; // period: at least one tallied click (counted by the 24 h rule or not)
export const COMPLAINED = 128; // period
export const BOUNCED_LAST = 256; // history: the latest delivery outcome is a bounce
export const REFERENCE_IS_DELIVERY = 512; // history: referenceAt is a delivery time

export interface MessageTally {
  flags: number;
  /** First delivery time, else first sending time: the machine-click reference. */
  referenceAt: Millis | undefined;
  /** Re-delivery guard: ids already applied at the latest timestamp. */
  lastAt: Millis;
  lastId: string;
  /** Further ids at lastAt (rare: several events of one message in one millisecond). */
  moreIds: string[] | null;
}

export function newMessageTally(): MessageTally {
  return {
    flags: 0,
    referenceAt: undefined,
    lastAt: Number.NEGATIVE_INFINITY,
    lastId: '',
    moreIds: null,
  };
}

/**
 * True when this event id was already applied. Sorted input puts a re-delivered
 * event (same id, same time) next to its first copy, so only the ids of the
 * latest timestamp need remembering.
 */
export function isRedelivery(tally: MessageTally, id: string, at: Millis): boolean {
  if (at !== tally.lastAt) {
    tally.lastAt = at;
    tally.lastId = id;
    tally.moreIds = null;
    return false;
  }
  if (tally.lastId === id || tally.moreIds?.includes(id)) return true;
  (tally.moreIds ??= []).push(id);
  return false;
}

export interface MessageCounts {
  sent: number;
  delivered: number;
  hardBounces: number;
  softBounces: number;
  uniqueOpens: number;
  clickImpliedOpens: number;
  bouncePixelOpens: number;
  uniqueClicks: number;
  complaints: number;
}

export function emptyMessageCounts(): MessageCounts {
  return {
    sent: 0,
    delivered: 0,
    hardBounces: 0,
    softBounces: 0,
    uniqueOpens: 0,
    clickImpliedOpens: 0,
    bouncePixelOpens: 0,
    uniqueClicks: 0,
    complaints: 0,
  };
}

/** Adds one message's final flags to the totals (each message counted once). */
export function addMessage(counts: MessageCounts, flags: number): void {
  const bounced = (flags & BOUNCED_LAST) !== 0;
  if (flags & SENT) counts.sent++;
  if (flags & DELIVERED) counts.delivered++;
  if (flags & HARD_BOUNCE) counts.hardBounces++;
  else if (flags & SOFT_BOUNCE) counts.softBounces++;
  if (flags & OPENED) {
    if (bounced) counts.bouncePixelOpens++;
    else counts.uniqueOpens++;
  }
  if (flags & CLICKED) {
    counts.uniqueClicks++;
    if (!bounced && !(flags & EVER_OPENED)) counts.clickImpliedOpens++;
  }
  if (flags & COMPLAINED) counts.complaints++;
}
