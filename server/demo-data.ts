/**
 * The demo dataset (`--seed demo`): real templates from the corpus, each
 * with two versions (the second changes the main call to action and the
 * subject), several campaigns per template, and a 4-step sales sequence.
 * Deterministic: a seeded PRNG, fixed dates (September–October 2026).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Campaign, EmailEvent, TemplateVersion } from '../utils/report/model.ts';
import { messageEvents, prng } from './demo-events.ts';
import { contentHash, placementsFromHtml } from './placements.ts';
import type { Storage, StoredCampaign } from './storage/types.ts';

const DAY = 86_400_000;
const START = Date.UTC(2026, 8, 1, 9, 0);
const SENDER = 'Lens Demo <news@demo.clickmap-lens.dev>';

export const DEMO_TEMPLATES = [
  {
    id: 'welcome',
    file: 'postmark-basic-full-welcome.html',
    name: 'Welcome (Postmark)',
    subject: 'Welcome to {{product_name}}, {{name}}!',
  },
  {
    id: 'product-update',
    file: 'postmark-basic-full-example.html',
    name: 'Product update (Postmark)',
    subject: 'What is new this month',
  },
  {
    id: 'newsletter',
    file: 'leemunroe-email-inlined.html',
    name: 'Newsletter (Lee Munroe)',
    subject: 'The HTML email digest',
  },
  {
    id: 'digest',
    file: 'sendgrid-merriweather-digest.html',
    name: 'Weekly digest (SendGrid)',
    subject: 'Your weekly digest',
  },
] as const;

export const SEQUENCE_TEMPLATE = {
  id: 'sales-outreach',
  file: 'postmark-plain-trial-expiring.html',
  name: 'Sales outreach (Postmark)',
};

/** The corpus lives next to the checkout (../shared); CLICKMAP_CORPUS overrides. */
export function corpusDir(): string {
  return (
    process.env.CLICKMAP_CORPUS ??
    fileURLToPath(new URL('../../shared/corpus/templates/', import.meta.url))
  );
}

function readTemplate(file: string): string {
  return readFileSync(`${corpusDir()}/${file}`, 'utf8');
}

/** Version 2: the first web link points to a new landing page (what a redesign changes). */
function secondVersionHtml(html: string, templateId: string): string {
  return html.replace(
    /href="(https?:\/\/[^"]*)"/,
    `href="https://shop.example.com/${templateId}/autumn-offer"`,
  );
}

function version(
  templateId: string,
  html: string,
  createdAt: number,
  subject: string,
  n: number,
): TemplateVersion {
  const hash = contentHash(html);
  return {
    id: `${templateId}-v${n}`,
    templateId,
    contentHash: hash,
    createdAt,
    subject,
    placements: placementsFromHtml(html),
  };
}

function recipientsFor(rand: () => number, count: number): string[] {
  const chosen = new Set<string>();
  while (chosen.size < count) chosen.add(`user${Math.floor(rand() * 4000)}@example.org`);
  return [...chosen].sort();
}

function campaignEvents(
  campaign: Campaign,
  v: TemplateVersion,
  recipients: string[],
  seed: number,
): EmailEvent[] {
  const rand = prng(seed);
  return recipients.flatMap((recipient) =>
    messageEvents({
      campaignId: campaign.id,
      recipient,
      sentAt: campaign.sentAt,
      placements: v.placements,
      rand,
    }),
  );
}

function ingestInBatches(storage: Storage, events: EmailEvent[]): void {
  for (let i = 0; i < events.length; i += 5000) storage.ingest(events.slice(i, i + 5000));
}

function loadTemplates(storage: Storage, rand: () => number): void {
  DEMO_TEMPLATES.forEach((t, ti) => {
    storage.putTemplate({ id: t.id, name: t.name });
    const html = readTemplate(t.file);
    const v1 = version(t.id, html, START + ti * DAY, t.subject, 1);
    const v2 = version(
      t.id,
      secondVersionHtml(html, t.id),
      START + (21 + ti) * DAY,
      `${t.subject} (autumn)`,
      2,
    );
    storage.putVersion(v1);
    storage.putVersion(v2);
    const plans: [TemplateVersion, number][] = [
      [v1, 0],
      [v1, 7],
      [v1, 14],
      [v2, 21],
      [v2, 28],
    ];
    plans.forEach(([v, offset], ci) => {
      const campaign: StoredCampaign = {
        id: `${t.id}-c${ci + 1}`,
        templateId: t.id,
        versionId: v.id,
        name: `${t.name} #${ci + 1}`,
        sentAt: START + (offset + ti) * DAY,
        sender: SENDER,
      };
      storage.putCampaign(campaign);
      const recipients = recipientsFor(rand, 250 + Math.floor(rand() * 250));
      ingestInBatches(storage, campaignEvents(campaign, v, recipients, 1000 * ti + ci));
    });
  });
}

function loadSequence(storage: Storage, rand: () => number): void {
  const t = SEQUENCE_TEMPLATE;
  storage.putTemplate({ id: t.id, name: t.name });
  const v1 = version(t.id, readTemplate(t.file), START, 'Quick question about {{company}}', 1);
  storage.putVersion(v1);
  let prospects = recipientsFor(rand, 120).map((r) =>
    r.replace('example.org', 'prospect.example.net'),
  );
  const steps = ['Intro', 'Follow-up', 'Case study', 'Break-up'];
  steps.forEach((name, i) => {
    const campaign: StoredCampaign = {
      id: `sales-step${i + 1}`,
      templateId: t.id,
      versionId: v1.id,
      name: `Sales sequence — ${name}`,
      sentAt: START + (2 + 3 * i) * DAY,
      sender: 'Alex from Lens <alex@demo.clickmap-lens.dev>',
      sequence: { sequenceId: 'sales-q4', step: i + 1 },
    };
    storage.putCampaign(campaign);
    ingestInBatches(storage, campaignEvents(campaign, v1, prospects, 9000 + i));
    prospects = prospects.filter(() => rand() > 0.15); // replies and opt-outs leave the sequence
  });
  storage.putSequence({
    id: 'sales-q4',
    name: 'Q4 outbound (4 steps)',
    steps: steps.map((name, i) => ({ step: i + 1, campaignId: `sales-step${i + 1}`, name })),
  });
}

export function loadDemoData(storage: Storage): void {
  const rand = prng(20260901);
  loadTemplates(storage, rand);
  loadSequence(storage, rand);
}
