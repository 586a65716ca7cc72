/**
 * Streaming accumulation of events into report counts: step (b) of the
 * engine. Feed events of the selected campaigns in time order (event-order.ts)
 * with `add`, then call `finish` once. Uniqueness and machine verdicts are
 * decided over the whole history; only events inside the period are tallied.
 */
import { isTallied } from './click-rules.ts';
import { ClickUniqueness } from './click-uniqueness.ts';
import { compareEvents, inPeriod, messageKey } from './event-order.ts';
import type { ClickRowRef } from './link-rows.ts';
import { LinkRowResolver } from './link-rows.ts';
import type { DetectableClick } from './machine-clicks.ts';
import { MachineClickDetector } from './machine-clicks.ts';
import * as M from './message-tally.ts';
import type { EmailEvent, Period, UnsubscribeEvent } from './model.ts';
import type { ReportOptions } from './options.ts';
import type { ReportCounts, RowTally } from './row-tally.ts';
import { newRowTally, tallyFinalUrl, tallySource } from './row-tally.ts';
import type { ClickTarget } from './unsubscribe-clicks.ts';
import { listUnsubscribeClick } from './unsubscribe-clicks.ts';

interface PendingClick extends DetectableClick {
  tally: M.MessageTally;
  row: ClickRowRef;
  inPeriod: boolean;
  finalUrl: string | undefined;
}

/** Open burst chains are swept every this many events, so held clicks die young (GC) and memory stays bounded. */
export const SWEEP_EVERY = 256;

export class ReportAccumulator {
  readonly #options: ReportOptions;
  readonly #period: Period;
  readonly #campaigns: ReadonlySet<string>;
  readonly #messages = new Map<string, M.MessageTally>();
  readonly #rows = new Map<string, RowTally>();
  readonly #unsubscribed = new Map<string, UnsubscribeEvent['method']>();
  readonly #unsubscribeLinkIds = new Set<string>();
  readonly #uniqueness: ClickUniqueness;
  readonly #detector: MachineClickDetector<PendingClick>;
  readonly #resolver: LinkRowResolver;
  #last: EmailEvent | undefined;
  #seen = 0;
  #deliveredKnown = false;
  #totalClicks = 0;
  #machineClicks = 0;

  constructor(campaignIds: Iterable<string>, period: Period, options: ReportOptions) {
    this.#options = options;
    this.#period = period;
    this.#campaigns = new Set(campaignIds);
    this.#uniqueness = new ClickUniqueness(options.uniquenessWindowMs);
    this.#detector = new MachineClickDetector(options.machine);
    this.#resolver = new LinkRowResolver(options.identify);
  }

