/**
 * TEST ORACLE ONLY: a deliberately plain re-statement of the report rules
 * (docs/report-semantics.md) with nested loops and no shared state machinery,
 * used by the property test to check the streaming engine. Quadratic; never
 * use it for real data.
 */
import { linkIdentity } from '../links/identity.ts';
import type { EmailEvent, Period } from './model.ts';
import type { MachineClickRules } from './options.ts';

/** A click in the body, or a List-Unsubscribe press (which Altcraft counts as a click). */
interface NaiveClick {
  at: number;
  linkId?: string;
  url: string;
  finalUrl?: string;
  userAgent?: string;
  press: boolean;
}

export interface NaiveRow {
  unique: number;
  total: number;
  machine: number;
}

export interface NaiveResult {
  sent: number;
  delivered: number;
  hard: number;
  soft: number;
  uniqueOpens: number;
  clickImpliedOpens: number;
  bouncePixelOpens: number;
  uniqueClicks: number;
  totalClicks: number;
  machineClicks: number;
  complaints: number;
  unsubscribed: { link: number; listUnsubscribe: number; other: number };
  rows: Record<string, NaiveRow>;
}

const RANK = ['sent', 'delivered', 'bounce', 'open', 'click', 'unsubscribe', 'complaint'];

function within(at: number, period: Period): boolean {
  if (period.from !== undefined && at < period.from) return false;
  if (period.to !== undefined && at >= period.to) return false;
  return true;
}

function naiveRowKey(click: NaiveClick): string {
  const identity = linkIdentity(click.url);
  if (identity.dynamic) {
    let domain: string | null = null;
    if (click.finalUrl) domain = linkIdentity(click.finalUrl).domain;
    if (domain === null) domain = identity.domain;
    if (domain !== null) return 'domain:' + domain;
  }
  if (click.linkId) return 'link:' + click.linkId;
  if (click.press) return 'list-unsubscribe';
  return 'url:' + identity.key;
}

function sameContent(a: EmailEvent, b: EmailEvent): boolean {
  const fields = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const f of fields) {
    const x = (a as unknown as Record<string, unknown>)[f];
    const y = (b as unknown as Record<string, unknown>)[f];
    if (x !== y) return false;
  }
  return true;
}

