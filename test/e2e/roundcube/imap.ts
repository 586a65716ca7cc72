/**
 * The few IMAP commands the rig needs (LOGIN, APPEND, SELECT, STORE, EXPUNGE)
 * over a plain loopback socket. IMAP APPEND is how we deliver: Dovecot indexes
 * the message at once (no Maildir file ownership or rescan timing to get
 * right) and answers with the new UID (UIDPLUS).
 */
import { connect, type Socket } from 'node:net';
import { createInterface, type Interface } from 'node:readline';

export interface ImapAccount {
  host: string;
  port: number;
  user: string;
  pass: string;
}

const TIMEOUT_MS = 10_000;

function quote(s: string): string {
  return `"${s.replace(/(["\\])/g, '\\$1')}"`;
}

/** One logged-in IMAP connection that runs tagged commands one at a time. */
interface ImapConnection {
  /** Sends `cmd`; resolves with the untagged lines and the tagged OK line. */
  run(cmd: string, literal?: string): Promise<{ untagged: string[]; done: string }>;
  close(): void;
}

async function open(account: ImapAccount): Promise<ImapConnection> {
  const socket: Socket = connect({ host: account.host, port: account.port });
  socket.setTimeout(TIMEOUT_MS, () => socket.destroy(new Error('IMAP socket timed out')));
  const lines: Interface = createInterface({ input: socket, crlfDelay: Infinity });
  const iterator = lines[Symbol.asyncIterator]();
  const failure = new Promise<never>((_resolve, reject) => socket.once('error', reject));
  failure.catch(() => undefined);
  const nextLine = async (): Promise<string> => {
    const r = await Promise.race([iterator.next(), failure]);
    if (r.done) throw new Error('IMAP server closed the connection');
    return r.value;
  };

  const greeting = await nextLine();
  if (!greeting.startsWith('* OK')) throw new Error(`unexpected IMAP greeting: ${greeting}`);
  let counter = 0;
  const conn: ImapConnection = {
    async run(cmd, literal) {
      const tag = `c${++counter}`;
      const untagged: string[] = [];
      socket.write(`${tag} ${cmd}\r\n`);
      for (;;) {
        const line = await nextLine();
        if (line.startsWith('+') && literal !== undefined) {
          socket.write(`${literal}\r\n`);
        } else if (line.startsWith(`${tag} `)) {
          if (!line.startsWith(`${tag} OK`))
            throw new Error(`IMAP ${cmd.split(' ')[0]} failed: ${line}`);
          return { untagged, done: line };
        } else {
          untagged.push(line);
        }
      }
    },
    close() {
      lines.close();
      socket.end();
    },
  };
  await conn.run(`LOGIN ${quote(account.user)} ${quote(account.pass)}`);
  return conn;
}

async function withConnection<T>(
  account: ImapAccount,
  fn: (c: ImapConnection) => Promise<T>,
): Promise<T> {
  const conn = await open(account);
  try {
    const result = await fn(conn);
    await conn.run('LOGOUT');
    return result;
  } finally {
    conn.close();
  }
}

export interface AppendResult {
  uid: number;
  uidValidity: number;
}

/** Appends a raw RFC 5322 message (CRLF line ends) to `mailbox`, unread. */
export async function appendMessage(
  account: ImapAccount,
  raw: string,
  mailbox = 'INBOX',
): Promise<AppendResult> {
  return withConnection(account, async (c) => {
    const size = Buffer.byteLength(raw, 'utf8');
    const { done } = await c.run(`APPEND ${quote(mailbox)} () {${size}}`, raw);
    const m = /\[APPENDUID (\d+) (\d+)\]/.exec(done);
    if (!m?.[1] || !m[2]) throw new Error(`APPEND gave no APPENDUID: ${done}`);
    return { uidValidity: Number(m[1]), uid: Number(m[2]) };
  });
}

/** Deletes every message in `mailbox`; returns how many there were. */
export async function emptyMailbox(account: ImapAccount, mailbox = 'INBOX'): Promise<number> {
  return withConnection(account, async (c) => {
    const { untagged } = await c.run(`SELECT ${quote(mailbox)}`);
    const exists = Number(untagged.map((l) => /^\* (\d+) EXISTS/.exec(l)?.[1]).find(Boolean) ?? 0);
    if (exists > 0) {
      await c.run('STORE 1:* +FLAGS.SILENT (\\Deleted)');
      await c.run('EXPUNGE');
    }
    return exists;
  });
}
