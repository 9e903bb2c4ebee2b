import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { PRIORITIES } from '../domain/enums.js';
import type { Principal, Ticket } from '../domain/types.js';
import { signGuestToken } from '../guests/tokens.js';
import { config } from '../lib/config.js';
import { ApiError } from '../lib/errors.js';
import { createHandler } from '../lib/handler.js';
import { route, type Route } from '../lib/http.js';
import { text } from '../lib/validation.js';
import { getSettings } from '../store/configuration.js';
import { idempotencyScope } from '../store/idempotency.js';
import { createTicket } from '../tickets/create.js';

const guestTicketBody = z.strictObject({
  name: text(1, 200),
  email: z.email('must be an email address such as grace@example.com').max(320),
  subject: text(1, 255),
  body: text(1, 65_535),
  priority: z.enum(PRIORITIES).optional(),
  departmentId: z.string().trim().min(1).max(200).nullable().optional(),
});

/** Builds the link a guest's emails carry: the host's portal page with the token in the fragment. */
function guestLink(reference: string, token: string): string | undefined {
  const portal = config().portalUrl;
  if (!portal) return undefined;
  const url = new URL(portal);
  url.searchParams.set('ticket', reference);
  url.hash = `escalated-token=${token}`;
  return url.toString();
}

/** Guest routes: a ticket without an account, answered with a token for that one ticket. */
export const routes: Record<string, Route> = {
  'POST /api/v1/guest/tickets': route({
    access: 'public',
    limitAnonymous: true,
    body: guestTicketBody,
    run: async ({ body, headers, routeKey }) => {
      if (!(await getSettings()).guestTicketsEnabled) {
        throw new ApiError(
          'auth.forbidden',
          'This helpdesk does not accept tickets from guests; sign in to open one.',
        );
      }
      const { name, email, ...ticket } = body;
      const guest: Principal = {
        id: `guest-${randomUUID()}`,
        name,
        email,
        role: 'customer',
        departments: [],
        guest: true,
      };
      const scope = idempotencyScope(
        headers['idempotency-key'],
        `guest:${email.toLowerCase()}`,
        routeKey,
        body,
      );
      const { response } = await createTicket(guest, ticket, {
        channel: 'guest',
        scope,
        guestAccess: async (created: Ticket) => {
          const accessToken = await signGuestToken(
            { id: guest.id, name, email },
            created.reference,
          );
          return { body: { accessToken }, link: guestLink(created.reference, accessToken) };
        },
      });
      return response;
    },
  }),
};

export const handler = createHandler(routes);
