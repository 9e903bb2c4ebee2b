import { randomUUID } from 'node:crypto';
import type { Author } from '../domain/types.js';
import { ApiError } from '../lib/errors.js';
import { keys } from './keys.js';
import {
  TransactionConflictError,
  getItem,
  queryAll,
  queryPage,
  transactWrite,
  type Page,
  type TransactItem,
} from './table.js';

/** Fields every configuration item carries besides its own data. */
export interface ConfigMeta {
  id: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** One entry of the admin audit log. */
export interface AuditEntry {
  id: string;
  at: string;
  actor: Author;
  action: 'create' | 'update' | 'delete';
  collection: string;
  targetId: string;
  before: unknown;
  after: unknown;
}

const KEY_ATTRIBUTES = new Set(['pk', 'sk', 'entity']);

function strip<T>(item: Record<string, unknown>): T {
  return Object.fromEntries(
    Object.entries(item).filter(([name]) => !KEY_ATTRIBUTES.has(name)),
  ) as T;
}

/** Builds the put of an audit log entry, to be written in the transaction of the change. */
export function auditWrite(entry: AuditEntry): TransactItem {
  return { Put: { Item: { ...keys.auditEntry(entry.at, entry.id), entity: 'audit', ...entry } } };
}

/** Condition that the stored item is still the version read; items written without one match. */
function versionCondition(current: ConfigMeta) {
  if (typeof current.version !== 'number') {
    return {
      ConditionExpression: 'attribute_not_exists(#version)',
      ExpressionAttributeNames: { '#version': 'version' },
    };
  }
  return {
    ConditionExpression: '#version = :version',
    ExpressionAttributeNames: { '#version': 'version' },
    ExpressionAttributeValues: { ':version': current.version },
  };
}

/** Lists every item of a configuration collection, oldest id first. */
export async function listConfigItems<T>(kind: string): Promise<Array<T & ConfigMeta>> {
  const items = await queryAll<Record<string, unknown>>({
    partition: keys.configPartition(),
    sortPrefix: keys.configPrefix(kind),
  });
  return items.map((item) => strip<T & ConfigMeta>(item));
}

/** Reads one configuration item. */
export async function getConfigItem<T>(
  kind: string,
  id: string,
): Promise<(T & ConfigMeta) | undefined> {
  const item = await getItem<Record<string, unknown>>(keys.configItem(kind, id));
  return item ? strip<T & ConfigMeta>(item) : undefined;
}

interface WriteContext {
  kind: string;
  collection: string;
  actor: Author;
  /** Fields stored on the item but never shown, so never copied into the audit log. */
  hiddenFields?: string[];
}

/** Returns an item as the audit log may show it, without the context's hidden fields. */
function audited(context: WriteContext, item: object | null): unknown {
  if (!item || !context.hiddenFields?.length) return item;
  return Object.fromEntries(
    Object.entries(item).filter(([name]) => !context.hiddenFields!.includes(name)),
  );
}

/**
 * Creates an item and its audit entry, plus `extraWrites` (items stored beside it), in one
 * transaction; the id must be new.
 */
export async function createConfigItem<T extends object>(
  context: WriteContext,
  data: T,
  id: string = randomUUID(),
  extraWrites: TransactItem[] = [],
): Promise<T & ConfigMeta> {
  const at = new Date().toISOString();
  const item = { ...data, id, createdAt: at, updatedAt: at, version: 1 } as T & ConfigMeta;
  try {
    await transactWrite([
      {
        Put: {
          Item: {
            ...keys.configItem(context.kind, id),
            entity: context.kind.toLowerCase(),
            ...item,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      auditWrite({
        id: randomUUID(),
        at,
        actor: context.actor,
        action: 'create',
        collection: context.collection,
        targetId: id,
        before: null,
        after: audited(context, item),
      }),
      ...extraWrites,
    ]);
  } catch (error) {
    if (error instanceof TransactionConflictError)
      throw new ApiError('validation.failed', `id: "${id}" already exists`, {
        id: 'already exists; pick another id',
      });
    throw error;
  }
  return item;
}

/**
 * Replaces an item with `next` when its version is still the one read, with an audit entry
 * holding both versions.
 */
export async function updateConfigItem<T extends object>(
  context: WriteContext,
  current: T & ConfigMeta,
  next: T,
): Promise<T & ConfigMeta> {
  const at = new Date().toISOString();
  const item = {
    ...next,
    id: current.id,
    createdAt: current.createdAt ?? at,
    updatedAt: at,
    version: (typeof current.version === 'number' ? current.version : 0) + 1,
  } as T & ConfigMeta;
  try {
    await transactWrite([
      {
        Put: {
          Item: {
            ...keys.configItem(context.kind, current.id),
            entity: context.kind.toLowerCase(),
            ...item,
          },
          ...versionCondition(current),
        },
      },
      auditWrite({
        id: randomUUID(),
        at,
        actor: context.actor,
        action: 'update',
        collection: context.collection,
        targetId: current.id,
        before: audited(context, current),
        after: audited(context, item),
      }),
    ]);
  } catch (error) {
    if (error instanceof TransactionConflictError) {
      throw new ApiError(
        'config.versionConflict',
        `${context.collection}/${current.id} changed while you edited it; reload and try again.`,
      );
    }
    throw error;
  }
  return item;
}

/**
 * Deletes an item with an audit entry holding what was deleted, and `extraWrites` (items
 * stored beside it) in the same transaction.
 */
export async function deleteConfigItem<T extends object>(
  context: WriteContext,
  current: T & ConfigMeta,
  extraWrites: TransactItem[] = [],
): Promise<void> {
  const at = new Date().toISOString();
  await transactWrite([
    {
      Delete: {
        Key: keys.configItem(context.kind, current.id),
        ...versionCondition(current),
      },
    },
    auditWrite({
      id: randomUUID(),
      at,
      actor: context.actor,
      action: 'delete',
      collection: context.collection,
      targetId: current.id,
      before: audited(context, current),
      after: null,
    }),
    ...extraWrites,
  ]);
}

/** Lists the audit log, newest first. */
export async function listAudit(limit: number, cursor?: string): Promise<Page<AuditEntry>> {
  const page = await queryPage<Record<string, unknown>>(
    { partition: keys.auditPartition(), newestFirst: true },
    limit,
    cursor,
  );
  return { items: page.items.map((item) => strip<AuditEntry>(item)), nextCursor: page.nextCursor };
}