  /** Adds one event; throws when events go back in time (sort first: sortEvents). */
  add(event: EmailEvent): void {
    if (!this.#campaigns.has(event.campaignId)) return;
    if (this.#last && compareEvents(this.#last, event) > 0) {
      throw new Error(`events out of order at ${event.id}: sort them first (sortEvents)`);
    }
    this.#last = event;
    const key = messageKey(event.campaignId, event.recipient);
    let tally = this.#messages.get(key);
    if (!tally) this.#messages.set(key, (tally = M.newMessageTally()));
    if (M.isRedelivery(tally, event.id, event.at)) return;
    this.#apply(event, key, tally, inPeriod(event.at, this.#period));
    if (++this.#seen % SWEEP_EVERY === 0) this.#applyClicks(this.#detector.settleBefore(event.at));
  }

  finish(): ReportCounts {
    this.#applyClicks(this.#detector.flush());
    const messages = M.emptyMessageCounts();
    for (const tally of this.#messages.values()) M.addMessage(messages, tally.flags);
    const unsubscribedBy = { link: 0, listUnsubscribe: 0, other: 0 };
    for (const method of this.#unsubscribed.values()) {
      unsubscribedBy[method === 'list-unsubscribe' ? 'listUnsubscribe' : method]++;
    }
    return {
      messages,
      deliveredKnown: this.#deliveredKnown,
      totalClicks: this.#totalClicks,
      machineClicks: this.#machineClicks,
      unsubscribed: this.#unsubscribed.size,
      unsubscribedBy,
      unsubscribeLinkIds: this.#unsubscribeLinkIds,
      rows: this.#rows,
    };
  }

  #apply(event: EmailEvent, key: string, tally: M.MessageTally, period: boolean): void {
    switch (event.type) {
      case 'sent':
        if (period) tally.flags |= M.SENT;
        tally.referenceAt ??= event.at;
        return;
      case 'delivered':
        this.#deliveredKnown = true;
        if (period) tally.flags |= M.DELIVERED;
        tally.flags &= ~M.BOUNCED_LAST;
        if (!(tally.flags & M.REFERENCE_IS_DELIVERY)) {
          tally.referenceAt = event.at;
          tally.flags |= M.REFERENCE_IS_DELIVERY;
        }
        return;
      case 'bounce':
        if (period) tally.flags |= event.kind === 'hard' ? M.HARD_BOUNCE : M.SOFT_BOUNCE;
        tally.flags |= M.BOUNCED_LAST;
        return;
      case 'open':
        tally.flags |= period ? M.OPENED | M.EVER_OPENED : M.EVER_OPENED;
        return;
      case 'click':
        return this.#click(event, event, key, tally, period);
      case 'unsubscribe': {
        if (event.method === 'link' && event.linkId) this.#unsubscribeLinkIds.add(event.linkId);
        if (period && !this.#unsubscribed.has(event.recipient))
          this.#unsubscribed.set(event.recipient, event.method);
        const { campaignId, method, linkId } = event;
        const press = listUnsubscribeClick(
          campaignId,
          method,
          linkId,
          this.#options.unsubscribeLinks,
        );
        if (press) this.#click(event, press, key, tally, period);
        return;
      }
      case 'complaint':
        if (period) tally.flags |= M.COMPLAINED;
        return;
    }
  }

  /** A click in the body, or a List-Unsubscribe press (`target`: what it clicked). */
  #click(
    event: EmailEvent,
    target: ClickTarget,
    key: string,
    tally: M.MessageTally,
    period: boolean,
  ): void {
    const pending: PendingClick = {
      messageKey: key,
      rowKey: '',
      at: event.at,
      userAgent: event.userAgent,
      machine: null,
      tally,
      row: this.#resolver.rowOf(target),
      inPeriod: period,
      finalUrl: target.finalUrl,
    };
    pending.rowKey = pending.row.rowKey;
    // A row is named by its first click in event order (as the server's row_refs), not by the
    // first one a settled burst chain applies: that keeps the name independent of settle order.
    let row = this.#rows.get(pending.rowKey);
    if (!row) this.#rows.set(pending.rowKey, (row = newRowTally(pending.row)));
    tallySource(row, pending.row);
    this.#applyClicks(this.#detector.push(pending, tally.referenceAt));
  }

  #applyClicks(clicks: PendingClick[]): void {
    for (const click of clicks) this.#applyClick(click);
  }

  #applyClick(click: PendingClick): void {
    const row = this.#rows.get(click.rowKey)!; // created when the click arrived
    if (click.machine !== null && click.inPeriod) {
      row.machineClicks++;
      this.#machineClicks++;
    }
    if (!isTallied(click.machine !== null, this.#options.includeMachineClicks)) return;
    const counted = this.#uniqueness.decide(click.messageKey, click.rowKey, click.at);
    if (!click.inPeriod) return;
    row.totalClicks++;
    this.#totalClicks++;
    // The message was clicked in the period, whether or not the 24 h rule counted this click.
    click.tally.flags |= M.CLICKED;
    tallyFinalUrl(row, click.finalUrl, this.#resolver, this.#options.dynamicFinalUrls);
    if (counted) row.uniqueClicks++;
  }
}
