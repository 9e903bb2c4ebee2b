import { createHandler } from '../lib/handler.js';
import { json, route, type Route } from '../lib/http.js';
import { applySyncEvent, type SyncResult } from '../sync/apply.js';
import { syncBatchBody } from '../sync/schema.js';

/**
 * The hub side of `synced` mode: another installation's events, applied in the order sent,
 * each at most once. The response lists each event's outcome so the sender can settle its outbox.
 */
export const routes: Record<string, Route> = {
  'POST /api/v1/sync/events': route({
    access: 'sync',
    runsInCloud: true,
    body: syncBatchBody,
    run: async ({ principal, body }) => {
      const results: SyncResult[] = [];
      for (const event of body.events) results.push(await applySyncEvent(event, principal));
      const count = (status: SyncResult['status']) =>
        results.filter((result) => result.status === status).length;
      return json(200, {
        results,
        applied: count('applied'),
        duplicates: count('duplicate'),
        rejected: count('rejected'),
        failed: count('failed'),
      });
    },
  }),
};

export const handler = createHandler(routes);
