/**
 * Event histories of one demo message, drawn from a seeded PRNG so the demo
 * dataset is the same on every run. Covers what real click maps contain:
 * deliveries and bounces (some bounced servers ping the pixel), pixel opens,
 * image-blocked recipients who click without an open, repeated clicks inside
 * and beyond 24 h, security scanners clicking every link right after
 * delivery, personalised links landing on per-recipient URLs, unsubscribes
 * by link and by the List-Unsubscribe button, and complaints.
 */
import type { EmailEvent, Placement } from '../utils/report/model.ts';

/** mulberry32: tiny, fast, deterministic. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const BROWSERS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
];
const SCANNER = 'Mozilla/5.0 (compatible; Barracuda Sentinel URL scanner)';
const LANDING_DOMAINS = ['app.example.com', 'account.example.com', 'help.example.com'];

export interface MessagePlan {
  campaignId: string;
  recipient: string;
  sentAt: number;
  placements: Placement[];
  rand: () => number;
}

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)] as T;
}

/** Top links get most clicks (position bias of real click maps). */
function pickLink(rand: () => number, links: Placement[]): Placement | undefined {
  const index = Math.min(links.length - 1, Math.floor(links.length * rand() * rand()));
  return links[index];
}

function finalUrlOf(link: Placement, recipient: string): string | undefined {
  if (!/\{\{|\[|<%/.test(link.url)) return undefined;
  const domain = LANDING_DOMAINS[link.url.length % LANDING_DOMAINS.length] ?? 'app.example.com';
  return `https://${domain}/r/${encodeURIComponent(recipient)}/${link.linkId}`;
}

export function messageEvents(plan: MessagePlan): EmailEvent[] {
  const { rand, campaignId, recipient, placements } = plan;
  let n = 0;
  const id = (): string => `demo:${campaignId}:${recipient}:${n++}`;
  const base = (at: number) => ({ id: id(), campaignId, recipient, at: Math.round(at) });
  const events: EmailEvent[] = [];
  const sentAt = plan.sentAt + rand() * 20 * MINUTE;
  events.push({ ...base(sentAt), type: 'sent' });
  const bounceRoll = rand();
  if (bounceRoll < 0.03) {
    events.push({
      ...base(sentAt + 30_000),
      type: 'bounce',
      kind: bounceRoll < 0.02 ? 'hard' : 'soft',
    });
    if (rand() < 0.25)
      events.push({
        ...base(sentAt + 45_000),
        type: 'open',
        userAgent: 'Mozilla/5.0 (bounce-processor)',
      });
    return events;
  }
  const deliveredAt = sentAt + 2_000 + rand() * 60_000;
  events.push({ ...base(deliveredAt), type: 'delivered' });
  const clickable = placements.filter(
    (p) => p.kind !== 'mailto' && p.kind !== 'tel' && p.kind !== 'unsubscribe',
  );
  const unsubscribeLink = placements.find((p) => p.kind === 'unsubscribe');
  const browser = pick(rand, BROWSERS);
  const click = (link: Placement, at: number, userAgent: string): void => {
    const finalUrl = finalUrlOf(link, recipient);
    events.push({
      ...base(at),
      type: 'click',
      linkId: link.linkId,
      url: link.url,
      userAgent,
      ...(finalUrl ? { finalUrl } : {}),
    });
  };
  if (rand() < 0.08)
    clickable.forEach((link, i) => click(link, deliveredAt + 1_500 + i * 300, SCANNER));
  const opens = rand() < 0.42;
  const imageBlocked = !opens && rand() < 0.1;
  let t = deliveredAt + rand() * 20 * HOUR;
  if (opens) {
    events.push({ ...base(t), type: 'open', userAgent: browser });
    if (rand() < 0.2)
      events.push({ ...base(t + rand() * 48 * HOUR), type: 'open', userAgent: browser });
  }
  if ((opens && rand() < 0.3) || imageBlocked) {
    const clicks = 1 + Math.floor(rand() * rand() * 3);
    for (let i = 0; i < clicks; i++) {
      const link = pickLink(rand, clickable);
      t += 20_000 + rand() * (rand() < 0.3 ? 40 * HOUR : 30 * MINUTE);
      if (link) click(link, t, browser);
    }
  }
  const unsubscribeRoll = rand();
  if (unsubscribeRoll < 0.012 && unsubscribeLink) {
    click(unsubscribeLink, t + MINUTE, browser);
    events.push({
      ...base(t + MINUTE + 5_000),
      type: 'unsubscribe',
      method: 'link',
      linkId: unsubscribeLink.linkId,
    });
  } else if (unsubscribeRoll < 0.02) {
    events.push({
      ...base(deliveredAt + rand() * 30 * HOUR),
      type: 'unsubscribe',
      method: 'list-unsubscribe',
    });
  } else if (unsubscribeRoll < 0.021) {
    events.push({ ...base(deliveredAt + rand() * 30 * HOUR), type: 'complaint' });
  }
  return events;
}
