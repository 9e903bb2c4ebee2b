import { createHmac, randomBytes } from 'node:crypto';

/** Prefix of every webhook signing secret, so a leaked one is recognisable. */
export const SECRET_PREFIX = 'whsec_';

/** Generates a signing secret: the prefix and 32 random bytes in base64url. */
export function generateWebhookSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/**
 * Builds the `Escalated-Signature` header value: `t=<unix seconds>,v1=<hex HMAC-SHA256>`. The
 * HMAC key is the whole secret string as UTF-8 (prefix included) and the signed message is
 * `<t>.<raw body>`, so a receiver verifies with the secret and the bytes it received.
 *
 * @example
 * signatureHeader('whsec_…', '{"id":"…"}', 1768296600);
 * // 't=1768296600,v1=5f1c…'
 */
export function signatureHeader(secret: string, body: string, unixSeconds: number): string {
  const digest = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${digest}`;
}
