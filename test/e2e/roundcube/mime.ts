/**
 * Builds the RFC 5322 / MIME source of a campaign email the way ESPs send it:
 * multipart/alternative with a text part and an HTML part, List-Unsubscribe
 * (+ one-click Post) headers, encoded words for non-ASCII headers. Pure: the
 * caller supplies date and Message-ID so output is reproducible.
 */

export interface CampaignMessage {
  html: string;
  subject: string;
  /** `Display Name <addr@domain>` or a bare address. */
  from: string;
  to: string;
  /** Header value, e.g. `<https://x/unsub?u=1>, <mailto:unsub@x>`. */
  listUnsubscribe?: string;
  date: Date;
  messageId: string;
  /** Multipart boundary; derived from messageId when absent. */
  boundary?: string;
}

const CRLF = '\r\n';

/** RFC 2047 B-encoding, split so each encoded word stays under 75 chars. */
export function encodeHeaderWords(value: string): string {
  if (/^[\x20-\x7e]*$/.test(value)) return value;
  const words: string[] = [];
  let chunk = '';
  for (const ch of value) {
    if (Buffer.byteLength(chunk + ch) > 45) {
      words.push(chunk);
      chunk = '';
    }
    chunk += ch;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w).toString('base64')}?=`).join(`${CRLF} `);
}

/** Encodes the display-name part of `Name <addr>` when it is not ASCII. */
export function encodeAddress(address: string): string {
  const m = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(address);
  if (!m?.[2]) return address.trim();
  const name = m[1] ?? '';
  if (!name) return `<${m[2]}>`;
  const shown = /^[\x20-\x7e]*$/.test(name)
    ? `"${name.replace(/(["\\])/g, '\\$1')}"`
    : encodeHeaderWords(name);
  return `${shown} <${m[2]}>`;
}

function base64Lines(text: string): string {
  const b64 = Buffer.from(text, 'utf8').toString('base64');
  return (b64.match(/.{1,76}/g) ?? []).join(CRLF);
}

const ENTITIES: Record<string, string> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  '#39': "'",
};

/** Plain-text alternative as ESPs generate it: link text followed by its URL. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(head|style|script)\b[\s\S]*?<\/\1>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(
      /<a\b[^>]*\bhref="([^"]*)"[^>]*>([\s\S]*?)<\/a>/gi,
      (_m, href: string, inner: string) => {
        const text = inner.replace(/<[^>]+>/g, '').trim();
        return text ? `${text} ( ${href} )` : `( ${href} )`;
      },
    )
    .replace(/<(br|\/p|\/tr|\/h[1-6]|\/div|\/li)\b[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(nbsp|amp|lt|gt|quot|#39);/g, (_m, name: string) => ENTITIES[name] ?? '')
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function domainOf(messageId: string): string {
  return /@([^>]+)>?$/.exec(messageId)?.[1] ?? 'clickmap.test';
}

export function buildCampaignMime(msg: CampaignMessage): string {
  const boundary =
    msg.boundary ?? `=_cml_${Buffer.from(msg.messageId).toString('hex').slice(0, 24)}`;
  const headers = [
    `Return-Path: <bounces@${domainOf(msg.messageId)}>`,
    `From: ${encodeAddress(msg.from)}`,
    `To: ${encodeAddress(msg.to)}`,
    `Subject: ${encodeHeaderWords(msg.subject)}`,
    `Date: ${msg.date.toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: ${msg.messageId}`,
    'MIME-Version: 1.0',
    'Precedence: bulk',
  ];
  if (msg.listUnsubscribe) {
    headers.push(`List-Unsubscribe: ${msg.listUnsubscribe.split(/,\s*/).join(`,${CRLF} `)}`);
    if (msg.listUnsubscribe.includes('<http')) {
      headers.push('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    }
  }
  headers.push(`Content-Type: multipart/alternative;${CRLF} boundary="${boundary}"`);
  const part = (type: string, body: string): string =>
    [
      `--${boundary}`,
      `Content-Type: ${type}; charset=utf-8`,
      'Content-Transfer-Encoding: base64',
      '',
      base64Lines(body),
    ].join(CRLF);
  return [
    headers.join(CRLF),
    '',
    'This is a multi-part message in MIME format.',
    '',
    part('text/plain', htmlToText(msg.html)),
    part('text/html', msg.html),
    `--${boundary}--`,
    '',
  ].join(CRLF);
}
