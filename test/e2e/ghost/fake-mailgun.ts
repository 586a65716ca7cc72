/**
 * A small stand-in for Mailgun's API, enough for Ghost's bulk email sending
 * and analytics (Ghost's MailgunClient, through mailgun.js):
 * - POST /v3/<domain>/messages: a multipart batch with `to` repeated and
 *   `%recipient.X%` placeholders; each recipient's copy is filled from
 *   `recipient-variables` and written as <outDir>/<email id>/<recipient>.json
 *   ({ from, to, subject, html, text, headers }): the copy that recipient received.
 * - GET /v3/<domain>/events: `delivered` per recipient at send time and
 *   `opened` per recipient the test marked with POST /_fake/opened, filtered
 *   by `event` (a "a OR b" list) and begin/end; one page, the next one empty.
 * Timestamps are back-dated by `eventAgeMs` (Ghost reads only events at least
 * a minute old).
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ReceivedCopy {
  emailId: string;
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
  messageId: string;
}

interface FakeEvent {
  id: string;
  event: 'delivered' | 'opened';
  recipient: string;
  timestamp: number;
  'user-variables': Record<string, string>;
  message: { headers: { 'message-id': string } };
}

export interface FakeMailgun {
  url: string;
  copies: ReceivedCopy[];
  /** Records an open of `emailId` by `recipient` (Mailgun's pixel, which a test cannot load). */
  open(emailId: string, recipient: string): void;
  close(): Promise<void>;
}

/**
 * `%recipient.key%` → the recipient's value (unknown keys become empty, as
 * Mailgun does); `%tag_unsubscribe_email%` → a per-recipient mailto, as
 * Mailgun's own unsubscribe address would be.
 */
export function fillRecipient(
  text: string,
  vars: Record<string, unknown>,
  unsubscribe = 'mailto:unsubscribe@mg.invalid',
): string {
  return text
    .replace(/%recipient\.([A-Za-z0-9_-]+)%/g, (_m, key: string) => {
      const value = vars[key];
      return value === undefined || value === null ? '' : String(value);
    })
    .replace(/%tag_unsubscribe_email%/g, unsubscribe);
}

const safeName = (email: string) => email.replace(/[^a-z0-9@._-]/gi, '_');

async function formOf(req: IncomingMessage): Promise<FormData> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const request = new Request('http://fake/', {
    method: 'POST',
    headers: { 'content-type': req.headers['content-type'] ?? '' },
    body: Buffer.concat(chunks),
  });
  return request.formData();
}

export async function startFakeMailgun(
  outDir: string,
  { port = 0, eventAgeMs = 120_000 } = {},
): Promise<FakeMailgun> {
  const copies: ReceivedCopy[] = [];
  const events: FakeEvent[] = [];
  let sequence = 0;
  const stamp = () => (Date.now() - eventAgeMs) / 1000;
  const event = (type: FakeEvent['event'], copy: ReceivedCopy): FakeEvent => ({
    id: `fake-${type}-${++sequence}`,
    event: type,
    recipient: copy.to,
    timestamp: stamp(),
    'user-variables': { 'email-id': copy.emailId },
    message: { headers: { 'message-id': copy.messageId } },
  });

  async function send(domain: string, form: FormData) {
    const field = (name: string) => String(form.get(name) ?? '');
    const vars = JSON.parse(field('recipient-variables') || '{}') as Record<
      string,
      Record<string, unknown>
    >;
    const emailId = field('v:email-id') || 'no-email-id';
    const batchId = `${Date.now().toString(36)}.${++sequence}@${domain}`;
    const dir = join(outDir, emailId);
    mkdirSync(dir, { recursive: true });
    for (const to of form.getAll('to').map(String)) {
      const own = vars[to] ?? {};
      const unsubscribe = `mailto:u-${safeName(to).replace('@', '.')}@${domain}`;
      const headers: Record<string, string> = {};
      for (const [name, value] of form.entries()) {
        if (name.startsWith('h:'))
          headers[name.slice(2)] = fillRecipient(String(value), own, unsubscribe);
      }
      const copy: ReceivedCopy = {
        emailId,
        from: field('from'),
        to,
        subject: fillRecipient(field('subject'), own),
        html: fillRecipient(field('html'), own),
        text: fillRecipient(field('text'), own),
        headers,
        messageId: batchId,
      };
      copies.push(copy);
      events.push(event('delivered', copy));
      writeFileSync(join(dir, `${safeName(to)}.json`), JSON.stringify(copy, null, 2));
    }
    return { id: `<${batchId}>`, message: 'Queued. Thank you.' };
  }

  function listEvents(url: URL, base: string, domain: string) {
    const wanted = new Set((url.searchParams.get('event') ?? '').split(/\s+OR\s+/i));
    const begin = Number(url.searchParams.get('begin') ?? '-Infinity');
    const end = Number(url.searchParams.get('end') ?? 'Infinity');
    const items = events.filter(
      (e) => (wanted.has('') || wanted.has(e.event)) && e.timestamp >= begin && e.timestamp <= end,
    );
    const next = `${base}/v3/${domain}/events/done`;
    return { items, paging: { next, first: next, last: next, previous: next } };
  }

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const base = `http://${req.headers.host ?? '127.0.0.1'}`;
    const messages = /^\/v3\/([^/]+)\/messages$/.exec(url.pathname);
    const eventsPath = /^\/v3\/([^/]+)\/events(\/.*)?$/.exec(url.pathname);
    (async () => {
      if (req.method === 'POST' && messages?.[1]) {
        reply(200, await send(decodeURIComponent(messages[1]), await formOf(req)));
      } else if (req.method === 'GET' && eventsPath?.[1]) {
        // A page after the first (mailgun.js follows paging.next) is empty.
        if (eventsPath[2]) reply(200, { items: [], paging: {} });
        else reply(200, listEvents(url, base, eventsPath[1]));
      } else reply(404, { message: `fake Mailgun: no route ${req.method} ${url.pathname}` });
    })().catch((error: unknown) => reply(500, { message: String(error) }));
  });
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  const address = server.address();
  const boundPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://127.0.0.1:${boundPort}`,
    copies,
    open(emailId, recipient) {
      const copy = copies.find((c) => c.emailId === emailId && c.to === recipient);
      if (!copy) throw new Error(`fake Mailgun sent no email ${emailId} to ${recipient}`);
      events.push(event('opened', copy));
    },
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
