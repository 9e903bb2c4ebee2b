import type { Principal } from '../domain/types.js';
import { signGuestToken } from '../guests/tokens.js';
import { callHub } from '../hub/client.js';
import type { ApiResponse } from '../lib/http.js';
import type { TicketDriver } from './types.js';

const path = encodeURIComponent;

function idempotency(options: { idempotencyKey?: string }) {
  return { 'Idempotency-Key': options.idempotencyKey };
}

/** Query values as the hub's routes read them; arrays and objects never appear in queries. */
function queryOf(query: object): Record<string, string | number | undefined> {
  return query as Record<string, string | number | undefined>;
}

interface GuestCreated {
  ticket?: { reference?: string; requester?: { id?: string } };
  accessToken?: string;
}

/**
 * Swaps the hub's guest token for one this installation signs: the guest's later requests
 * come here first, and only this installation can verify its own tokens.
 */
async function withLocalGuestToken(
  response: ApiResponse,
  guest: { name: string; email: string },
): Promise<ApiResponse> {
  const created = response.body as GuestCreated;
  const reference = created.ticket?.reference;
  const id = created.ticket?.requester?.id;
  if (!reference || !id) return response;
  const accessToken = await signGuestToken({ id, name: guest.name, email: guest.email }, reference);
  return { ...response, body: { ...created, accessToken } };
}

function as(principal: Principal) {
  return { actingUser: principal };
}

/**
 * Keeps no tickets. Every operation calls the same route on the hub with this installation's
 * API key for the signed-in user, and the hub applies its own rules.
 */
export const cloudDriver: TicketDriver = {
  mode: 'cloud',
  customer: {
    list: (principal, query) =>
      callHub({ method: 'GET', path: '/tickets', query: queryOf(query), ...as(principal) }),
    get: (principal, reference) =>
      callHub({ method: 'GET', path: `/tickets/${path(reference)}`, ...as(principal) }),
    create: (principal, body, options) =>
      callHub({
        method: 'POST',
        path: '/tickets',
        body,
        headers: idempotency(options),
        ...as(principal),
      }),
    reply: (principal, reference, body, options) =>
      callHub({
        method: 'POST',
        path: `/tickets/${path(reference)}/replies`,
        body,
        headers: idempotency(options),
        ...as(principal),
      }),
    rate: (principal, reference, body) =>
      callHub({
        method: 'POST',
        path: `/tickets/${path(reference)}/rating`,
        body,
        ...as(principal),
      }),
    close: (principal, reference) =>
      callHub({
        method: 'POST',
        path: `/tickets/${path(reference)}/close`,
        body: {},
        ...as(principal),
      }),
    reopen: (principal, reference) =>
      callHub({
        method: 'POST',
        path: `/tickets/${path(reference)}/reopen`,
        body: {},
        ...as(principal),
      }),
  },
  guest: {
    create: async (input, options) => {
      const response = await callHub({
        method: 'POST',
        path: '/guest/tickets',
        body: input,
        headers: idempotency(options),
      });
      return withLocalGuestToken(response, input);
    },
  },
  agent: {
    list: (principal, query) =>
      callHub({ method: 'GET', path: '/agent/tickets', query: queryOf(query), ...as(principal) }),
    get: (principal, reference) =>
      callHub({ method: 'GET', path: `/agent/tickets/${path(reference)}`, ...as(principal) }),
    update: (principal, reference, body, options) =>
      callHub({
        method: 'PATCH',
        path: `/agent/tickets/${path(reference)}`,
        body,
        headers: { 'If-Match': options.ifMatch },
        ...as(principal),
      }),
    reply: (principal, reference, body, options) =>
      callHub({
        method: 'POST',
        path: `/agent/tickets/${path(reference)}/replies`,
        body,
        headers: idempotency(options),
        ...as(principal),
      }),
    follow: (principal, reference, following) =>
      callHub({
        method: 'POST',
        path: `/agent/tickets/${path(reference)}/follow`,
        body: following === undefined ? {} : { following },
        ...as(principal),
      }),
    pin: (principal, reference, replyId) =>
      callHub({
        method: 'POST',
        path: `/agent/tickets/${path(reference)}/pin/${path(replyId)}`,
        body: {},
        ...as(principal),
      }),
    macro: (principal, reference, macroId) =>
      callHub({
        method: 'POST',
        path: `/agent/tickets/${path(reference)}/macro`,
        body: { macroId },
        ...as(principal),
      }),
    bulk: (principal, body) =>
      callHub({ method: 'POST', path: '/agent/tickets/bulk', body, ...as(principal) }),
    dashboard: (principal) =>
      callHub({ method: 'GET', path: '/agent/dashboard', ...as(principal) }),
  },
};
