/**
 * Which Ghost post a preview shows. A received copy's tracked links are
 * <site>/r/<8 hex>?m=<member uuid>: the hash names one link of one post.
 * With a staff token /links is filtered by the redirect; an integration key
 * (403 there) finds the post among the recent click events on that link.
 * Ghost's own email preview has no redirects, but its links back to the site
 * carry member attribution (`attribution_type=post&attribution_id=<post id>`).
 * Otherwise (a copy nobody clicked yet, with an integration key) the subject
 * is matched among the sent newsletters.
 */
import type { PreviewInfo } from '../../messaging/protocol.ts';
import { t } from '../../i18n/i18n.ts';
import { unwrapLink } from '../../links/unwrap.ts';
import type { Cached, FoundCampaign } from '../descriptor.ts';
import { SourceError } from '../http.ts';
import { subjectPattern } from '../brevo/client.ts';
import { LinksSchema, EventsSchema } from './schemas.ts';
import { EVENTS_PAGE, nqlString, type GhostClient } from './client.ts';

/** The redirect hashes of the preview's links that point at this Ghost site. */
export function redirectHashes(hrefs: readonly string[], siteUrl: string): string[] {
  const host = new URL(siteUrl).host.toLowerCase();
  const hashes: string[] = [];
  for (const href of hrefs) {
    const { opaque, url } = unwrapLink(href);
    if (opaque?.provider !== 'ghost' || !opaque.ids.redirect) continue;
    try {
      if (new URL(url).host.toLowerCase() === host) hashes.push(opaque.ids.redirect);
    } catch {
      // not a URL: skip
    }
  }
  return [...new Set(hashes)];
}

/** Post ids named by attribution parameters of links to this site (Ghost adds them to its own links). */
export function attributedPosts(hrefs: readonly string[], siteUrl: string): string[] {
  const host = new URL(siteUrl).host.toLowerCase();
  const ids: string[] = [];
  for (const href of hrefs) {
    try {
      const url = new URL(href);
      const id = url.searchParams.get('attribution_id') ?? '';
      if (url.host.toLowerCase() !== host) continue;
      if (url.searchParams.get('attribution_type') === 'post' && /^[0-9a-f]{24}$/.test(id))
        ids.push(id);
    } catch {
      // not a URL: skip
    }
  }
  return [...new Set(ids)];
}

async function postOfRedirect(client: GhostClient, hash: string): Promise<string | null> {
  try {
    // Ghost stores (and filters) the redirect by its path.
    const body = await client.get('/links/', LinksSchema, {
      filter: `from:${nqlString(`/r/${hash}`)}`,
    });
    return body.links[0]?.post_id ?? null;
  } catch (error) {
    if (!(error instanceof SourceError && error.status === 403)) throw error;
  }
  const body = await client.get('/members/events/', EventsSchema, {
    filter: 'type:click_event',
    limit: EVENTS_PAGE,
  });
  const event = body.events.find((e) => e.data.link.from.endsWith(`/r/${hash}`));
  return event?.data.post?.id ?? null;
}

export async function findGhostPost(
  client: GhostClient,
  siteUrl: string,
  preview: PreviewInfo,
  cached: Cached,
): Promise<FoundCampaign | { reason: string }> {
  const hrefs = preview.links.filter((l) => !l.unsafe).map((l) => l.href);
  const hashes = redirectHashes(hrefs, siteUrl);
  for (const hash of hashes.slice(0, 3)) {
    const postId = await cached(['ghost-redirect', hash], () => postOfRedirect(client, hash));
    if (postId) {
      return {
        campaignId: postId,
        confidence: 1,
        reasons: [t('ghostFoundByRedirect', hash, postId)],
      };
    }
  }
  const [attributed, ...others] = attributedPosts(hrefs, siteUrl);
  if (attributed && others.length === 0) {
    return {
      campaignId: attributed,
      confidence: 1,
      reasons: [t('ghostFoundByAttribution', siteUrl, attributed)],
    };
  }
  if (preview.subject) {
    const sent = await cached(['ghost-sent'], () => client.sentPosts());
    const wanted = preview.subject.replace(/\s+/g, ' ').trim();
    const alike = sent.filter((post) =>
      subjectPattern(post.email?.subject ?? post.title).test(wanted),
    );
    const [newest] = alike;
    if (newest) {
      const reasons = [t('ghostFoundBySubject', newest.title)];
      if (alike.length > 1) reasons.push(t('ghostSameSubject', String(alike.length - 1)));
      return { campaignId: newest.id, confidence: 1 / alike.length, reasons };
    }
  }
  return {
    reason:
      hashes.length > 0 ? t('ghostUnknownRedirects', siteUrl) : t('ghostNoTrackedLinks', siteUrl),
  };
}
