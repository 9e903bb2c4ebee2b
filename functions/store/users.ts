import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Principal, UserProfile } from '../domain/types.js';
import { ddb } from '../lib/aws.js';
import { agentIndexKeys, keys } from './keys.js';
import { getItem, queryAll, tableName } from './table.js';

/** How often a visit refreshes `lastSeenAt` when nothing else about the user changed. */
const SEEN_REFRESH_MS = 60_000;

interface Remembered {
  fingerprint: string;
  writtenAt: number;
}

// Per-container memory of the last profile written, so most requests skip the write.
const remembered = new Map<string, Remembered>();

function fingerprint(principal: Principal): string {
  return JSON.stringify([principal.name, principal.email, principal.role, principal.departments]);
}

/** Builds the stored item of a profile. */
export function userItem(profile: UserProfile): Record<string, unknown> {
  const isAgent = profile.role !== 'customer';
  return {
    ...keys.user(profile.id),
    ...(isAgent ? agentIndexKeys(profile) : {}),
    entity: 'user',
    ...profile,
  };
}

/**
 * Records that a user made a request: creates or refreshes their profile from the token's
 * claims, keeping the admin-managed `away` flag and department membership.
 */
export async function recordVisit(principal: Principal, now = Date.now()): Promise<void> {
  const print = fingerprint(principal);
  const last = remembered.get(principal.id);
  if (last && last.fingerprint === print && now - last.writtenAt < SEEN_REFRESH_MS) return;

  const existing = await getUser(principal.id);
  const origin = principal.apiKey?.id ?? null;
  // A user of another installation (cloud mode) never rewrites a profile that is not theirs:
  // its email and role decide who gets this installation's notifications.
  if (existing && (existing.installationId ?? null) !== origin) return;
  const profile: UserProfile = {
    id: principal.id,
    name: principal.name,
    email: principal.email,
    role: principal.role,
    departmentIds: existing?.departmentIds ?? principal.departments,
    away: existing?.away ?? false,
    lastSeenAt: new Date(now).toISOString(),
    ...(origin ? { installationId: origin } : {}),
  };
  await ddb().send(new PutCommand({ TableName: tableName(), Item: userItem(profile) }));
  remembered.set(principal.id, { fingerprint: print, writtenAt: now });
}

/** Reads one user profile. */
export async function getUser(id: string): Promise<UserProfile | undefined> {
  const item = await getItem<UserProfile & { entity: string }>(keys.user(id));
  return item ? toProfile(item) : undefined;
}

/** Lists agents and admins by name. */
export async function listAgents(): Promise<UserProfile[]> {
  const items = await queryAll<UserProfile>({ index: 'gsi1', partition: keys.agentsByName() });
  return items.map(toProfile);
}

function toProfile(item: UserProfile): UserProfile {
  return {
    id: item.id,
    name: item.name,
    email: item.email ?? null,
    role: item.role,
    departmentIds: item.departmentIds ?? [],
    away: item.away ?? false,
    lastSeenAt: item.lastSeenAt,
  };
}
