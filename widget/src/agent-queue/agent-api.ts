import type {
  BulkInput,
  BulkResult,
  CannedResponse,
  Dashboard,
  Macro,
  Presence,
  TagDefinition,
  Ticket,
} from '../shared/api-types.js';
import {
  itemsOf,
  ticketPath,
  type EscalatedClient,
  type RequestOptions,
} from '../shared/client.js';

// Agent-only routes. They live here rather than on EscalatedClient so that the portal's
// first download does not carry them.

const agentTicket = (reference: string): string => ticketPath('/agent/tickets', reference);

/** Follows (`true`) or stops following (`false`) a ticket, and returns the new state. */
export async function setFollowing(
  client: EscalatedClient,
  reference: string,
  following: boolean,
  options: RequestOptions,
): Promise<boolean> {
  const path = `${agentTicket(reference)}/follow`;
  const result = await client.request<{ following: boolean }>(path, {
    ...options,
    method: 'POST',
    body: { following },
  });
  return result.following;
}

/** Pins an unpinned internal note or unpins a pinned one, and returns whether it is pinned. */
export async function togglePin(
  client: EscalatedClient,
  reference: string,
  replyId: string,
  options: RequestOptions,
): Promise<boolean> {
  const path = `${agentTicket(reference)}/pin/${encodeURIComponent(replyId)}`;
  const result = await client.request<{ pinned: boolean }>(path, {
    ...options,
    method: 'POST',
    body: {},
  });
  return result.pinned;
}

/** Lists the tag catalogue. */
export async function listTags(
  client: EscalatedClient,
  options: RequestOptions,
): Promise<TagDefinition[]> {
  return itemsOf(await client.request<unknown>('/agent/tags', { ...options, method: 'GET' }));
}

/** Lists the canned responses the agent may use. */
export async function listCannedResponses(
  client: EscalatedClient,
  options: RequestOptions,
): Promise<CannedResponse[]> {
  const path = '/agent/canned-responses';
  return itemsOf(await client.request<unknown>(path, { ...options, method: 'GET' }));
}

/** Lists the macros the agent may apply. */
export async function listMacros(
  client: EscalatedClient,
  options: RequestOptions,
): Promise<Macro[]> {
  return itemsOf(await client.request<unknown>('/agent/macros', { ...options, method: 'GET' }));
}

/** Applies a macro's actions to a ticket and returns the changed ticket. */
export async function applyMacro(
  client: EscalatedClient,
  reference: string,
  macroId: string,
  options: RequestOptions,
): Promise<Ticket> {
  const path = `${agentTicket(reference)}/macro`;
  const result = await client.request<{ ticket: Ticket }>(path, {
    ...options,
    method: 'POST',
    body: { macroId },
  });
  return result.ticket;
}

/** Applies one action to 1–100 tickets. Each ticket succeeds or fails on its own. */
export function bulkUpdate(
  client: EscalatedClient,
  input: BulkInput,
  options: RequestOptions,
): Promise<BulkResult> {
  return client.request('/agent/tickets/bulk', { ...options, method: 'POST', body: input });
}

/** Reads the counts and short lists of the agent's dashboard. */
export function getDashboard(client: EscalatedClient, options: RequestOptions): Promise<Dashboard> {
  return client.request('/agent/dashboard', { ...options, method: 'GET' });
}

/** Reports that the agent has the ticket open (and is typing), and returns the other agents. */
export function sendPresence(
  client: EscalatedClient,
  reference: string,
  typing: boolean,
  options: RequestOptions,
): Promise<Presence> {
  const path = `${agentTicket(reference)}/presence`;
  const body = typing ? { typing: true } : {};
  return client.request(path, { ...options, method: 'POST', body });
}
