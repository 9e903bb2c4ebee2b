import { createHmac, timingSafeEqual } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateWebhookSecret, signatureHeader } from '../../../functions/webhooks/signature.js';

/**
 * Verifies a signature the way a receiver would, with nothing but the secret, the raw body
 * and node:crypto.
 */
function verify(secret: string, rawBody: string, header: string): boolean {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
  if (!match) return false;
  const [, timestamp, signature] = match as unknown as [string, string, string];
  const expected = createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest();
  return timingSafeEqual(expected, Buffer.from(signature, 'hex'));
}

const BODY = '{"id":"evt-1","type":"ticket.created","payload":{"ticket":{"subject":"Straße"}}}';

describe('signatureHeader', () => {
  it('produces a header a receiver verifies with the secret alone', () => {
    const secret = generateWebhookSecret();

    const header = signatureHeader(secret, BODY, 1_768_296_600);

    expect(header).toMatch(/^t=1768296600,v1=[0-9a-f]{64}$/);
    expect(verify(secret, BODY, header)).toBe(true);
  });

  it('fails verification for another secret', () => {
    const header = signatureHeader(generateWebhookSecret(), BODY, 1_768_296_600);

    expect(verify(generateWebhookSecret(), BODY, header)).toBe(false);
  });

  it('fails verification for a changed body', () => {
    const secret = generateWebhookSecret();
    const header = signatureHeader(secret, BODY, 1_768_296_600);

    expect(verify(secret, BODY.replace('Straße', 'Strasse'), header)).toBe(false);
  });

  it('binds the timestamp into the signature', () => {
    const secret = generateWebhookSecret();
    const header = signatureHeader(secret, BODY, 1_768_296_600);
    const replayed = header.replace('t=1768296600', 't=1768300000');

    expect(verify(secret, BODY, replayed)).toBe(false);
  });
});

describe('generateWebhookSecret', () => {
  it('encodes 32 random bytes in base64url after the prefix', () => {
    const secret = generateWebhookSecret();
    const bytes = Buffer.from(secret.slice('whsec_'.length), 'base64url');

    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(bytes).toHaveLength(32);
  });

  it('never repeats a secret', () => {
    const secrets = new Set(Array.from({ length: 100 }, () => generateWebhookSecret()));

    expect(secrets.size).toBe(100);
  });
});
