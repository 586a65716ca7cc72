/**
 * Ghost Admin API authentication: a short-lived JWT signed with an admin key
 * ("<id>:<hex secret>", from a staff user's access token or a custom
 * integration). HS256 over the hex-decoded secret, header `kid` = the key id,
 * `aud: '/admin/'`, five minutes of validity (Ghost's documented maximum).
 * WebCrypto only: runs in the background worker and in node.
 */

export interface AdminKey {
  id: string;
  /** The secret's bytes (decoded from hex). */
  secret: Uint8Array<ArrayBuffer>;
}

/** `<24 hex id>:<64 hex secret>` → the key, or null with nothing thrown (bad input is a settings error). */
export function parseAdminKey(text: string): AdminKey | null {
  const match = /^([0-9a-f]{24}):([0-9a-f]{64})$/i.exec(text.trim());
  if (!match?.[1] || !match[2]) return null;
  const hex = match[2];
  const secret = new Uint8Array(hex.length / 2);
  for (let i = 0; i < secret.length; i++) secret[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return { id: match[1].toLowerCase(), secret };
}

const base64url = (bytes: Uint8Array): string => {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};
const text = (value: unknown) => base64url(new TextEncoder().encode(JSON.stringify(value)));

/** Ghost rejects tokens living longer than 5 minutes. */
export const TOKEN_LIFETIME_S = 300;

export async function adminToken(key: AdminKey, nowMs: number): Promise<string> {
  const iat = Math.floor(nowMs / 1000);
  const unsigned = `${text({ alg: 'HS256', typ: 'JWT', kid: key.id })}.${text({
    iat,
    exp: iat + TOKEN_LIFETIME_S,
    aud: '/admin/',
  })}`;
  const hmac = await crypto.subtle.importKey(
    'raw',
    key.secret,
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const signature = await crypto.subtle.sign('HMAC', hmac, new TextEncoder().encode(unsigned));
  return `${unsigned}.${base64url(new Uint8Array(signature))}`;
}
