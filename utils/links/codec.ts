/**
 * Byte decoders for redirect tokens: base64 / base64url (with or without
 * padding) and UTF-8. Uses only atob/TextDecoder, present in browsers and node.
 */

const BASE64 = /^[A-Za-z0-9+/_-]*={0,2}$/;

/** Bytes of a base64 or base64url string, or null when it is not one. */
export function base64ToBytes(text: string): Uint8Array | null {
  if (!BASE64.test(text)) return null;
  const standard = text.replace(/=+$/, '').replace(/-/g, '+').replace(/_/g, '/');
  if (standard.length % 4 === 1) return null;
  const padded = standard + '='.repeat((4 - (standard.length % 4)) % 4);
  try {
    const binary = atob(padded);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: false });

export function bytesToUtf8(bytes: Uint8Array): string {
  return utf8.decode(bytes);
}

/** base64(url) → UTF-8 text, or null. */
export function base64ToText(text: string): string | null {
  const bytes = base64ToBytes(text);
  return bytes ? bytesToUtf8(bytes) : null;
}

/** JSON object from base64(url) text, or null when any step fails. */
export function base64ToJson(text: string): Record<string, unknown> | null {
  const decoded = base64ToText(text);
  if (decoded === null) return null;
  return parseJsonObject(decoded);
}

export function parseJsonObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}
