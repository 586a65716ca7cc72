/**
 * Machine (security scanner) click detection, usable event by event.
 *
 * A click is a machine click when (first matching reason wins):
 * - its user agent matches a known scanner / non-browser pattern;
 * - it comes less than `nearDeliveryMs` after the message's delivery (sending
 *   when no delivery is known yet);
 * - it belongs to a burst: a chain of the message's clicks each at most
 *   `burstGapMs` after the previous one, touching `burstDistinctLinks` or more
 *   distinct link rows. The WHOLE chain is flagged (a scanner's first clicks
 *   are as fake as its last), so a chain's clicks are held until it closes:
 *   when the message's next click comes later than the gap, when global time
 *   has moved past it (`settleBefore`) or at `flush()`.
 * Clicks of one message must be pushed in time order.
 */
import type { MachineReason } from './click-rules.ts';
import { arrivalMachineReason, isMachineBurst } from './click-rules.ts';
import type { Millis } from './model.ts';
import type { MachineClickRules } from './options.ts';

export type { MachineReason } from './click-rules.ts';

export interface DetectableClick {
  messageKey: string;
  rowKey: string;
  at: Millis;
  userAgent?: string;
  machine: MachineReason | null;
}

interface Chain<C> {
  lastAt: Millis;
  clicks: C[];
}

export class MachineClickDetector<C extends DetectableClick> {
  readonly rules: MachineClickRules;
  readonly #open = new Map<string, Chain<C>>();
  readonly #userAgentVerdicts = new Map<string, boolean>();

  constructor(rules: MachineClickRules) {
    this.rules = rules;
  }

  /**
   * Adds a click; `referenceAt` is the message's delivery time (else sending
   * time) known so far. Returns the clicks whose verdict became final, in order.
   */
  push(click: C, referenceAt: Millis | undefined): C[] {
    const scanner = this.isScannerUserAgent(click.userAgent);
    click.machine = arrivalMachineReason(scanner, click.at, referenceAt, this.rules);
    const chain = this.#open.get(click.messageKey);
    if (chain && click.at - chain.lastAt <= this.rules.burstGapMs) {
      chain.clicks.push(click);
      chain.lastAt = click.at;
      return [];
    }
    this.#open.set(click.messageKey, { lastAt: click.at, clicks: [click] });
    return chain ? this.#settle(chain) : [];
  }

  /** Settles every chain that no click at or after `at` can extend (global time order). */
  settleBefore(at: Millis): C[] {
    const settled: C[] = [];
    for (const [key, chain] of this.#open) {
      if (at - chain.lastAt > this.rules.burstGapMs) {
        this.#open.delete(key);
        settled.push(...this.#settle(chain));
      }
    }
    return settled;
  }

  /** Settles everything still open (end of input). */
  flush(): C[] {
    const settled: C[] = [];
    for (const chain of this.#open.values()) settled.push(...this.#settle(chain));
    this.#open.clear();
    return settled;
  }

  isScannerUserAgent(userAgent: string | undefined): boolean {
    if (!userAgent) return false;
    let verdict = this.#userAgentVerdicts.get(userAgent);
    if (verdict === undefined) {
      verdict = this.rules.scannerUserAgent.test(userAgent);
      // Bounded memo: user agents repeat a lot, but a hostile log must not grow it forever.
      if (this.#userAgentVerdicts.size > 10_000) this.#userAgentVerdicts.clear();
      this.#userAgentVerdicts.set(userAgent, verdict);
    }
    return verdict;
  }

  #settle(chain: Chain<C>): C[] {
    if (isMachineBurst(chain.clicks.length, this.rules)) {
      const rows = new Set(chain.clicks.map((c) => c.rowKey));
      if (isMachineBurst(rows.size, this.rules)) {
        for (const c of chain.clicks) c.machine ??= 'burst';
      }
    }
    return chain.clicks;
  }
}
