import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Principal } from '../domain/types.js';
import { ddb } from '../lib/aws.js';
import { getSettings } from '../store/configuration.js';
import { keys } from '../store/keys.js';
import { queryAll, tableName } from '../store/table.js';
import { agentCanSee, assertVisible, scopedDepartments } from '../tickets/access.js';
import { loadTicket } from '../tickets/repository.js';
import {
  activeViewers,
  TYPING_WINDOW_MS,
  VIEWER_WINDOW_MS,
  type PresenceRecord,
  type Viewer,
} from './viewers.js';

/** Builds an agent's presence item in a ticket's partition, with a TTL of the viewer window. */
export function presenceItem(
  reference: string,
  agent: { id: string; name: string },
  typing: boolean,
  now: Date,
): Record<string, unknown> {
  const record: PresenceRecord = {
    agentId: agent.id,
    name: agent.name,
    lastSeenAt: now.toISOString(),
    typingUntil: typing ? new Date(now.getTime() + TYPING_WINDOW_MS).toISOString() : undefined,
  };
  return {
    ...keys.presence(reference, agent.id),
    entity: 'presence',
    ...record,
    expiresAt: Math.floor((now.getTime() + VIEWER_WINDOW_MS) / 1000),
  };
}

/**
 * Lists the agents viewing a ticket at `now`, except `exceptId`, for the agent ticket detail
 * and the heartbeat response.
 */
export async function listViewers(
  reference: string,
  now: Date,
  exceptId?: string,
): Promise<Viewer[]> {
  const records = await queryAll<PresenceRecord>({
    partition: keys.ticketPartition(reference),
    sortPrefix: keys.presencePrefix(),
  });
  return activeViewers(records, now, exceptId);
}

/** Other agents on the ticket, and those of them who are typing. */
export interface PresenceView {
  viewers: Viewer[];
  typers: Viewer[];
}

/**
 * Records an agent's heartbeat on a ticket and returns the other agents viewing it.
 * Throws the hiding 404 when the ticket is missing or outside the agent's departments.
 */
export async function heartbeat(
  principal: Principal,
  reference: string,
  typing: boolean,
  now = new Date(),
): Promise<PresenceView> {
  const scope = await scopedDepartments(principal, await getSettings());
  const ticket = await loadTicket(reference);
  assertVisible(ticket !== undefined && agentCanSee(scope, ticket), reference);

  const put = new PutCommand({
    TableName: tableName(),
    Item: presenceItem(reference, principal, typing, now),
  });
  const [, viewers] = await Promise.all([
    ddb().send(put),
    listViewers(reference, now, principal.id),
  ]);
  return { viewers, typers: viewers.filter((viewer) => viewer.typing) };
}
