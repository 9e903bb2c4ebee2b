import { randomUUID } from 'node:crypto';
import type { Author } from '../domain/types.js';
import { ApiError } from '../lib/errors.js';
import { auditWrite, getConfigItem, listConfigItems } from '../store/config-items.js';
import { keys } from '../store/keys.js';
import {
  TransactionConflictError,
  getItem,
  transactWrite,
  type TransactItem,
} from '../store/table.js';
import { WEBHOOK_KIND, type Webhook, type WebhookFields } from './schema.js';
import { generateWebhookSecret } from './signature.js';

/** Webhooks are cached this long per container, like the rest of the configuration. */
const CACHE_MS = 10_000;

let cache: { webhooks: Webhook[]; readAt: number } | undefined;

/** Lists every webhook, cached briefly; ticket writes call this on every change. */
export async function listWebhooks(now = Date.now()): Promise<Webhook[]> {
  if (cache && now - cache.readAt < CACHE_MS) return cache.webhooks;
  const webhooks = await listConfigItems<WebhookFields>(WEBHOOK_KIND);
  cache = { webhooks, readAt: now };
  return webhooks;
}

/** Drops the cached webhooks after an admin change. */
export function invalidateWebhooksCache(): void {
  cache = undefined;
}

/** Reads one webhook with a consistent read, bypassing the cache. */
export function getWebhook(id: string): Promise<Webhook | undefined> {
  return getConfigItem<WebhookFields>(WEBHOOK_KIND, id);
}

/** Reads a webhook or throws the admin API's 404. */
export async function requireWebhook(id: string): Promise<Webhook> {
  const webhook = await getWebhook(id);
  if (!webhook) throw new ApiError('config.notFound', `webhooks/${id} was not found.`);
  return webhook;
}

/** Builds the put that stores a webhook's signing secret, replacing any earlier one. */
export function secretWrite(webhookId: string, secret: string, at: string): TransactItem {
  return {
    Put: {
      Item: { ...keys.webhookSecret(webhookId), entity: 'webhook_secret', webhookId, secret, at },
    },
  };
}

/** Builds the delete of a webhook's signing secret, for the transaction that deletes it. */
export function secretDelete(webhookId: string): TransactItem {
  return { Delete: { Key: keys.webhookSecret(webhookId) } };
}

/** Reads a webhook's signing secret with a consistent read, so a rotation applies at once. */
export async function getWebhookSecret(webhookId: string): Promise<string | undefined> {
  const item = await getItem<{ secret?: string }>(keys.webhookSecret(webhookId));
  return item?.secret;
}

/**
 * Replaces a webhook's signing secret with a new one and returns it. The audit entry records
 * the rotation without either secret.
 */
export async function rotateWebhookSecret(webhookId: string, actor: Author): Promise<string> {
  const at = new Date().toISOString();
  const secret = generateWebhookSecret();
  try {
    await transactWrite([
      {
        ConditionCheck: {
          Key: keys.configItem(WEBHOOK_KIND, webhookId),
          ConditionExpression: 'attribute_exists(pk)',
        },
      },
      secretWrite(webhookId, secret, at),
      auditWrite({
        id: randomUUID(),
        at,
        actor,
        action: 'update',
        collection: 'webhooks',
        targetId: webhookId,
        before: null,
        after: { secretRotatedAt: at },
      }),
    ]);
  } catch (error) {
    if (error instanceof TransactionConflictError) {
      throw new ApiError('config.notFound', `webhooks/${webhookId} was not found.`);
    }
    throw error;
  }
  return secret;
}
