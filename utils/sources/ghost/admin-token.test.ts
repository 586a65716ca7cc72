// @vitest-environment node
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { adminToken, parseAdminKey, TOKEN_LIFETIME_S } from './admin-token.ts';

const ID = '6565f0c2a1b2c3d4e5f60718';
const SECRET = '0f'.repeat(16) + 'a1'.repeat(16);

const decode = (part: string) =>
  JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;

describe('Ghost Admin API token', () => {
  it('parses "<24 hex id>:<64 hex secret>" only', () => {
    const key = parseAdminKey(` ${ID}:${SECRET.toUpperCase()} `);
    expect(key?.id).toBe(ID);
    expect(Buffer.from(key?.secret ?? []).toString('hex')).toBe(SECRET);
    for (const bad of [
      '',
      ID,
      `${ID}:`,
      `${ID}:${SECRET.slice(1)}`,
      `${ID}x:${SECRET}`,
      `${SECRET}:${ID}`,
    ])
      expect(parseAdminKey(bad)).toBeNull();
  });

  it('signs HS256 over the hex-decoded secret with kid, aud /admin/ and 5 minutes of life', async () => {
    const key = parseAdminKey(`${ID}:${SECRET}`);
    if (!key) throw new Error('key');
    const token = await adminToken(key, 1_764_780_000_123);
    const [header, payload, signature] = token.split('.');
    expect(decode(header ?? '')).toEqual({ alg: 'HS256', typ: 'JWT', kid: ID });
    expect(decode(payload ?? '')).toEqual({
      iat: 1_764_780_000,
      exp: 1_764_780_000 + TOKEN_LIFETIME_S,
      aud: '/admin/',
    });
    const expected = createHmac('sha256', Buffer.from(SECRET, 'hex'))
      .update(`${header}.${payload}`)
      .digest('base64url');
    expect(signature).toBe(expected);
  });
});
