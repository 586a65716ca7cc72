/**
 * Webhook signature checks of the providers that sign:
 * - Mailgun: hex HMAC-SHA256 of `timestamp + token` with the webhook signing key;
 * - SendGrid (Signed Event Webhook): ECDSA P-256 / SHA-256 over
 *   `timestamp + raw body`, base64 DER signature in
 *   X-Twilio-Email-Event-Webhook-Signature, timestamp in …-Timestamp, public
 *   key as shown by SendGrid (base64 DER SubjectPublicKeyInfo) or PEM.
 * A stale timestamp is refused too, so a captured request cannot be replayed later
 * (Mailgun's token, which its signature covers, is also remembered: see
 * storage/webhook-tokens.ts).
 */
import { createHmac, createPublicKey, createVerify, timingSafeEqual } from 'node:crypto';
import type { KeyObject } from 'node:crypto';

/** Signed requests older or newer than this are refused. */
export const MAX_SIGNATURE_AGE_MS = 15 * 60_000;

function fresh(timestampSeconds: string, now: number, maxAgeMs: number): boolean {
  const at = Number(timestampSeconds) * 1000;
  return Number.isFinite(at) && Math.abs(now - at) <= maxAgeMs;
}

export function mailgunSignature(signingKey: string, timestamp: string, token: string): string {
  return createHmac('sha256', signingKey)
    .update(timestamp + token)
    .digest('hex');
}

export function verifyMailgun(
  signingKey: string,
  sig: { timestamp: string; token: string; signature: string },
  now: number,
  maxAgeMs = MAX_SIGNATURE_AGE_MS,
): boolean {
  if (!fresh(sig.timestamp, now, maxAgeMs)) return false;
  const expected = Buffer.from(mailgunSignature(signingKey, sig.timestamp, sig.token), 'utf8');
  const given = Buffer.from(sig.signature, 'utf8');
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** Parses SendGrid's verification key: PEM, or the bare base64 DER its settings page shows. */
export function sendgridPublicKey(key: string): KeyObject {
  if (key.includes('-----BEGIN')) return createPublicKey(key);
  return createPublicKey({
    key: Buffer.from(key.replace(/\s+/g, ''), 'base64'),
    format: 'der',
    type: 'spki',
  });
}

/** A SendGrid signature check fed the raw body chunk by chunk as it arrives. */
export interface SendgridCheck {
  update(chunk: Uint8Array): void;
  valid(): boolean;
}

/**
 * Starts checking a SendGrid request, or answers null when its signature
 * headers are missing or its timestamp stale: refused before reading the body.
 */
export function startSendgridCheck(
  publicKey: KeyObject,
  signatureBase64: string | undefined,
  timestamp: string | undefined,
  now: number,
  maxAgeMs = MAX_SIGNATURE_AGE_MS,
): SendgridCheck | null {
  if (!signatureBase64 || !timestamp || !fresh(timestamp, now, maxAgeMs)) return null;
  const verifier = createVerify('sha256');
  verifier.update(timestamp, 'utf8');
  return {
    update: (chunk) => void verifier.update(chunk),
    valid: () => {
      try {
        return verifier.verify(publicKey, Buffer.from(signatureBase64, 'base64'));
      } catch {
        return false;
      }
    },
  };
}
