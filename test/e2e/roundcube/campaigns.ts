/**
 * Real campaign emails for the rig: templates from shared/corpus/templates with
 * their merge tags / `#` placeholders filled with real-looking URLs, the way an
 * ESP renders them before sending (Postmark-style app links; Mailchimp
 * list-manage click-tracking redirects, format from corpus tracking-links.json).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export interface Campaign {
  /** Short key used in file names. */
  key: string;
  template: string;
  subject: string;
  from: string;
  listUnsubscribe: string;
  html: string;
}

export const TEMPLATES_DIR = resolve(import.meta.dirname, '../../../../shared/corpus/templates');

function readTemplate(name: string): string {
  return readFileSync(resolve(TEMPLATES_DIR, name), 'utf8');
}

/** Postmark "welcome": {{mustache}} tags replaced by an app's onboarding URLs. */
export function postmarkWelcome(): Campaign {
  const values: Record<string, string> = {
    name: 'Dana',
    action_url:
      'https://app.northwind-cloud.com/onboarding/start?utm_source=welcome&utm_medium=email',
    login_url: 'https://app.northwind-cloud.com/login',
    username: 'dana.rivera',
    trial_length: '14',
    trial_start_date: 'November 23, 2026',
    trial_end_date: 'December 7, 2026',
    support_email: 'support@northwind-cloud.com',
    live_chat_url: 'https://northwind-cloud.com/support/chat?utm_source=welcome&utm_medium=email',
    help_url:
      'https://help.northwind-cloud.com/getting-started?utm_source=welcome&utm_medium=email',
  };
  const html = readTemplate('postmark-basic-full-welcome.html').replace(
    /\{\{\s*([a-z_]+)\s*\}\}/g,
    (tag, name: string) => values[name] ?? tag,
  );
  return {
    key: 'postmark-welcome',
    template: 'postmark-basic-full-welcome.html',
    subject: 'Welcome to Northwind Cloud, Dana!',
    from: 'Northwind Cloud <hello@northwind-cloud.com>',
    listUnsubscribe:
      '<https://app.northwind-cloud.com/email/unsubscribe?token=8f3a2c91d4>, <mailto:unsubscribe@northwind-cloud.com?subject=unsubscribe>',
    html,
  };
}

const GOLDSTAR_LINKS = [
  'view-online',
  'forward',
  'logo',
  'nav-home',
  'nav-new-products',
  'nav-catalogue',
  'nav-contact',
  'phone-banner',
  'cta-activate',
  'hero-image',
  'gift',
  'facebook',
  'twitter',
  'instagram',
  'pinterest',
];

/** Mailchimp click-tracking URL for one link (one `id` per link, as Mailchimp does). */
export function listManageClick(linkIndex: number): string {
  const id = (0x3c1f0a7e + linkIndex * 0x1d3).toString(16).padStart(10, '0');
  return `https://goldstar.us9.list-manage.com/track/click?u=e9492ff27d760c578a39d0675&id=${id}&e=0e436c5282`;
}

/** Sendwithus "Goldstar welcome": every `href="#"` becomes a tracked link. */
export function goldstarWelcome(): Campaign {
  let i = 0;
  const html = readTemplate('sendwithus-goldstar-welcome.html')
    .replace(/href="#"/g, () => `href="${listManageClick(i++)}"`)
    .replace(/http:\/\/www\.YourSiteName\.com/g, 'https://www.goldstar-outfitters.com/')
    .replace(/email@yoursitename\.com/g, 'hello@goldstar-outfitters.com');
  if (i !== GOLDSTAR_LINKS.length) {
    throw new Error(
      `goldstar template changed: ${i} placeholder links, expected ${GOLDSTAR_LINKS.length}`,
    );
  }
  return {
    key: 'goldstar-welcome',
    template: 'sendwithus-goldstar-welcome.html',
    subject: 'Your Goldstar membership is ready - activate now',
    from: 'Goldstar Outfitters <news@goldstar-outfitters.com>',
    listUnsubscribe:
      '<https://goldstar.us9.list-manage.com/unsubscribe?u=e9492ff27d760c578a39d0675&id=6ba2b83261&e=0e436c5282&c=372ed99dad>, <mailto:unsubscribe-mc.us9_e9492ff27d760c578a39d0675.372ed99dad-0e436c5282@unsubscribe.mailchimpapp.net?subject=unsubscribe>',
    html,
  };
}

export const CAMPAIGNS: Record<string, () => Campaign> = {
  'postmark-welcome': postmarkWelcome,
  'goldstar-welcome': goldstarWelcome,
};

/** The `<a href>` values of an HTML document, in document order. */
export function hrefsOf(html: string): string[] {
  return [...html.matchAll(/<a\b[^>]*?\shref\s*=\s*"([^"]*)"/gi)].map((m) =>
    (m[1] ?? '').replace(/&amp;/g, '&'),
  );
}
