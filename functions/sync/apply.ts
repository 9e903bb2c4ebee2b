import type { Activity, Principal, Reply, Ticket, TicketSource } from '../domain/types.js';
import { formatReference } from '../domain/reference.js';
import { getSettings } from '../store/configuration.js';
import { nextCounterValue } from '../store/counters.js';
import { keys } from '../store/keys.js';
import {
  getItem,
  TransactionConflictError,
  transactWrite,
  type TransactItem,
} from '../store/table.js';
import { activityWrites, ticketWrite } from '../tickets/items.js';
import { loadTicket } from '../tickets/repository.js';
import type { z } from 'zod';
import { logger } from '../lib/logger.js';
import { fieldErrors } from '../lib/validation.js';
import { syncPayloadSchema, type SyncEventInput, type SyncPayloadInput } from './schema.js';

/** How long the hub remembers an applied event id: far beyond any sender's retries. */
const EVENT_MEMORY_SECONDS = 90 * 24 * 60 * 60;
const MAX_ATTEMPTS = 5;

/**
 * The outcome of one event of a batch: `rejected` events cannot be applied as sent, `failed`
 * ones met a passing fault on the hub and should be sent again.
 */
export interface SyncResult {
  id: string;
  status: 'applied' | 'duplicate' | 'rejected' | 'failed';
  /** The hub's reference of the ticket the event is about. */
  reference?: string;
  message?: string;
}

/**
 * Index keys a synced ticket drops. It never appears in a customer's list on the hub (gsi1).
 * Its assignee and department are its installation's, so the hub's round-robin, caps and
 * per-agent or per-department queues leave it alone (gsi3, gsi4). The hub's SLA, escalation
 * and auto-close sweeps leave it to its installation too (gsi6, gsi7, gsi8).
 */
const SOURCE_OWNED_KEYS = /^gsi(1|3|4|6|7|8)(pk|sk)$/;

/** Builds the conditional put of a synced ticket, without the index keys its source owns. */
function mirrorWrite(ticket: Ticket, expectedVersion: number | null): TransactItem {
  const write = ticketWrite(ticket, expectedVersion);
  const item = Object.fromEntries(
    Object.entries(write.Put!.Item ?? {}).filter(([name]) => !SOURCE_OWNED_KEYS.test(name)),
  );
  return { Put: { ...write.Put!, Item: item } };
}

function mirrorOf(
  payload: SyncPayloadInput,
  reference: string,
  source: TicketSource,
  version: number,
): Ticket {
  const snapshot = payload.ticket as Ticket;
  return {
    ...snapshot,
    reference,
    source,
    version,
    rulesCheckAt: null,
    firedRules: [],
    slaClock: snapshot.slaClock ?? null,
  };
}

async function allocateReference(): Promise<string> {
  const settings = await getSettings();
  return formatReference(settings.referencePrefix, await nextCounterValue('ticket-reference'));
}

