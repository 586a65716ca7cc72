/**
 * A message no registered campaign has: its only link is nowhere in the
 * campaigns' HTML, so the lens must show "no data" and no badges for it.
 */
import type { Campaign } from '../roundcube/campaigns.ts';

const HREF = 'https://facilities.example.net/notices/garage';

export const UNKNOWN_MESSAGE: Campaign & { href: string } = {
  key: 'unknown',
  template: '-',
  subject: 'Quarterly facilities notice',
  from: 'Facilities <facilities@example.net>',
  listUnsubscribe: '',
  href: HREF,
  html: `<!DOCTYPE html><html><body><table width="600"><tr><td><p>The garage is closed on Friday.</p><p><a href="${HREF}">Details</a></p></td></tr></table></body></html>`,
};
