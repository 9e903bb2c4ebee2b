import { SignJWT } from 'jose';

/** Claims a host site puts in the tokens it signs for Escalated. */
export interface HostUserClaims {
  sub: string;
  name?: string;
  email?: string;
  role?: 'customer' | 'agent' | 'admin';
  departments?: string[];
}

/**
 * Signs an HS256 token the way a host site does, for the demo pages and the tests.
 * This module is local-only: nothing that `serverless deploy` ships imports it.
 *
 * @example
 * const token = await mintHostToken(secret, { sub: 'cust-1', role: 'customer' });
 */
export async function mintHostToken(
  secret: string,
  claims: HostUserClaims,
  ttlSeconds = 3600,
): Promise<string> {
  const { sub, ...rest } = claims;
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ ...rest })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(sub)
    .setIssuedAt(now)
    .setExpirationTime(now + ttlSeconds)
    .sign(new TextEncoder().encode(secret));
}
