/**
 * The newsletter the Ghost rig sends: the corpus's Postmark "receipt" template
 * (MIT, ../shared/corpus/SOURCES.md) with its tags filled as an app would.
 * Two URLs appear twice (action_url, billing_url): Ghost tracks each
 * placement as its own /r/<hash> link, which is what per-placement counts need.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { TEMPLATES_DIR } from '../roundcube/campaigns.ts';

export const GHOST_TEMPLATE = 'postmark-basic-full-receipt.html';

const VALUES: Record<string, string> = {
  name: 'Dana',
  purchase_date: 'November 23, 2026',
  action_url: 'https://app.northwind-cloud.com/account/receipts/4821?utm_source=receipt',
  billing_url: 'https://app.northwind-cloud.com/account/billing',
  support_url: 'https://help.northwind-cloud.com/billing',
  credit_card_brand: 'Visa',
  credit_card_last_four: '4242',
  receipt_id: 'R-4821',
  date: 'November 23, 2026',
  description: 'Northwind Cloud Pro, monthly',
  amount: '$29.00',
  total: '$29.00',
  expiration_date: 'December 23, 2026',
};

/** The template's <body> content with every tag filled (the section loop kept once). */
export function ghostNewsletterHtml(): string {
  const full = readFileSync(resolve(TEMPLATES_DIR, GHOST_TEMPLATE), 'utf8');
  const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(full)?.[1] ?? full;
  const filled = body
    .replace(/\{\{[#/][^}]*\}\}/g, '')
    .replace(/\{\{\s*([a-z_]+)\s*\}\}/g, (tag, name: string) => VALUES[name] ?? tag);
  if (/\{\{/.test(filled)) throw new Error(`${GHOST_TEMPLATE}: unfilled tags left`);
  return filled;
}