export function naiveReport(
  allEvents: EmailEvent[],
  campaignIds: string[],
  period: Period,
  rules: MachineClickRules,
  includeMachine: boolean,
  windowMs: number,
  /** campaignId → its unsubscribe placement. */
  unsubscribeLinks: Record<string, { linkId: string; url: string }> = {},
): NaiveResult {
  const events: EmailEvent[] = [];
  const everyId: EmailEvent[] = [];
  for (const e of allEvents) {
    let duplicate = false;
    for (const kept of everyId) {
      if (kept.id !== e.id) continue;
      duplicate = true;
      if (!sameContent(kept, e)) throw new Error('event id reused with different content: ' + e.id);
    }
    if (duplicate) continue;
    everyId.push(e);
    if (campaignIds.includes(e.campaignId)) events.push(e);
  }
  events.sort((a, b) => {
    if (a.at !== b.at) return a.at - b.at;
    if (a.type !== b.type) return RANK.indexOf(a.type) - RANK.indexOf(b.type);
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
  const r: NaiveResult = {
    sent: 0,
    delivered: 0,
    hard: 0,
    soft: 0,
    uniqueOpens: 0,
    clickImpliedOpens: 0,
    bouncePixelOpens: 0,
    uniqueClicks: 0,
    totalClicks: 0,
    machineClicks: 0,
    complaints: 0,
    unsubscribed: { link: 0, listUnsubscribe: 0, other: 0 },
    rows: {},
  };
  const messages: string[][] = [];
  for (const e of events) {
    let known = false;
    for (const m of messages) if (m[0] === e.campaignId && m[1] === e.recipient) known = true;
    if (!known) messages.push([e.campaignId, e.recipient]);
  }
  for (const [campaignId, recipient] of messages) {
    const mine = events.filter((e) => e.campaignId === campaignId && e.recipient === recipient);
    const has = (type: string, extra: (e: EmailEvent) => boolean = () => true): boolean =>
      mine.some((e) => e.type === type && within(e.at, period) && extra(e));
    let bounced = false;
    for (const e of mine) {
      if (e.type === 'delivered') bounced = false;
      if (e.type === 'bounce') bounced = true;
    }
    if (has('sent')) r.sent++;
    if (has('delivered')) r.delivered++;
    if (has('bounce', (e) => e.type === 'bounce' && e.kind === 'hard')) r.hard++;
    else if (has('bounce')) r.soft++;
    if (has('complaint')) r.complaints++;
    if (has('open')) {
      if (bounced) r.bouncePixelOpens++;
      else r.uniqueOpens++;
    }
    const clicks: NaiveClick[] = [];
    for (const e of mine) {
      if (e.type === 'click')
        clicks.push({
          at: e.at,
          linkId: e.linkId,
          url: e.url,
          finalUrl: e.finalUrl,
          userAgent: e.userAgent,
          press: false,
        });
      if (e.type === 'unsubscribe' && e.method === 'list-unsubscribe') {
        const link = unsubscribeLinks[e.campaignId];
        const linkId = e.linkId || link?.linkId || undefined;
        const url = link !== undefined && link.linkId === linkId ? link.url : '';
        clicks.push({ at: e.at, linkId, url, userAgent: e.userAgent, press: true });
      }
    }
    const machine: boolean[] = [];
    for (let i = 0; i < clicks.length; i++) {
      const click = clicks[i]!;
      let reference: number | undefined;
      for (const e of mine)
        if (e.type === 'sent' && reference === undefined && e.at <= click.at) reference = e.at;
      for (const e of mine) {
        if (e.type === 'delivered' && e.at <= click.at) {
          reference = e.at;
          break;
        }
      }
      let isMachine = !!click.userAgent && rules.scannerUserAgent.test(click.userAgent);
      if (reference !== undefined && click.at - reference < rules.nearDeliveryMs) isMachine = true;
      // burst chain: extend left and right while gaps stay within burstGapMs
      let start = i;
      while (start > 0 && clicks[start]!.at - clicks[start - 1]!.at <= rules.burstGapMs) start--;
      let end = i;
      while (end < clicks.length - 1 && clicks[end + 1]!.at - clicks[end]!.at <= rules.burstGapMs)
        end++;
      const keys: string[] = [];
      for (let j = start; j <= end; j++) {
        const key = naiveRowKey(clicks[j]!);
        if (!keys.includes(key)) keys.push(key);
      }
      if (keys.length >= rules.burstDistinctLinks) isMachine = true;
      machine.push(isMachine);
    }
    const counted: boolean[] = [];
    let clickedInPeriod = false;
    for (let i = 0; i < clicks.length; i++) {
      const click = clicks[i]!;
      const key = naiveRowKey(click);
      r.rows[key] ??= { unique: 0, total: 0, machine: 0 };
      const row = r.rows[key]!;
      const inside = within(click.at, period);
      if (machine[i] && inside) {
        row.machine++;
        r.machineClicks++;
      }
      const included = !machine[i] || includeMachine;
      let lastCounted: number | undefined;
      for (let j = 0; j < i; j++)
        if (counted[j] && naiveRowKey(clicks[j]!) === key) lastCounted = clicks[j]!.at;
      const isCounted =
        included && (lastCounted === undefined || click.at - lastCounted >= windowMs);
      counted.push(isCounted);
      if (included && inside) {
        row.total++;
        r.totalClicks++;
        clickedInPeriod = true;
        if (isCounted) row.unique++;
      }
    }
    if (clickedInPeriod) {
      r.uniqueClicks++;
      if (!bounced && !mine.some((e) => e.type === 'open')) r.clickImpliedOpens++;
    }
  }
  const unsubscribedRecipients: string[] = [];
  for (const e of events) {
    if (
      e.type !== 'unsubscribe' ||
      !within(e.at, period) ||
      unsubscribedRecipients.includes(e.recipient)
    )
      continue;
    unsubscribedRecipients.push(e.recipient);
    if (e.method === 'link') r.unsubscribed.link++;
    else if (e.method === 'list-unsubscribe') r.unsubscribed.listUnsubscribe++;
    else r.unsubscribed.other++;
  }
  return r;
}
