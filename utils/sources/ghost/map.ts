/**
 * A Ghost newsletter → SourceReport (pure). Ghost tracks every link placement
 * of an email as its own redirect (<site>/r/<8 hex>), so rows are per
 * placement, keyed by the redirect's identity (linkIdentity: the same key a
 * received copy's `/r/<hash>?m=<member>` link gets), with the destination as
 * the row's URL (what Ghost's own email preview shows). Unique clicks are
 * Ghost's: distinct members per tracked link and per email, whole life of the
 * email (not the 24 h rule). Ghost gives no total clicks per link through
 * /links, unsubscribes per email (they are per newsletter), machine clicks or
 * list-unsubscribe: null, and the capabilities and notes say so.
 */
import { t } from '../../i18n/i18n.ts';
import { linkIdentity } from '../../links/identity.ts';
import type { Millis, Period } from '../../report/model.ts';
import type { Capability } from '../../report/report-types.ts';
import { emptyTotals, ratio, sumKnown, withRates } from '../source-report.ts';
import type { SourceLinkRow, SourceNote, SourceReport, SourceTotals } from '../source-report.ts';
import type { GhostClickEvent, GhostLink, GhostPost } from './schemas.ts';

export const GHOST_CAPABILITIES: readonly Capability[] = [
  'per-placement',
  'opens',
  'delivered',
  'bounces',
  'all-links',
];

/** The panel's notes, worded in the UI language when the report is made. */
export function ghostNotes() {
  return {
    uniqueness: { id: 'ghost-uniqueness', text: t('ghostNoteUniqueness') },
    unsubscribes: { id: 'ghost-unsubscribes', text: t('ghostNoteUnsubscribes') },
    analyticsLag: { id: 'ghost-analytics-lag', text: t('ghostNoteAnalyticsLag') },
    viaEvents: { id: 'ghost-via-events', text: t('ghostNoteViaEvents') },
    periodIgnored: { id: 'ghost-period-ignored', text: t('ghostNotePeriodIgnored') },
    notSent: { id: 'ghost-not-sent', text: t('ghostNoteNotSent') },
  } satisfies Record<string, SourceNote>;
}

/** One tracked link: Ghost's redirect, its destination, distinct members who clicked it. */
export interface GhostLinkCount {
  linkId: string;
  /** <site>/r/<hash> */
  from: string;
  to: string;
  members: number;
}

export function countsFromLinks(links: readonly GhostLink[]): GhostLinkCount[] {
  return [...links]
    .sort((a, b) => a.link.link_id.localeCompare(b.link.link_id))
    .map(({ link, count }) => ({
      linkId: link.link_id,
      from: link.from,
      to: link.to,
      members: count.clicks,
    }));
}

/** The redirect's path (/r/<hash>): /links gives the full URL, click events the path only. */
export function redirectPath(from: string): string {
  try {
    return new URL(from, 'http://ghost.invalid').pathname;
  } catch {
    return from;
  }
}

/**
 * Distinct members per tracked link, from click events (what /links'
 * count.clicks counts). Events name a link by its path only (the site URL
 * makes it the URL /links gives) and carry no link id: rows come in the order
 * of each link's first click, not the email's (received copies match by the
 * redirect itself, so only repeated URLs in Ghost's own preview can swap).
 */
export function countsFromClickEvents(
  events: readonly GhostClickEvent[],
  siteUrl: string,
): GhostLinkCount[] {
  const site = siteUrl.replace(/\/+$/, '');
  const byPath = new Map<string, { to: string; members: Set<string>; first: string }>();
  for (const { data } of events) {
    const path = redirectPath(data.link.from);
    const entry = byPath.get(path) ?? {
      to: data.link.to,
      members: new Set<string>(),
      first: data.id,
    };
    entry.members.add(data.member.id);
    if (data.id < entry.first) entry.first = data.id;
    byPath.set(path, entry);
  }
  return [...byPath.entries()]
    .sort(([, a], [, b]) => a.first.localeCompare(b.first))
    .map(([path, { to, members }]) => ({
      linkId: path,
      from: `${site}${path}`,
      to,
      members: members.size,
    }));
}

export function ghostTotals(post: GhostPost): SourceTotals {
  const email = post.email;
  if (!email) return withRates(emptyTotals());
  return withRates({
    ...emptyTotals(),
    sent: email.email_count,
    delivered: email.delivered_count,
    bounces: { hard: null, soft: null, total: email.failed_count },
    uniqueOpens: email.track_opens === false ? null : email.opened_count,
    uniqueClicks: post.count?.clicks ?? null,
  });
}

/** The received copy's form of a tracked link: Ghost records a click only with ?m=<member>. */
const asReceived = (from: string) => `${from}${from.includes('?') ? '&' : '?'}m=0`;

function linkRows(counts: readonly GhostLinkCount[], totals: SourceTotals): SourceLinkRow[] {
  const sum = sumKnown(counts.map((c) => c.members));
  return counts.map((count) => {
    const identity = linkIdentity(asReceived(count.from));
    return {
      rowKey: identity.key,
      linkId: null,
      ordinal: null,
      url: count.to,
      key: identity.key,
      name: '',
      dynamic: false,
      finalDomain: null,
      isUnsubscribe: false,
      uniqueClicks: count.members,
      totalClicks: null,
      machineClicks: null,
      shareOfClicks: ratio(count.members, sum),
      ctr: ratio(count.members, totals.delivered ?? totals.sent),
      ctor: ratio(count.members, totals.uniqueOpens),
    };
  });
}

export interface GhostMapOptions {
  via: 'links' | 'click-events';
  period?: Period;
  generatedAt: Millis;
}

export function mapGhostNewsletter(
  post: GhostPost,
  counts: readonly GhostLinkCount[],
  options: GhostMapOptions,
): SourceReport {
  const totals = ghostTotals(post);
  const all = ghostNotes();
  const notes: SourceNote[] = post.email
    ? [all.uniqueness, all.unsubscribes, all.analyticsLag]
    : [all.notSent];
  if (options.via === 'click-events') notes.push(all.viaEvents);
  if (options.period && (options.period.from !== undefined || options.period.to !== undefined))
    notes.push(all.periodIgnored);
  const capabilities = GHOST_CAPABILITIES.filter(
    (c) => !(c === 'all-links' && options.via === 'click-events'),
  );
  return {
    source: 'ghost',
    templateId: post.id,
    versionId: null,
    period: {},
    campaignIds: [post.id],
    machineClicksIncluded: true,
    totals,
    links: linkRows(counts, totals),
    versions: [],
    capabilities,
    generatedAt: options.generatedAt,
    shareBasis: 'unique',
    notes,
  };
}
