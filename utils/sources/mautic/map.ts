/**
 * Mautic email + URL trackables → SourceReport (pure). The email entity
 * gives sent and read (unique per contact) counts; channel_url_trackables
 * give hits and unique hits per URL. Bounces, unsubscribes and "contacts who
 * clicked at all" are not on these endpoints: null, and the notes say so.
 */
import type { Millis } from '../../report/model.ts';
import type { Capability } from '../../report/report-types.ts';
import type { MauticEmail, MauticRedirect, MauticTrackable } from './schemas.ts';
import { emptyTotals, linkRowsFromCounts, sumKnown, withRates } from '../source-report.ts';
import type { RawLinkCount, SourceNote, SourceReport } from '../source-report.ts';
import { t } from '../../i18n/i18n.ts';

export const MAUTIC_CAPABILITIES: readonly Capability[] = ['opens', 'all-links'];

export const MAUTIC_NOTES = {
  perUrl: {
    id: 'mautic-per-url',
    get text() {
      return t('mauticNotePerUrl');
    },
  },
  noBounces: {
    id: 'mautic-no-bounces',
    get text() {
      return t('mauticNoteNoBounces');
    },
  },
  periodIgnored: {
    id: 'mautic-period-ignored',
    get text() {
      return t('mauticNotePeriod');
    },
  },
} satisfies Record<string, SourceNote>;

/** Trackables joined to their redirect URL; a trackable whose redirect is missing is kept by id. */
export function linkCounts(
  trackables: readonly MauticTrackable[],
  redirects: readonly MauticRedirect[],
): RawLinkCount[] {
  const urlById = new Map(redirects.map((r) => [r.id, r.url]));
  return trackables.map((t) => ({
    url: urlById.get(t.redirect_id) ?? `mautic-redirect:${t.redirect_id}`,
    uniqueClicks: t.unique_hits,
    totalClicks: t.hits,
    providerLinkId: String(t.redirect_id),
  }));
}

export interface MauticMapOptions {
  templateId?: string;
  periodRequested: boolean;
  generatedAt: Millis;
}

export function mapMauticReport(
  email: MauticEmail,
  counts: readonly RawLinkCount[],
  options: MauticMapOptions,
): SourceReport {
  const totals = withRates({
    ...emptyTotals(),
    sent: email.sentCount,
    uniqueOpens: email.readCount,
    totalClicks: sumKnown(counts.map((c) => c.totalClicks)),
  });
  const notes: SourceNote[] = [MAUTIC_NOTES.perUrl, MAUTIC_NOTES.noBounces];
  if (options.periodRequested) notes.push(MAUTIC_NOTES.periodIgnored);
  return {
    source: 'mautic',
    templateId: options.templateId ?? String(email.id),
    versionId: null,
    period: {},
    campaignIds: [String(email.id)],
    machineClicksIncluded: true,
    totals,
    links: linkRowsFromCounts(counts, totals, 'unique'),
    versions: [],
    capabilities: [...MAUTIC_CAPABILITIES],
    generatedAt: options.generatedAt,
    shareBasis: 'unique',
    notes,
  };
}
