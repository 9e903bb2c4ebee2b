import { z } from 'zod';
import { ROLES, type Role } from '../domain/enums.js';
import type { Principal } from '../domain/types.js';
import { ApiError } from '../lib/errors.js';
import { describeIssues, userIdClaim } from '../lib/validation.js';
import { API_KEY_PREFIX, resolveApiKey, type Ability } from './keys.js';

const actingUserSchema = z.object({
  sub: userIdClaim,
  name: z.string().trim().max(200).optional(),
  // As in host tokens, an email that is not one is left out rather than refusing the user.
  email: z.email().max(320).optional().catch(undefined),
  role: z.enum(ROLES).default('customer'),
  departments: z.array(z.string().min(1).max(100)).max(100).default([]),
});

const RANK: Record<Role, number> = { customer: 0, agent: 1, admin: 2 };

/** Returns the highest role a key's abilities let it act as. */
function maxRole(abilities: Ability[]): Role | undefined {
  if (abilities.includes('admin')) return 'admin';
  if (abilities.includes('agent')) return 'agent';
  return undefined;
}

/** Reads `X-Escalated-Acting-User`: the acting user's claims as JSON, or as base64url JSON. */
function parseActingUser(header: string): z.infer<typeof actingUserSchema> {
  let value: unknown;
  try {
    const text = header.trim().startsWith('{')
      ? header
      : Buffer.from(header, 'base64url').toString('utf8');
    value = JSON.parse(text);
  } catch {
    throw new ApiError(
      'auth.invalidToken',
      'X-Escalated-Acting-User must be the acting user’s claims as JSON or base64url JSON.',
    );
  }
  const parsed = actingUserSchema.safeParse(value, { reportInput: true });
  if (!parsed.success) {
    const problems = describeIssues(parsed.error, 'claims');
    throw new ApiError(
      'auth.invalidToken',
      `X-Escalated-Acting-User has invalid claims: ${problems}.`,
    );
  }
  return parsed.data;
}

/**
 * Authenticates another installation's `esk_` key. With `X-Escalated-Acting-User` the key acts
 * for that user, whose role may not exceed what the key's abilities allow; without it the key
 * acts as itself with its highest role. A key with only the `sync` ability acts as nobody.
 */
export async function authenticateApiKey(
  key: string,
  actingHeader: string | undefined,
): Promise<Principal> {
  const resolved = await resolveApiKey(key);
  if (!resolved)
    throw new ApiError('auth.invalidToken', 'The API key is unknown or has been revoked.');
  const allowed = maxRole(resolved.abilities);
  const apiKey = { id: resolved.id, abilities: resolved.abilities };
  if (!allowed) {
    throw new ApiError('auth.forbidden', 'This API key may only deliver sync events.');
  }
  if (!actingHeader) {
    return {
      id: `apikey:${resolved.id}`,
      name: resolved.name,
      email: null,
      role: allowed,
      departments: [],
      guest: false,
      apiKey,
    };
  }
  const acting = parseActingUser(actingHeader);
  if (RANK[acting.role] > RANK[allowed]) {
    throw new ApiError(
      'auth.forbidden',
      `This API key may act as ${allowed} at most, not ${acting.role}.`,
    );
  }
  return {
    id: acting.sub,
    name: acting.name ?? acting.email ?? acting.sub,
    email: acting.email ?? null,
    role: acting.role,
    departments: acting.departments,
    guest: false,
    apiKey,
  };
}

/**
 * Authenticates a batch of sync events: only an `esk_` key with the `sync` ability may send
 * one. The principal names the key, which is the sending installation's identity on the hub.
 */
export async function authenticateSyncKey(header: string | undefined): Promise<Principal> {
  const match = /^Bearer\s+(\S+)$/i.exec(header?.trim() ?? '');
  if (!match?.[1]) {
    throw new ApiError('auth.missingToken', 'Send Authorization: Bearer <esk_ API key>.');
  }
  if (!match[1].startsWith(API_KEY_PREFIX)) {
    throw new ApiError(
      'auth.forbidden',
      'Sync events need an installation API key (esk_…) with the sync ability, not a user token.',
    );
  }
  const resolved = await resolveApiKey(match[1]);
  if (!resolved)
    throw new ApiError('auth.invalidToken', 'The API key is unknown or has been revoked.');
  if (!resolved.abilities.includes('sync')) {
    throw new ApiError('auth.forbidden', 'This API key lacks the sync ability.');
  }
  return {
    id: `apikey:${resolved.id}`,
    name: resolved.name,
    email: null,
    role: 'agent',
    departments: [],
    guest: false,
    apiKey: { id: resolved.id, abilities: resolved.abilities },
  };
}
