/**
 * Test fixtures for the report engine: a small template with two versions,
 * campaigns, and terse event builders (times in ms from T0).
 */
import type { Campaign, EmailEvent, TemplateVersion } from './model.ts';

export const T0 = Date.UTC(2025, 0, 6, 9, 0, 0);
export const HOUR = 3_600_000;
export const DAY = 86_400_000;
export const BROWSER =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 Chrome/126.0 Safari/537.36';

export const versions: TemplateVersion[] = [
  {
    id: 'v1',
    templateId: 'tpl',
    contentHash: 'h1',
    createdAt: T0,
    placements: [
      {
        linkId: 'L0',
        ordinal: 0,
        url: 'https://shop.example/sale?utm_source=mail',
        text: 'Shop the sale',
      },
      {
        linkId: 'L1',
        ordinal: 1,
        url: 'https://shop.example/u/{{customer_id}}',
        text: 'Your account',
      },
      {
        linkId: 'L2',
        ordinal: 2,
        url: 'https://esp.example/unsubscribe',
        text: 'Unsubscribe',
        kind: 'unsubscribe',
      },
    ],
  },
  {
    id: 'v2',
    templateId: 'tpl',
    contentHash: 'h2',
    createdAt: T0 + 10 * DAY,
    placements: [
      { linkId: 'L0', ordinal: 0, url: 'https://shop.example/new', text: 'New collection' },
    ],
  },
];

export const campaigns: Campaign[] = [
  { id: 'c1', templateId: 'tpl', versionId: 'v1', name: 'January', sentAt: T0 },
  { id: 'c2', templateId: 'tpl', versionId: 'v1', name: 'January resend', sentAt: T0 + 2 * DAY },
  { id: 'c3', templateId: 'tpl', versionId: 'v2', name: 'February', sentAt: T0 + 10 * DAY },
  { id: 'other', templateId: 'other-tpl', versionId: 'vx', name: 'Other', sentAt: T0 },
];

let counter = 0;
const nextId = (): string => `e${++counter}`;
type Who = { c?: string; r?: string };
const base = (who: Who, at: number) => ({
  id: nextId(),
  campaignId: who.c ?? 'c1',
  recipient: who.r ?? 'ada',
  at: T0 + at,
});

export const sent = (at: number, who: Who = {}): EmailEvent => ({ ...base(who, at), type: 'sent' });
export const delivered = (at: number, who: Who = {}): EmailEvent => ({
  ...base(who, at),
  type: 'delivered',
});
export const bounce = (at: number, kind: 'hard' | 'soft', who: Who = {}): EmailEvent => ({
  ...base(who, at),
  type: 'bounce',
  kind,
});
export const open = (at: number, who: Who = {}): EmailEvent => ({
  ...base(who, at),
  type: 'open',
  userAgent: BROWSER,
});
export const complaint = (at: number, who: Who = {}): EmailEvent => ({
  ...base(who, at),
  type: 'complaint',
});
export const unsubscribe = (
  at: number,
  method: 'link' | 'list-unsubscribe' | 'other',
  who: Who = {},
  linkId?: string,
): EmailEvent => ({ ...base(who, at), type: 'unsubscribe', method, ...(linkId ? { linkId } : {}) });

export interface ClickSpec extends Who {
  linkId?: string;
  url?: string;
  finalUrl?: string;
  ua?: string;
}
export const click = (at: number, spec: ClickSpec = {}): EmailEvent => ({
  ...base(spec, at),
  type: 'click',
  url: spec.url ?? 'https://shop.example/sale?utm_source=mail',
  userAgent: spec.ua ?? BROWSER,
  ...(spec.linkId ? { linkId: spec.linkId } : {}),
  ...(spec.finalUrl ? { finalUrl: spec.finalUrl } : {}),
});

/** A message delivered at T0 (sent 1 s before) to `r` in campaign `c`. */
export const deliveredMessage = (who: Who = {}): EmailEvent[] => [
  sent(-1000, who),
  delivered(0, who),
];
