import { isOpenStatus, type Priority, type Status } from '../domain/enums.js';

/** Sort prefix of each priority in the priority index: critical sorts first. */
const PRIORITY_RANK: Record<Priority, number> = {
  critical: 0,
  urgent: 1,
  high: 2,
  medium: 3,
  low: 4,
};

/**
 * Every key of the single table is built here. Items carry generic key attributes
 * (`pk`, `sk`, `gsi1pk`…`gsi5sk`) and an `entity` attribute naming their type.
 *
 * Partitions and their sort keys:
 * - `TICKET#<reference>`: `TICKET`, `REPLY#<createdAt>#<id>`, `ACTIVITY#<createdAt>#<id>`,
 *   `PRESENCE#<agent id>` (an agent's viewing heartbeat, expiring by TTL)
 * - `ATTACHMENT#<id>`: `ATTACHMENT`, an uploaded file and the ticket it is attached to
 * - `USER#<id>`: `PROFILE`
 * - `CONFIG`: `SETTINGS`, `<KIND>#<id>` for each configuration collection (`DEPARTMENT`,
 *   `CALENDAR`, `SLA_POLICY`, `ESCALATION_RULE`, …)
 * - `AUDIT`: `<at>#<id>`, the admin audit log
 * - `WEBHOOK#<id>`: `SECRET` (the signing secret, kept out of the webhook's CONFIG item so
 *   lists, reads and the audit log never contain it), `ATTEMPT#<at>#<id>` (the delivery log)
 * - `WEBHOOK_DELIVERY#<id>`: `DELIVERY`, one event queued for one webhook
 * - `WEBHOOK_CHANGE#<id>`: `TICKET` and `REPLY`, the ticket and reply a change's deliveries send
 * - `COUNTER#<name>`: `COUNTER`
 * - `IDEMPOTENCY#<principal>#<key>`: `IDEMPOTENCY`
 * - `SYNC_OUT#<id>`: `SYNC_OUT`, an event waiting to be sent to the hub (synced mode)
 * - `SYNC_EVENT#<key id>#<id>`: `SYNC_EVENT`, an event a hub has applied, so it applies once
 * - `SYNC_SOURCE#<key id>#<reference>`: `SYNC_SOURCE`, the hub's reference of a synced ticket
 *
 * Indexes (all project every attribute):
 * - gsi1: a requester's tickets by last activity; agents by name
 * - gsi2: tickets by status and last activity
 * - gsi3: tickets by assignee (or `none`), open or done, and last activity
 * - gsi4: tickets by department (or `none`), open or done, and last activity
 * - gsi5: every ticket, open or done, by last activity
 * - gsi6 (keys only, sparse): open tickets whose SLA warning or breach falls due, by that time
 * - gsi7 (keys only, sparse): open tickets whose escalation rules need evaluating, by time
 * - gsi8 (keys only, sparse): resolved tickets by resolution time; activity entries by day;
 *   outbox items, sync events and pending webhook deliveries by next attempt; dead sync events
 * - gsi9 (sparse): open tickets with a running SLA clock, by their earliest deadline
 * - gsi10: every ticket, open or done, by creation time
 * - gsi11: every ticket, open or done, by priority (critical first), then oldest activity
 */
export const INDEX = {
  requester: 'gsi1',
  status: 'gsi2',
  assignee: 'gsi3',
  department: 'gsi4',
  queue: 'gsi5',
  slaDue: 'gsi6',
  rulesDue: 'gsi7',
  aging: 'gsi8',
  slaDeadline: 'gsi9',
  created: 'gsi10',
  priority: 'gsi11',
} as const;

/** Attribute names of each index's partition and sort key. */
export const INDEX_KEYS: Record<string, { pk: string; sk: string }> = {
  gsi1: { pk: 'gsi1pk', sk: 'gsi1sk' },
  gsi2: { pk: 'gsi2pk', sk: 'gsi2sk' },
  gsi3: { pk: 'gsi3pk', sk: 'gsi3sk' },
  gsi4: { pk: 'gsi4pk', sk: 'gsi4sk' },
  gsi5: { pk: 'gsi5pk', sk: 'gsi5sk' },
  gsi6: { pk: 'gsi6pk', sk: 'gsi6sk' },
  gsi7: { pk: 'gsi7pk', sk: 'gsi7sk' },
  gsi8: { pk: 'gsi8pk', sk: 'gsi8sk' },
  gsi9: { pk: 'gsi9pk', sk: 'gsi9sk' },
  gsi10: { pk: 'gsi10pk', sk: 'gsi10sk' },
  gsi11: { pk: 'gsi11pk', sk: 'gsi11sk' },
};

/** Table key of one item. */
export interface ItemKey {
  pk: string;
  sk: string;
}

