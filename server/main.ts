/**
 * CLI of the reference server:
 *   node server/main.ts --port 0 --db data.sqlite --token T [--seed demo]
 * Prints the bound URL as one JSON line on stdout. Token from --token, else
 * CLICKMAP_TOKEN, else a random one (then printed too). Webhook keys from
 * --mailgun-signing-key / MAILGUN_SIGNING_KEY and --sendgrid-public-key /
 * SENDGRID_WEBHOOK_PUBLIC_KEY. --writer inline stores events on the event
 * loop instead of the writer thread (benchmarks compare the two).
 */
import { parseArgs } from 'node:util';
import { startServer } from './start.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8787' },
    host: { type: 'string', default: '127.0.0.1' },
    db: { type: 'string', default: 'clickmap.sqlite' },
    token: { type: 'string' },
    seed: { type: 'string' },
    'mailgun-signing-key': { type: 'string' },
    'sendgrid-public-key': { type: 'string' },
    'cors-origin': { type: 'string', multiple: true },
    writer: { type: 'string', default: 'thread' },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535)
  throw new Error(`--port must be 0..65535, got ${values.port}`);
if (values.writer !== 'thread' && values.writer !== 'inline')
  throw new Error(`--writer must be "thread" or "inline", got ${values.writer}`);
if (values.seed !== undefined && values.seed !== 'demo')
  throw new Error(`--seed supports only "demo", got ${values.seed}`);
const token = values.token ?? process.env.CLICKMAP_TOKEN;
const mailgunSigningKey = values['mailgun-signing-key'] ?? process.env.MAILGUN_SIGNING_KEY;
const sendgridPublicKey = values['sendgrid-public-key'] ?? process.env.SENDGRID_WEBHOOK_PUBLIC_KEY;

const server = await startServer({
  port,
  host: values.host,
  db: values.db,
  ...(token ? { token } : {}),
  ...(values.seed === 'demo' ? { seed: 'demo' as const } : {}),
  ...(mailgunSigningKey ? { mailgunSigningKey } : {}),
  ...(sendgridPublicKey ? { sendgridPublicKey } : {}),
  corsOrigins: values['cors-origin'] ?? [],
  writerThread: values.writer === 'thread',
});
process.stdout.write(
  `${JSON.stringify({ url: server.url, ...(token ? {} : { token: server.token }) })}\n`,
);

for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => void server.close().then(() => process.exit(0)));
