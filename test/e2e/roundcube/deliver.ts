/**
 * Delivers an HTML campaign email into the rig's mailbox (IMAP APPEND to
 * Dovecot, see imap.ts for why not a Maildir file). Library + CLI:
 *
 *   node test/e2e/roundcube/deliver.ts goldstar-welcome [--subject S] [--empty]
 *   node test/e2e/roundcube/deliver.ts --html file.html --subject S --from 'N <a@b>'
 *
 * Prints `UID=<n>` and `SUBJECT=<s>`.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CAMPAIGNS } from './campaigns.ts';
import { appendMessage, emptyMailbox, type ImapAccount } from './imap.ts';
import { buildCampaignMime } from './mime.ts';
import { rigConfig } from './rig.ts';

export interface DeliverOptions {
  html: string;
  subject: string;
  from: string;
  listUnsubscribe?: string;
  /** Defaults to the rig's user. */
  to?: string;
  date?: Date;
  account?: ImapAccount;
}

export interface Delivered {
  uid: number;
  messageId: string;
  raw: string;
}

export function rigAccount(): ImapAccount {
  const c = rigConfig();
  return { host: c.imapHost, port: c.imapPort, user: c.user, pass: c.pass };
}

export async function deliverHtmlEmail(options: DeliverOptions): Promise<Delivered> {
  const account = options.account ?? rigAccount();
  const fromDomain = /@([^>\s]+)/.exec(options.from)?.[1] ?? 'clickmap.test';
  const messageId = `<${randomUUID()}@${fromDomain}>`;
  const raw = buildCampaignMime({
    html: options.html,
    subject: options.subject,
    from: options.from,
    to: options.to ?? account.user,
    listUnsubscribe: options.listUnsubscribe,
    date: options.date ?? new Date(),
    messageId,
  });
  const { uid } = await appendMessage(account, raw);
  return { uid, messageId, raw };
}

export async function emptyRigInbox(): Promise<number> {
  return emptyMailbox(rigAccount());
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      html: { type: 'string' },
      subject: { type: 'string' },
      from: { type: 'string' },
      'list-unsubscribe': { type: 'string' },
      empty: { type: 'boolean', default: false },
    },
  });
  if (values.empty) console.log(`EMPTIED=${await emptyRigInbox()}`);
  const name = positionals[0];
  let options: DeliverOptions;
  if (name) {
    const make = CAMPAIGNS[name];
    if (!make)
      throw new Error(`unknown campaign ${name}; known: ${Object.keys(CAMPAIGNS).join(', ')}`);
    const c = make();
    options = { ...c, subject: values.subject ?? c.subject };
  } else if (values.html && values.subject && values.from) {
    options = {
      html: readFileSync(values.html, 'utf8'),
      subject: values.subject,
      from: values.from,
      listUnsubscribe: values['list-unsubscribe'],
    };
  } else {
    if (values.empty) return;
    throw new Error(
      `usage: deliver.ts <${Object.keys(CAMPAIGNS).join('|')}> | --html F --subject S --from F`,
    );
  }
  const delivered = await deliverHtmlEmail(options);
  console.log(
    `UID=${delivered.uid}\nSUBJECT=${options.subject}\nMESSAGE_ID=${delivered.messageId}`,
  );
}

if (import.meta.main) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
