/**
 * The newsletter loop on a running Ghost rig: members, the corpus newsletter
 * published and emailed through the fake Mailgun, each member's received copy,
 * and clicks on the copies' tracked links as those members (a GET of
 * /r/<hash>?m=<member uuid>, which is what Ghost records as a click).
 */
import { ghostNewsletterHtml } from './campaign.ts';
import type { ReceivedCopy } from './fake-mailgun.ts';
import type { GhostRig } from './rig.ts';
import type { GhostPost } from './setup.ts';
import { hrefsOf } from '../roundcube/campaigns.ts';

export const MEMBERS = ['ada@clickmap.test', 'ben@clickmap.test', 'cy@clickmap.test'];

/**
 * Which tracked links (index among a copy's /r/ links, in email order) each
 * member clicks; repeats are real extra clicks (Ghost counts members, not clicks).
 */
export const CLICK_PLAN: Record<string, number[]> = {
  'ada@clickmap.test': [0, 1, 2, 3, 0],
  'ben@clickmap.test': [0, 3, 3],
  'cy@clickmap.test': [0],
};

export interface SentNewsletter {
  post: GhostPost;
  subject: string;
  copies: Map<string, ReceivedCopy>;
}

/** The tracked links of a copy, in email order (every /r/<hash> href of the site). */
export function trackedLinks(copy: ReceivedCopy, site: string): string[] {
  return hrefsOf(copy.html).filter((href) => href.startsWith(`${site}/r/`));
}

export async function sendNewsletter(rig: GhostRig, title: string): Promise<SentNewsletter> {
  await rig.admin.addMembers(MEMBERS);
  const post = await rig.admin.publishAndSend(title, ghostNewsletterHtml());
  const emailId = post.email?.id ?? '';
  const copies = new Map(
    rig.mailgun.copies.filter((c) => c.emailId === emailId).map((c) => [c.to, c] as const),
  );
  for (const member of MEMBERS)
    if (!copies.has(member)) throw new Error(`fake Mailgun got no copy for ${member}`);
  return { post, subject: copies.get(MEMBERS[0]!)?.subject ?? title, copies };
}

/** Clicks per CLICK_PLAN; returns the number of clicks made. */
export async function clickAsMembers(rig: GhostRig, sent: SentNewsletter): Promise<number> {
  let clicks = 0;
  for (const [member, plan] of Object.entries(CLICK_PLAN)) {
    const copy = sent.copies.get(member);
    if (!copy) throw new Error(`no copy for ${member}`);
    const links = trackedLinks(copy, rig.url);
    for (const index of plan) {
      const href = links[index];
      if (!href) throw new Error(`${member}'s copy has no tracked link #${index}`);
      const res = await fetch(href, { redirect: 'manual' });
      if (res.status < 300 || res.status > 399)
        throw new Error(`${href}: expected a redirect, got ${res.status}`);
      clicks++;
    }
  }
  return clicks;
}
