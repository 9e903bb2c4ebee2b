import type { Collection } from '../admin/collections.js';
import { invalidField } from '../lib/errors.js';
import { getSettings } from '../store/configuration.js';
import { isPrivateHost, normalizeHost } from './addresses.js';
import { webhookSchema, WEBHOOK_KIND } from './schema.js';
import { generateWebhookSecret } from './signature.js';
import { secretDelete, secretWrite } from './store.js';

/**
 * Rejects a webhook URL the installation may not call: `http:` or a literal private,
 * loopback, link-local or unique-local address (or `localhost`) while
 * `allowPrivateWebhookTargets` is off. An inactive webhook is not checked, so an admin can
 * still switch off one that was created while the setting was on.
 */
export async function checkWebhookTarget(data: Record<string, unknown>): Promise<void> {
  if (data.active === false) return;
  if ((await getSettings()).allowPrivateWebhookTargets) return;
  const url = new URL(String(data.url));
  if (url.protocol !== 'https:') {
    throw invalidField(
      'url',
      'must be an https URL; http is accepted only while the allowPrivateWebhookTargets setting is on',
    );
  }
  if (isPrivateHost(url.hostname)) {
    throw invalidField(
      'url',
      `must not point at a private, loopback or link-local host (${normalizeHost(url.hostname)}); turn on the allowPrivateWebhookTargets setting to allow it`,
    );
  }
}

/**
 * The `webhooks` admin collection. Creating one generates its signing secret, stores it in an
 * item of its own in the same transaction and returns it once in the create response.
 */
export const webhooksCollection: Collection = {
  name: 'webhooks',
  kind: WEBHOOK_KIND,
  schema: webhookSchema,
  checkReferences: checkWebhookTarget,
  createExtras: async (itemId) => {
    const secret = generateWebhookSecret();
    return {
      writes: [secretWrite(itemId, secret, new Date().toISOString())],
      responseFields: { secret },
    };
  },
  deleteWrites: (itemId) => [secretDelete(itemId)],
};