const UNASSIGNED = 'none';

/** Open or done, the split the queue indexes make. */
export type Openness = 'open' | 'done';

export function openness(status: Status): Openness {
  return isOpenStatus(status) ? 'open' : 'done';
}

export const keys = {
  ticketPartition: (reference: string) => `TICKET#${reference}`,
  ticket: (reference: string): ItemKey => ({ pk: `TICKET#${reference}`, sk: 'TICKET' }),
  reply: (reference: string, createdAt: string, id: string): ItemKey => ({
    pk: `TICKET#${reference}`,
    sk: `REPLY#${createdAt}#${id}`,
  }),
  activity: (reference: string, createdAt: string, id: string): ItemKey => ({
    pk: `TICKET#${reference}`,
    sk: `ACTIVITY#${createdAt}#${id}`,
  }),
  rating: (reference: string): ItemKey => ({ pk: `TICKET#${reference}`, sk: 'RATING' }),
  apiKeyLookup: (hash: string): ItemKey => ({ pk: `APIKEY#${hash}`, sk: 'APIKEY' }),
  reportPartition: (scope: string) => `REPORT#${scope}`,
  reportDay: (scope: string, day: string): ItemKey => ({ pk: `REPORT#${scope}`, sk: day }),
  user: (id: string): ItemKey => ({ pk: `USER#${id}`, sk: 'PROFILE' }),
  settings: (): ItemKey => ({ pk: 'CONFIG', sk: 'SETTINGS' }),
  configPartition: () => 'CONFIG',
  department: (id: string): ItemKey => ({ pk: 'CONFIG', sk: `DEPARTMENT#${id}` }),
  departmentPrefix: () => 'DEPARTMENT#',
  counter: (name: string): ItemKey => ({ pk: `COUNTER#${name}`, sk: 'COUNTER' }),
  // The principal is URI-encoded so a `#` in a user id cannot run into the key that follows.
  idempotency: (principalId: string, key: string): ItemKey => ({
    pk: `IDEMPOTENCY#${encodeURIComponent(principalId)}#${key}`,
    sk: 'IDEMPOTENCY',
  }),
  seedMarker: (): ItemKey => ({ pk: 'CONFIG', sk: 'SEED' }),
  rateWindow: (key: string, windowStart: number): ItemKey => ({
    pk: `RATE#${key}`,
    sk: String(windowStart),
  }),
  configItem: (kind: string, id: string): ItemKey => ({ pk: 'CONFIG', sk: `${kind}#${id}` }),
  configPrefix: (kind: string) => `${kind}#`,
  auditPartition: () => 'AUDIT',
  auditEntry: (at: string, id: string): ItemKey => ({ pk: 'AUDIT', sk: `${at}#${id}` }),

  requesterTickets: (userId: string) => `REQUESTER#${userId}`,
  agentsByName: () => 'AGENTS',
  statusQueue: (status: Status) => `STATUS#${status}`,
  assigneeQueue: (assigneeId: string | null, state: Openness) =>
    `ASSIGNEE#${assigneeId ?? UNASSIGNED}#${state}`,
  departmentQueue: (departmentId: string | null, state: Openness) =>
    `DEPARTMENT#${departmentId ?? UNASSIGNED}#${state}`,
  queue: (state: Openness) => `QUEUE#${state}`,
  slaDue: () => 'DUE#sla',
  rulesDue: () => 'DUE#rules',
  resolvedTickets: () => 'RESOLVED',
  activityDay: (day: string) => `ACTIVITY#${day}`,
  slaDeadlines: () => 'SLA#open',
  outbox: () => 'OUTBOX',
  outboxItem: (id: string): ItemKey => ({ pk: `OUTBOX#${id}`, sk: 'OUTBOX' }),
  syncOutbox: () => 'SYNC_OUTBOX',
  syncOutboxDead: () => 'SYNC_OUTBOX_DEAD',
  syncOutboxItem: (id: string): ItemKey => ({ pk: `SYNC_OUT#${id}`, sk: 'SYNC_OUT' }),
  syncEvent: (keyId: string, id: string): ItemKey => ({
    pk: `SYNC_EVENT#${keyId}#${id}`,
    sk: 'SYNC_EVENT',
  }),
  syncSource: (keyId: string, reference: string): ItemKey => ({
    pk: `SYNC_SOURCE#${keyId}#${reference}`,
    sk: 'SYNC_SOURCE',
  }),
  createdQueue: (state: Openness) => `CREATED#${state}`,
  priorityQueue: (state: Openness) => `PRIORITY#${state}`,

  webhookPartition: (webhookId: string) => `WEBHOOK#${webhookId}`,
  webhookSecret: (webhookId: string): ItemKey => ({ pk: `WEBHOOK#${webhookId}`, sk: 'SECRET' }),
  webhookAttempt: (webhookId: string, at: string, id: string): ItemKey => ({
    pk: `WEBHOOK#${webhookId}`,
    sk: `ATTEMPT#${at}#${id}`,
  }),
  webhookAttemptPrefix: () => 'ATTEMPT#',
  webhookOutbox: () => 'WEBHOOK_OUTBOX',
  webhookDelivery: (id: string): ItemKey => ({ pk: `WEBHOOK_DELIVERY#${id}`, sk: 'DELIVERY' }),
  webhookDeliveryId: (pk: string) => pk.slice('WEBHOOK_DELIVERY#'.length),
  webhookChangePartition: (changeId: string) => `WEBHOOK_CHANGE#${changeId}`,
  webhookChangeTicket: (changeId: string): ItemKey => ({
    pk: `WEBHOOK_CHANGE#${changeId}`,
    sk: 'TICKET',
  }),
  webhookChangeReply: (changeId: string): ItemKey => ({
    pk: `WEBHOOK_CHANGE#${changeId}`,
    sk: 'REPLY',
  }),

  presence: (reference: string, agentId: string): ItemKey => ({
    pk: `TICKET#${reference}`,
    sk: `PRESENCE#${agentId}`,
  }),
  presencePrefix: () => 'PRESENCE#',
  attachment: (id: string): ItemKey => ({ pk: `ATTACHMENT#${id}`, sk: 'ATTACHMENT' }),
  /** S3 object key of an attachment's bytes in the attachments bucket. */
  attachmentObject: (id: string) => `uploads/${id}`,
};

