import { ApiError } from '../lib/errors.js';
import { createHandler } from '../lib/handler.js';
import { route, type Route } from '../lib/http.js';

/** Answers every request no other route matches with the error envelope's 404. */
export const routes: Record<string, Route> = {
  $default: route({
    access: 'public',
    runsInCloud: true,
    run: async () => {
      throw new ApiError(
        'route.notFound',
        'No such route; see /api/v1/openapi.json for the routes.',
      );
    },
  }),
};

export const handler = createHandler(routes);
