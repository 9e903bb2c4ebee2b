import { config } from '../lib/config.js';
import { createHandler } from '../lib/handler.js';
import { json, route, type Route } from '../lib/http.js';
import { syncBacklog } from '../sync/backlog.js';

const startedAt = new Date().toISOString();

/** Liveness, the hosting mode in use and, in synced mode, the events not yet at the hub. */
export const routes: Record<string, Route> = {
  'GET /api/v1/health': route({
    access: 'public',
    runsInCloud: true,
    run: async () => {
      const { mode, stage } = config();
      const sync = mode === 'synced' ? await syncBacklog() : undefined;
      return json(200, { status: 'ok', mode, stage, startedAt, ...(sync ? { sync } : {}) });
    },
  }),
};

export const handler = createHandler(routes);
