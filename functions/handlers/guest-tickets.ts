import { z } from 'zod';
import { PRIORITIES } from '../domain/enums.js';
import { ticketDriver } from '../drivers/index.js';
import { createHandler } from '../lib/handler.js';
import { route, type Route } from '../lib/http.js';
import { text } from '../lib/validation.js';

const guestTicketBody = z.strictObject({
  name: text(1, 200),
  email: z.email('must be an email address such as grace@example.com').max(320),
  subject: text(1, 255),
  body: text(1, 65_535),
  priority: z.enum(PRIORITIES).optional(),
  departmentId: z.string().trim().min(1).max(200).nullable().optional(),
});

/** Guest routes: a ticket without an account, answered with a token for that one ticket. */
export const routes: Record<string, Route> = {
  'POST /api/v1/guest/tickets': route({
    access: 'public',
    runsInCloud: true,
    limitAnonymous: true,
    body: guestTicketBody,
    run: ({ body, headers, principal }) =>
      ticketDriver().guest.create(body, {
        idempotencyKey: headers['idempotency-key'],
        viaKey: principal.apiKey,
      }),
  }),
};

export const handler = createHandler(routes);