/** Finds the hub's reference of a source ticket, or draws a new one with its mapping put. */
async function hubReference(
  keyId: string,
  sourceReference: string,
): Promise<{ reference: string; mappingWrite?: TransactItem }> {
  const key = keys.syncSource(keyId, sourceReference);
  const existing = await getItem<{ reference: string }>(key);
  if (existing) return { reference: existing.reference };
  const reference = await allocateReference();
  return {
    reference,
    mappingWrite: {
      Put: {
        Item: { ...key, entity: 'sync-source', reference, sourceReference, keyId },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
  };
}

function replyPut(reference: string, reply: Reply): TransactItem {
  return {
    Put: {
      Item: { ...keys.reply(reference, reply.createdAt, reply.id), entity: 'reply', ...reply },
    },
  };
}

function eventRecord(event: SyncEventInput, keyId: string, reference: string, at: string) {
  return {
    Put: {
      Item: {
        ...keys.syncEvent(keyId, event.id),
        entity: 'sync-event',
        keyId,
        type: event.type,
        reference,
        appliedAt: at,
        expiresAt: Math.floor(Date.parse(at) / 1000) + EVENT_MEMORY_SECONDS,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  } satisfies TransactItem;
}

/** Builds the writes of one event: its record first, then what it changes on the hub. */
async function writesFor(
  event: SyncEventInput,
  payload: SyncPayloadInput,
  sender: Principal,
): Promise<{ reference: string; writes: TransactItem[] }> {
  const keyId = sender.apiKey!.id;
  const { reference, mappingWrite } = await hubReference(keyId, payload.ticket.reference);
  const current = mappingWrite ? undefined : await loadTicket(reference);
  const source: TicketSource = {
    installationId: keyId,
    installationName: sender.name,
    reference: payload.ticket.reference,
    version: payload.ticket.version,
  };
  const at = new Date().toISOString();
  const writes: TransactItem[] = [eventRecord(event, keyId, reference, at)];
  if (mappingWrite) writes.push(mappingWrite);
  if (!current) {
    writes.push(mirrorWrite(mirrorOf(payload, reference, source, 1), null));
  } else if ((current.source?.version ?? 0) < payload.ticket.version) {
    const next = mirrorOf(payload, reference, source, current.version + 1);
    writes.push(mirrorWrite(next, current.version));
  }
  // Replies, activity and ratings are keyed by their own ids: writing one again changes nothing.
  if (payload.reply) writes.push(replyPut(reference, payload.reply));
  const activity: Activity = { ...payload.activity };
  writes.push(...activityWrites(reference, [activity]).map(withoutAgeIndex));
  if (payload.rating) {
    writes.push({
      Put: { Item: { ...keys.rating(reference), entity: 'rating', ...payload.rating } },
    });
  }
  return { reference, writes };
}

/** Synced activity stays out of the hub's purge index; its installation purges its own. */
function withoutAgeIndex(write: TransactItem): TransactItem {
  const { gsi8pk: _pk, gsi8sk: _sk, ...item } = write.Put!.Item ?? {};
  return { Put: { ...write.Put!, Item: item } };
}

/** Builds the rejection of an unusable payload, naming each bad field as `fieldErrors` does. */
function rejected(id: string, error: z.ZodError): SyncResult {
  const fields = fieldErrors(error, 'payload');
  const message = Object.entries(fields)
    .map(([field, problem]) => `payload.${field}: ${problem}`)
    .join('; ');
  return { id, status: 'rejected', message };
}

/**
 * Applies one event from a synced installation exactly once: the event id is recorded with a
 * conditional put in the same transaction as the change, so a second delivery finds it and
 * changes nothing. An event whose ticket snapshot is older than the stored one is recorded, and
 * its reply and activity are written, but the ticket keeps the newer snapshot.
 */
export async function applySyncEvent(
  event: SyncEventInput,
  sender: Principal,
): Promise<SyncResult> {
  const parsed = syncPayloadSchema.safeParse(event.payload, { reportInput: true });
  if (!parsed.success) return rejected(event.id, parsed.error);
  try {
    return await applyParsed(event, parsed.data, sender);
  } catch (error) {
    return failure(event.id, error, sender);
  }
}

/** Names a DynamoDB refusal of the data itself (an item over 400 KB); anything else may pass. */
function isPermanent(error: unknown): boolean {
  return error instanceof Error && error.name === 'ValidationException';
}

function failure(id: string, error: unknown, sender: Principal): SyncResult {
  const permanent = isPermanent(error);
  logger.error('sync event not applied', {
    event_id: id,
    key_id: sender.apiKey?.id,
    permanent,
    error: error instanceof Error ? error : String(error),
  });
  return permanent
    ? { id, status: 'rejected', message: 'The event is too large to store; it cannot be applied.' }
    : { id, status: 'failed', message: 'The hub could not apply the event now; send it again.' };
}

async function applyParsed(
  event: SyncEventInput,
  payload: SyncPayloadInput,
  sender: Principal,
): Promise<SyncResult> {
  const keyId = sender.apiKey!.id;
  for (let attempt = 1; ; attempt += 1) {
    const seen = await getItem<{ reference: string }>(keys.syncEvent(keyId, event.id));
    if (seen) return { id: event.id, status: 'duplicate', reference: seen.reference };
    const { reference, writes } = await writesFor(event, payload, sender);
    try {
      await transactWrite(writes);
      return { id: event.id, status: 'applied', reference };
    } catch (error) {
      if (!(error instanceof TransactionConflictError) || attempt >= MAX_ATTEMPTS) throw error;
      // Another delivery of this event, or another event of the ticket, won the race: re-read.
    }
  }
}
