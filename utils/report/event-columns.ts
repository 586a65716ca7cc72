/**
 * The columnar event log accepted by buildClickMapReportColumnar: one typed
 * array per field, strings interned into tables. A log of millions of events
 * then costs a few bytes per event and no object per event.
 *
 * Interning must be injective: equal strings ↔ equal indices (recipients are
 * only ever compared, so they need no table). An index with no table entry
 * (e.g. -1 in an Int32Array, or any index past the table) means "absent".
 */
import { EventIdLedger } from './event-ids.ts';
import type { EmailEvent, EmailEventType } from './model.ts';

/** Type codes are the processing rank of compareEvents (ties at one millisecond). */
export const EVENT_TYPE_CODE: Readonly<Record<EmailEventType, number>> = {
  sent: 0,
  delivered: 1,
  bounce: 2,
  open: 3,
  click: 4,
  unsubscribe: 5,
  complaint: 6,
};

/** `detail` of a bounce. */
export const BOUNCE_SOFT = 0;
export const BOUNCE_HARD = 1;
/** `detail` of an unsubscribe: index into this list. */
export const UNSUBSCRIBE_METHODS = ['link', 'list-unsubscribe', 'other'] as const;

export type IndexColumn = Uint8Array | Uint16Array | Uint32Array | Int32Array;

/** A click's link as the source recorded it (url: as authored; linkId: placement id). */
export interface ColumnLink {
  linkId?: string;
  url: string;
}

export interface EventColumns {
  /** Number of events (columns may be longer). */
  count: number;
  /** EVENT_TYPE_CODE. */
  type: Uint8Array;
  /** Epoch ms. */
  at: Float64Array | Uint32Array;
  campaign: IndexColumn;
  campaigns: readonly string[];
  /** Interned recipient (any injective numbering). */
  recipient: IndexColumn;
  /** Bounce: BOUNCE_HARD / BOUNCE_SOFT; unsubscribe: index in UNSUBSCRIBE_METHODS; else ignored. */
  detail: Uint8Array;
  /** Click: its link; unsubscribe: the link whose linkId it names (if any). */
  link: IndexColumn;
  links: readonly ColumnLink[];
  userAgent?: IndexColumn;
  userAgents?: readonly string[];
  finalUrl?: IndexColumn;
  finalUrls?: readonly string[];
  /**
   * Event ids as numbers ordered like the source ids (ties at one millisecond
   * and type go by id; a repeated (message, at, id) is a re-delivery, applied
   * once). Absent: every row is a distinct event and ties go by row order.
   */
  id?: Float64Array;
}

/**
 * Interns EmailEvent objects into columns (ids numbered in string order, as
 * compareEvents orders them). Applies the event-id rule (event-ids.ts): a
 * repeated id with other content throws EventIdConflictError; a re-delivery
 * stays a repeated (message, at, id) row, applied once by the engine.
 */
export function toEventColumns(events: readonly EmailEvent[]): EventColumns {
  const ledger = new EventIdLedger();
  for (const event of events) ledger.admit(event);
  ledger.check();
  const n = events.length;
  const tables = { campaigns: new Interner(), recipients: new Interner(), links: new Interner() };
  const userAgents = new Interner();
  const finalUrls = new Interner();
  const links: ColumnLink[] = [];
  const columns = {
    count: n,
    type: new Uint8Array(n),
    at: new Float64Array(n),
    campaign: new Int32Array(n),
    recipient: new Int32Array(n),
    detail: new Uint8Array(n),
    link: new Int32Array(n).fill(-1),
    userAgent: new Int32Array(n).fill(-1),
    finalUrl: new Int32Array(n).fill(-1),
    id: new Float64Array(n),
  };
  const idRank = new Map([...new Set(events.map((e) => e.id))].sort().map((id, k) => [id, k]));
  events.forEach((e, i) => {
    columns.type[i] = EVENT_TYPE_CODE[e.type];
    columns.at[i] = e.at;
    columns.campaign[i] = tables.campaigns.of(e.campaignId);
    columns.recipient[i] = tables.recipients.of(e.recipient);
    columns.id[i] = idRank.get(e.id)!;
    if (e.userAgent !== undefined) columns.userAgent[i] = userAgents.of(e.userAgent);
    if (e.type === 'bounce') columns.detail[i] = e.kind === 'hard' ? BOUNCE_HARD : BOUNCE_SOFT;
    if (e.type === 'unsubscribe') {
      columns.detail[i] = UNSUBSCRIBE_METHODS.indexOf(e.method);
      if (e.linkId !== undefined) columns.link[i] = linkIndex(e.linkId, '', tables.links, links);
    }
    if (e.type === 'click') {
      columns.link[i] = linkIndex(e.linkId, e.url, tables.links, links);
      if (e.finalUrl !== undefined) columns.finalUrl[i] = finalUrls.of(e.finalUrl);
    }
  });
  return {
    ...columns,
    campaigns: tables.campaigns.values,
    links,
    userAgents: userAgents.values,
    finalUrls: finalUrls.values,
  };
}

function linkIndex(
  linkId: string | undefined,
  url: string,
  interner: Interner,
  links: ColumnLink[],
): number {
  const index = interner.of(JSON.stringify([linkId ?? null, url]));
  if (index === links.length) links.push(linkId === undefined ? { url } : { linkId, url });
  return index;
}

class Interner {
  readonly values: string[] = [];
  readonly #index = new Map<string, number>();

  of(value: string): number {
    let index = this.#index.get(value);
    if (index === undefined) {
      index = this.values.length;
      this.#index.set(value, index);
      this.values.push(value);
    }
    return index;
  }
}

/** (at, type code, id) comparison of two rows; the engine's compareEvents on columns. */
export function compareRows(c: EventColumns, a: number, b: number): number {
  return c.at[a]! - c.at[b]! || c.type[a]! - c.type[b]! || (c.id ? c.id[a]! - c.id[b]! : 0);
}
