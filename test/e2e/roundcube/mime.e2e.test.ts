// @vitest-environment node
/**
 * The campaign MIME the rig delivers (pure, no server). Named *.e2e.test.ts
 * because test/e2e/ only runs under vitest.e2e.config.ts.
 */
import { describe, expect, it } from 'vitest';
import { goldstarWelcome, listManageClick } from './campaigns.ts';
import { buildCampaignMime, encodeHeaderWords } from './mime.ts';

describe('campaign MIME as delivered', () => {
  /** Splits a multipart/alternative message into decoded parts by content type. */
  function decodeParts(raw: string): Record<string, string> {
    const boundary = /boundary="([^"]+)"/.exec(raw)?.[1] ?? '';
    const parts: Record<string, string> = {};
    for (const chunk of raw.split(`--${boundary}`).slice(1, -1)) {
      const [head = '', body = ''] = chunk.split('\r\n\r\n');
      const type = /Content-Type: ([^;]+)/.exec(head)?.[1] ?? '';
      parts[type] = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    }
    return parts;
  }

  it('is multipart/alternative with text + the exact HTML, and List-Unsubscribe headers', () => {
    const c = goldstarWelcome();
    const raw = buildCampaignMime({
      ...c,
      to: 'qa@clickmap.test',
      date: new Date('2026-11-23T10:00:00Z'),
      messageId: '<fixed@goldstar-outfitters.com>',
    });
    const [head = ''] = raw.split('\r\n\r\n');
    expect(head).toContain('From: "Goldstar Outfitters" <news@goldstar-outfitters.com>');
    expect(head).toContain('Date: Mon, 23 Nov 2026 10:00:00 +0000');
    expect(head).toContain(
      'List-Unsubscribe: <https://goldstar.us9.list-manage.com/unsubscribe?u=e9492ff27d760c578a39d0675&id=6ba2b83261&e=0e436c5282&c=372ed99dad>,\r\n <mailto:',
    );
    expect(head).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    const parts = decodeParts(raw);
    expect(Object.keys(parts)).toEqual(['text/plain', 'text/html']);
    expect(parts['text/html']).toBe(c.html);
    expect(parts['text/plain']).toContain(`ACTIVATE NOW! ( ${listManageClick(8)} )`);
    expect(raw.split('\r\n').every((line) => line.length <= 998)).toBe(true);
  });

  it('encodes non-ASCII subjects as RFC 2047 words that decode back', () => {
    const subject = 'Willkommen bei Nordwind – Ihr Café-Gutschein über 20 € wartet schon';
    const encoded = encodeHeaderWords(subject);
    const words = [...encoded.matchAll(/=\?UTF-8\?B\?([^?]+)\?=/g)].map((m) => m[1] ?? '');
    expect(words.length).toBeGreaterThan(1);
    expect(encoded.split('\r\n ').every((w) => w.length <= 75)).toBe(true);
    expect(words.map((w) => Buffer.from(w, 'base64').toString('utf8')).join('')).toBe(subject);
  });
});
