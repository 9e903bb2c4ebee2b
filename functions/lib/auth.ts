import {
  createRemoteJWKSet,
  decodeJwt,
  errors as joseErrors,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import { z } from 'zod';
import { ROLES } from '../domain/enums.js';
import type { Principal } from '../domain/types.js';
import { config } from './config.js';
import { ApiError } from './errors.js';
import { describeIssues, userIdClaim } from './validation.js';
import { GUEST_AUDIENCE, verifyGuestToken } from '../guests/tokens.js';
import { authenticateApiKey } from '../apikeys/auth.js';
import { API_KEY_PREFIX } from '../apikeys/keys.js';

/** Maximum token lifetime: a day, plus a minute of clock skew. */
const MAX_LIFETIME_SECONDS = 24 * 60 * 60 + 60;
const CLOCK_TOLERANCE_SECONDS = 30;

const claimsSchema = z.object({
  sub: userIdClaim,
  exp: z.number(),
  name: z.string().trim().max(200).optional(),
  email: z.email().max(320).optional().catch(undefined),
  role: z.enum(ROLES).default('customer'),
  departments: z.array(z.string().min(1).max(100)).max(100).default([]),
});

let jwks: JWTVerifyGetKey | undefined;

/** Returns whether a token claims the guest audience; its signature is checked separately. */
function isGuestToken(token: string): boolean {
  try {
    return decodeJwt(token).aud === GUEST_AUDIENCE;
  } catch {
    return false;
  }
}

function jwksKeys(url: string): JWTVerifyGetKey {
  jwks ??= createRemoteJWKSet(new URL(url), { timeoutDuration: 3000 });
  return jwks;
}

function bearerToken(header: string | undefined): string {
  if (!header) {
    throw new ApiError('auth.missingToken', 'Send an Authorization: Bearer <token> header.');
  }
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match?.[1]) {
    throw new ApiError('auth.invalidToken', 'The Authorization header must be "Bearer <token>".');
  }
  return match[1];
}

async function verifySignature(token: string): Promise<JWTPayload> {
  const { jwtSecret, jwksUrl, jwtIssuer, jwtAudience } = config();
  const options = { clockTolerance: CLOCK_TOLERANCE_SECONDS, issuer: jwtIssuer };
  try {
    const header = JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString());
    if (header?.alg === 'HS256' && jwtSecret) {
      const key = new TextEncoder().encode(jwtSecret);
      const { payload } = await jwtVerify(token, key, { ...options, algorithms: ['HS256'] });
      return payload;
    }
    if (jwksUrl) {
      const { payload } = await jwtVerify(token, jwksKeys(jwksUrl), {
        ...options,
        audience: jwtAudience,
        algorithms: ['RS256', 'ES256'],
      });
      return payload;
    }
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) {
      throw new ApiError('auth.tokenExpired', 'The token has expired; sign a new one.');
    }
    if (error instanceof joseErrors.JWTClaimValidationFailed) {
      throw new ApiError(
        'auth.invalidToken',
        `The token's ${error.claim} claim is not acceptable: ${error.reason}.`,
      );
    }
    throw new ApiError(
      'auth.invalidToken',
      'The token is invalid or its signature does not verify.',
      undefined,
      { cause: error },
    );
  }
  throw new ApiError(
    'auth.invalidToken',
    'The token uses an algorithm this installation does not accept.',
  );
}

function toPrincipal(payload: JWTPayload, now: number): Principal {
  const parsed = claimsSchema.safeParse(payload, { reportInput: true });
  if (!parsed.success) {
    const problems = describeIssues(parsed.error, 'claims');
    throw new ApiError('auth.invalidToken', `The token's claims are invalid: ${problems}.`);
  }
  const claims = parsed.data;
  if (claims.exp - now > MAX_LIFETIME_SECONDS) {
    throw new ApiError(
      'auth.invalidToken',
      'The token expires more than 24 hours from now; sign a shorter one.',
    );
  }
  return {
    id: claims.sub,
    name: claims.name ?? claims.email ?? claims.sub,
    email: claims.email ?? null,
    role: claims.role,
    departments: claims.departments,
    guest: false,
  };
}

/**
 * Verifies the bearer token of a request and returns the caller.
 * Throws 401 for a missing, malformed, expired, badly signed or over-long token.
 */
export async function authenticate(
  authorization: string | undefined,
  actingUser?: string,
): Promise<Principal> {
  const token = bearerToken(authorization);
  if (token.startsWith(API_KEY_PREFIX)) return authenticateApiKey(token, actingUser);
  if (isGuestToken(token)) return verifyGuestToken(token);
  const payload = await verifySignature(token);
  if (typeof payload.exp !== 'number') {
    throw new ApiError(
      'auth.invalidToken',
      'The token has no exp claim; add one at most 24 hours ahead.',
    );
  }
  return toPrincipal(payload, Math.floor(Date.now() / 1000));
}
