import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CHROME_EXTENSION_ID, EXTENSION_KEY } from './extension-id.ts';

describe('pinned extension identity', () => {
  it('derives the Chromium id from the manifest key like Chromium does', () => {
    const der = Buffer.from(EXTENSION_KEY, 'base64');
    const hex = createHash('sha256').update(der).digest('hex').slice(0, 32);
    const id = [...hex].map((d) => String.fromCharCode(97 + Number.parseInt(d, 16))).join('');
    expect(id).toBe(CHROME_EXTENSION_ID);
  });
});
