import { ApiError } from '../lib/errors.js';
import { createHandler } from '../lib/handler.js';
import { route } from '../lib/http.js';

/** Answers every request no other route matches with the error envelope's 404. */
export const handler = createHandler({
  $default: route({
    access: 'public',
    run: async () => {
      throw new ApiError(
        'route.notFound',
        'No such route; see /api/v1/openapi.json for the routes.',
      );
    },
  }),
});