/** The fields of a ticket its index keys are made from. */
export interface TicketIndexSource {
  reference: string;
  status: Status;
  assigneeId: string | null;
  departmentId: string | null;
  requester: { id: string };
  updatedAt: string;
  resolvedAt?: string | null;
  /** When the SLA sweep must next look at the ticket, if ever. */
  slaCheckAt?: string | null;
  /** When the escalation sweep must next look at the ticket, if ever. */
  rulesCheckAt?: string | null;
  /** Earliest deadline of a running SLA clock, if any. */
  slaDeadline?: string | null;
  createdAt?: string;
  priority?: Priority;
}

/** Builds every index key attribute of a ticket item from the ticket's current state. */
export function ticketIndexKeys(ticket: TicketIndexSource): Record<string, string> {
  const state = openness(ticket.status);
  const byActivity = `${ticket.updatedAt}#${ticket.reference}`;
  return {
    gsi1pk: keys.requesterTickets(ticket.requester.id),
    gsi1sk: byActivity,
    gsi2pk: keys.statusQueue(ticket.status),
    gsi2sk: byActivity,
    gsi3pk: keys.assigneeQueue(ticket.assigneeId, state),
    gsi3sk: byActivity,
    gsi4pk: keys.departmentQueue(ticket.departmentId, state),
    gsi4sk: byActivity,
    gsi5pk: keys.queue(state),
    gsi5sk: byActivity,
    ...(ticket.createdAt
      ? { gsi10pk: keys.createdQueue(state), gsi10sk: `${ticket.createdAt}#${ticket.reference}` }
      : {}),
    ...(ticket.priority
      ? {
          gsi11pk: keys.priorityQueue(state),
          gsi11sk: `${PRIORITY_RANK[ticket.priority]}#${byActivity}`,
        }
      : {}),
    ...dueKeys(ticket, state),
  };
}

function dueKeys(ticket: TicketIndexSource, state: Openness): Record<string, string> {
  const due: Record<string, string> = {};
  if (state === 'open' && ticket.slaCheckAt) {
    due.gsi6pk = keys.slaDue();
    due.gsi6sk = `${ticket.slaCheckAt}#${ticket.reference}`;
  }
  if (state === 'open' && ticket.rulesCheckAt) {
    due.gsi7pk = keys.rulesDue();
    due.gsi7sk = `${ticket.rulesCheckAt}#${ticket.reference}`;
  }
  if (state === 'open' && ticket.slaDeadline) {
    due.gsi9pk = keys.slaDeadlines();
    due.gsi9sk = `${ticket.slaDeadline}#${ticket.reference}`;
  }
  if (ticket.status === 'resolved' && ticket.resolvedAt) {
    due.gsi8pk = keys.resolvedTickets();
    due.gsi8sk = `${ticket.resolvedAt}#${ticket.reference}`;
  }
  return due;
}

/** Builds the index keys that list an agent or admin by name. */
export function agentIndexKeys(user: { id: string; name: string }): Record<string, string> {
  return { gsi1pk: keys.agentsByName(), gsi1sk: `${user.name.toLowerCase()}#${user.id}` };
}
