/**
 * Synthetic event streams for bench/server.ts and the server's load test:
 * `campaigns` campaigns of one template, messages of ~`eventsPerMessage`
 * events (sent, delivered, opens, clicks on 12 links, some scanner clicks),
 * generated lazily in message-grouped chunks so 10 M events never sit in memory.
 */
import type { EmailEvent } from '../utils/report/model.ts';
import { prng } from './demo-events.ts';
import type { Storage } from './storage/types.ts';

export const BENCH_T0 = Date.UTC(2026, 0, 5);
export const LINKS = Array.from(
  { length: 12 },
  (_, i) => `https://shop.example.com/p/${i}?utm_source=news`,
);

export function* syntheticEvents(
  total: number,
  campaigns: number,
  seed = 7,
): Generator<EmailEvent[]> {
  const rand = prng(seed);
  let produced = 0;
  let message = 0;
  let chunk: EmailEvent[] = [];
  while (produced < total) {
    const c = message % campaigns;
    const campaignId = `c${c}`;
    const recipient = `r${Math.floor(message / campaigns)}@example.org`;
    const sentAt = BENCH_T0 + c * 86_400_000 + Math.floor(rand() * 3_600_000);
    let n = 0;
    const base = (at: number) => ({
      id: `${campaignId}:${recipient}:${n++}`,
      campaignId,
      recipient,
      at: Math.round(at),
    });
    chunk.push({ ...base(sentAt), type: 'sent' }, { ...base(sentAt + 5_000), type: 'delivered' });
    let t = sentAt + 60_000 + rand() * 86_400_000;
    if (rand() < 0.5) chunk.push({ ...base(t), type: 'open', userAgent: 'Mozilla/5.0' });
    const clicks = rand() < 0.4 ? 1 + Math.floor(rand() * 4) : 0;
    for (let i = 0; i < clicks; i++) {
      t += 30_000 + rand() * 2 * 86_400_000;
      const link = Math.floor(rand() * rand() * LINKS.length);
      chunk.push({
        ...base(t),
        type: 'click',
        linkId: `L${link}`,
        url: LINKS[link] ?? '',
        userAgent: 'Mozilla/5.0',
      });
    }
    produced += n;
    message++;
    if (chunk.length >= 2000) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

/** Registers template "t", its version "v" (the LINKS) and campaigns c0… sent a day apart. */
export function registerSyntheticCatalog(
  storage: Pick<Storage, 'putTemplate' | 'putVersion' | 'putCampaign'>,
  campaigns: number,
): void {
  storage.putTemplate({ id: 't', name: 'Bench' });
  storage.putVersion({
    id: 'v',
    templateId: 't',
    contentHash: 'h',
    createdAt: BENCH_T0,
    placements: LINKS.map((url, i) => ({ linkId: `L${i}`, ordinal: i, url, text: `link ${i}` })),
  });
  for (let c = 0; c < campaigns; c++)
    storage.putCampaign({
      id: `c${c}`,
      templateId: 't',
      versionId: 'v',
      name: `c${c}`,
      sentAt: BENCH_T0 + c * 86_400_000,
    });
}
