import { logger } from '../lib/logger.js';
import type { TransactItem } from '../store/table.js';
import { webhookWrites, type WebhookWritesInput } from './enqueue.js';

/**
 * Builds a change's webhook deliveries. Webhooks must never fail a user's request, so a failure
 * to prepare them is logged and the change goes ahead without them.
 */
export async function safeWebhookWrites(input: WebhookWritesInput): Promise<TransactItem[]> {
  try {
    return await webhookWrites(input);
  } catch (error) {
    logger.error('webhook deliveries could not be prepared', {
      ticket_id: input.ticket.id,
      error: error instanceof Error ? error : String(error),
    });
    return [];
  }
}
