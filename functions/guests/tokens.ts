import { createHash } from 'node:crypto';
import { SignJWT, errors as joseErrors, jwtVerify } from 'jose';
import type { Principal } from '../domain/types.js';
import { config } from '../lib/config.js';
import { ApiError } from '../lib/errors.js';

/** Audience of the ticket-scoped tokens the API signs for guests. */
export const GUEST_AUDIENCE = 'escalated-guest';
const GUEST_ISSUER = 'escalated';

/** A guest's access link keeps working for 30 days. */
export const GUEST_TOKEN_DAYS = 30;

/**
 * Derives the guest-token key from the installation secret, so a token a host site signs with
 * the shared secret can never pass as a guest token (or the other way round).
 */
function guestKey(): Uint8Array {
  const secret = config().jwtSecret;
  if (!secret) {
    throw new ApiError(
      'auth.forbidden',
      'Guest tickets need ESCALATED_JWT_SECRET on this installation.',
    );
  }
  return createHash('sha256').update(`escalated-guest-token:${secret}`).digest();
}

/** Signs the access token of a guest for one ticket. */
export async function signGuestToken(
  guest: { id: string; name: string; email: string },
  reference: string,
): Promise<string> {
  return new SignJWT({ name: guest.name, email: guest.email, ticket: reference })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(guest.id)
    .setAudience(GUEST_AUDIENCE)
    .setIssuer(GUEST_ISSUER)
    .setIssuedAt()
    .setExpirationTime(`${GUEST_TOKEN_DAYS}d`)
    .sign(guestKey());
}

/** Verifies a guest token and returns the guest, scoped to their one ticket. */
export async function verifyGuestToken(token: string): Promise<Principal> {
  try {
    const { payload } = await jwtVerify(token, guestKey(), {
      algorithms: ['HS256'],
      audience: GUEST_AUDIENCE,
      issuer: GUEST_ISSUER,
      clockTolerance: 30,
    });
    const reference = typeof payload.ticket === 'string' ? payload.ticket : undefined;
    if (!payload.sub || !reference)
      throw new ApiError('auth.invalidToken', 'The guest token names no ticket.');
    return {
      id: payload.sub,
      name: typeof payload.name === 'string' ? payload.name : 'Guest',
      email: typeof payload.email === 'string' ? payload.email : null,
      role: 'customer',
      departments: [],
      ticketReference: reference,
      guest: true,
    };
  } catch (error) {
    if (error instanceof ApiError) throw error;
    if (error instanceof joseErrors.JWTExpired) {
      throw new ApiError(
        'auth.tokenExpired',
        'The guest link has expired; open a new ticket or ask the helpdesk for a new link.',
      );
    }
    throw new ApiError('auth.invalidToken', 'The guest token is invalid.', undefined, {
      cause: error,
    });
  }
}
