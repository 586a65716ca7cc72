/**
 * Feeds EmailEvent objects into the FastCounter: campaign × recipient is
 * interned to a dense message index through one Map per selected campaign
 * (no key strings built per event), clicks to row refs (RowRegistry).
 * Events must come in compareEvents order; `checkOrder` throws otherwise.
 */
import { compareEvents } from './event-order.ts';
import { FastCounter } from './fast-counter.ts';
import type { EmailEvent, Period } from './model.ts';
import type { ReportOptions } from './options.ts';
import type { ReportCounts } from './row-tally.ts';
import type { UnsubscribeLinks } from './unsubscribe-clicks.ts';
import { listUnsubscribeClick } from './unsubscribe-clicks.ts';

export class EventFeed {
  readonly #counter: FastCounter;
  /** campaignId → recipient → message index; only selected campaigns. */
  readonly #messagesByCampaign = new Map<string, Map<string, number>>();
  readonly #checkOrder: boolean;
  readonly #unsubscribeLinks: UnsubscribeLinks;
  #last: EmailEvent | undefined;

  constructor(
    campaignIds: Iterable<string>,
    period: Period,
    options: ReportOptions,
    checkOrder: boolean,
  ) {
    this.#counter = new FastCounter(period, options);
    for (const id of campaignIds) this.#messagesByCampaign.set(id, new Map());
    this.#checkOrder = checkOrder;
    this.#unsubscribeLinks = options.unsubscribeLinks;
  }

  /** True when the event belongs to a selected campaign. */
  selects(event: EmailEvent): boolean {
    return this.#messagesByCampaign.has(event.campaignId);
  }

  add(event: EmailEvent): void {
    const messages = this.#messagesByCampaign.get(event.campaignId);
    if (messages === undefined) return;
    if (this.#checkOrder) {
      if (this.#last && compareEvents(this.#last, event) > 0) {
        throw new Error(`events out of order at ${event.id}: sort them first (sortEvents)`);
      }
      this.#last = event;
    }
    const counter = this.#counter;
    let m = messages.get(event.recipient);
    if (m === undefined) messages.set(event.recipient, (m = counter.messages.add()));
    const at = event.at;
    if (counter.messages.isRedelivery(m, event.id, at)) return;
    switch (event.type) {
      case 'sent':
        counter.sent(m, at);
        break;
      case 'delivered':
        counter.delivered(m, at);
        break;
      case 'bounce':
        counter.bounce(m, at, event.kind === 'hard');
        break;
      case 'open':
        counter.open(m, at);
        break;
      case 'click': {
        const ref = counter.rows.refOf(event.linkId, event.url, event.finalUrl);
        const scanner = counter.isScannerUserAgent(event.userAgent);
        counter.click(m, at, ref, scanner, event.finalUrl);
        break;
      }
      case 'unsubscribe': {
        counter.unsubscribe(at, event.recipient, event.method, event.linkId);
        const { campaignId, method, linkId } = event;
        const press = listUnsubscribeClick(campaignId, method, linkId, this.#unsubscribeLinks);
        if (press) {
          const ref = counter.rows.refOf(press.linkId, press.url, undefined, true);
          counter.click(m, at, ref, counter.isScannerUserAgent(event.userAgent), undefined);
        }
        break;
      }
      case 'complaint':
        counter.complaint(m, at);
        break;
    }
    counter.tick(at);
  }

  finish(): ReportCounts {
    return this.#counter.finish();
  }
}
