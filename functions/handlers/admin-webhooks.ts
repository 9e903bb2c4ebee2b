import { z } from 'zod';
import { ApiError } from '../lib/errors.js';
import { createHandler } from '../lib/handler.js';
import { json, route, type Route } from '../lib/http.js';
import { logger } from '../lib/logger.js';
import { authorOf } from '../tickets/items.js';
import {
  deliveryView,
  getDelivery,
  listAttempts,
  requeueDelivery,
} from '../webhooks/deliveries.js';
import { requireWebhook, rotateWebhookSecret } from '../webhooks/store.js';

const webhookParams = z.object({ id: z.string().min(1).max(200) });
const deliveryParams = z.object({
  id: z.string().min(1).max(200),
  deliveryId: z.string().min(1).max(200),
});
const listQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(2000).optional(),
});

/**
 * Admin routes of a webhook beyond the generic collection routes: rotating its signing secret,
 * its delivery log, and retrying one delivery.
 */
export const routes: Record<string, Route> = {
  'POST /api/v1/admin/webhooks/{id}/rotate-secret': route({
    access: 'admin',
    params: webhookParams,
    run: async ({ params, principal }) => {
      await requireWebhook(params.id);
      const secret = await rotateWebhookSecret(params.id, authorOf(principal));
      logger.info('webhook secret rotated', { webhook_id: params.id });
      return json(200, { id: params.id, secret });
    },
  }),

  'GET /api/v1/admin/webhooks/{id}/deliveries': route({
    access: 'admin',
    params: webhookParams,
    query: listQuery,
    run: async ({ params, query }) => {
      await requireWebhook(params.id);
      return json(200, await listAttempts(params.id, query.limit, query.cursor));
    },
  }),

  'POST /api/v1/admin/webhooks/{id}/deliveries/{deliveryId}/retry': route({
    access: 'admin',
    params: deliveryParams,
    run: async ({ params }) => {
      const webhook = await requireWebhook(params.id);
      const delivery = await getDelivery(params.deliveryId);
      if (!delivery || delivery.webhookId !== webhook.id) {
        throw new ApiError(
          'config.notFound',
          `webhooks/${params.id} has no delivery ${params.deliveryId}.`,
        );
      }
      if (!webhook.active) {
        throw new ApiError(
          'validation.failed',
          `webhooks/${params.id} is inactive; set active to true before retrying a delivery.`,
          { active: 'must be true to retry a delivery' },
        );
      }
      const now = new Date().toISOString();
      if (!(await requeueDelivery(delivery, now))) {
        throw new ApiError(
          'config.versionConflict',
          `Delivery ${delivery.id} is being attempted right now; reload the log and try again.`,
        );
      }
      logger.info('webhook delivery queued again', {
        webhook_id: webhook.id,
        delivery_id: delivery.id,
      });
      const { deliveredAt: _delivered, ...rest } = delivery;
      const requeued = { ...rest, state: 'pending' as const, attempts: 0, nextAttemptAt: now };
      return json(202, { delivery: deliveryView(requeued) });
    },
  }),
};

export const handler = createHandler(routes);
