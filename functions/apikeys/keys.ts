import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Collection } from '../admin/collections.js';
import { keys } from '../store/keys.js';
import { getItem, type TransactItem } from '../store/table.js';
import { getConfigItem } from '../store/config-items.js';

/** Abilities of a server-to-server key: sync events, act as agents, or administer. */
export const ABILITIES = ['sync', 'agent', 'admin'] as const;
export type Ability = (typeof ABILITIES)[number];

export const API_KEY_KIND = 'API_KEY';

/** An API key as admins write it; the key itself is generated and shown once. */
export const apiKeySchema = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(100),
  abilities: z
    .array(z.enum(ABILITIES))
    .min(1, 'must grant at least one ability')
    .max(3)
    .refine((list) => new Set(list).size === list.length, 'must name each ability once'),
});

/** Every key starts with this prefix, so a server can tell a key from a JWT. */
export const API_KEY_PREFIX = 'esk_';

/** SHA-256 of a key, the only form it is stored in. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

function lookupWrite(hash: string, keyId: string): TransactItem {
  return {
    Put: {
      Item: { ...keys.apiKeyLookup(hash), entity: 'api-key-lookup', keyId },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/** A stored key found by its hash, with what it may do. */
export interface ResolvedKey {
  id: string;
  name: string;
  abilities: Ability[];
}

/** Finds the key a caller presented; undefined when it is unknown or revoked. */
export async function resolveApiKey(key: string): Promise<ResolvedKey | undefined> {
  const lookup = await getItem<{ keyId: string }>(keys.apiKeyLookup(hashApiKey(key)));
  if (!lookup) return undefined;
  const item = await getConfigItem<{ name: string; abilities: Ability[]; hash: string }>(
    API_KEY_KIND,
    lookup.keyId,
  );
  return item ? { id: item.id, name: item.name, abilities: item.abilities } : undefined;
}

/**
 * The `api-keys` admin collection. Creating one generates an `esk_` key, stores only its
 * SHA-256 (with a lookup item for authentication) and returns the key once. Deleting a key
 * revokes it at once.
 */
export const apiKeysCollection: Collection = {
  name: 'api-keys',
  kind: API_KEY_KIND,
  schema: apiKeySchema,
  createExtras: async (itemId) => {
    const key = `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
    const hash = hashApiKey(key);
    return {
      writes: [lookupWrite(hash, itemId)],
      responseFields: { key, keyPrefix: key.slice(0, 12) },
      storedFields: { hash, keyPrefix: key.slice(0, 12) },
    };
  },
  deleteWrites: (_itemId, item) => [{ Delete: { Key: keys.apiKeyLookup(String(item.hash)) } }],
  hiddenFields: ['hash'],
};
