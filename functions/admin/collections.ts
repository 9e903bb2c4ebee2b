import { z } from 'zod';
import { calendarSchema } from '../domain/calendar/index.js';
import { cannedResponseSchema, macroSchema, tagSchema } from '../domain/macros.js';
import { ruleSchema } from '../domain/rules/schema.js';
import { slaPolicySchema } from '../domain/sla/policy.js';
import { ApiError, invalidField } from '../lib/errors.js';
import { getUser } from '../store/users.js';
import { getConfigItem, listConfigItems } from '../store/config-items.js';
import type { TransactItem } from '../store/table.js';
import { webhooksCollection } from '../webhooks/collection.js';
import { apiKeysCollection } from '../apikeys/keys.js';

const id = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');

/** A department as admins write it. */
export const departmentSchema = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
  agentIds: z.array(id).max(200, 'must list at most 200 agents').default([]),
  autoAssign: z.boolean().default(false),
  maxOpenPerAgent: z
    .number()
    .int()
    .positive('must be a positive number or null')
    .max(10_000)
    .nullable()
    .default(null),
  slaPolicyId: id.nullable().default(null),
  calendarId: id.nullable().default(null),
});

/** A configuration collection of the admin API. */
export interface Collection {
  /** Name in the URL, e.g. `sla-policies`. */
  name: string;
  /** Item kind in the table's CONFIG partition. */
  kind: string;
  schema: z.ZodObject;
  /** Ids that always exist and cannot be deleted. */
  builtInIds?: string[];
  /**
   * Rejects data that fails a check the schema cannot make: configuration it names that does
   * not exist, or a rule that depends on the settings. Runs on create and on every update.
   */
  checkReferences?: (data: Record<string, unknown>) => Promise<void>;
  /** Rejects deleting an item that other configuration still uses. */
  checkUnused?: (itemId: string) => Promise<void>;
  /**
   * Builds items stored beside a new item, written in its create transaction, and fields only
   * the create response carries (a secret shown once).
   */
  createExtras?: (
    itemId: string,
    data: Record<string, unknown>,
  ) => Promise<{
    writes: TransactItem[];
    responseFields: Record<string, unknown>;
    /** Fields stored on the item itself but never shown (see `hiddenFields`). */
    storedFields?: Record<string, unknown>;
  }>;
  /** Builds the deletes of the items stored beside an item, for its delete transaction. */
  deleteWrites?: (itemId: string, item: Record<string, unknown>) => TransactItem[];
  /** Stored fields that responses leave out. */
  hiddenFields?: string[];
}

/** Returns an item as responses show it, without the collection's hidden fields. */
export function publicView(
  collection: Collection,
  item: Record<string, unknown>,
): Record<string, unknown> {
  if (!collection.hiddenFields?.length) return item;
  return Object.fromEntries(
    Object.entries(item).filter(([name]) => !collection.hiddenFields!.includes(name)),
  );
}

async function requireItem(
  kind: string,
  field: string,
  value: unknown,
  label: string,
): Promise<void> {
  if (value === null || value === undefined) return;
  if (!(await getConfigItem(kind, String(value)))) {
    throw invalidField(field, `${label} "${String(value)}" does not exist`);
  }
}

async function rejectIfUsed(
  kind: string,
  field: string,
  itemId: string,
  label: string,
): Promise<void> {
  const users = (await listConfigItems<Record<string, unknown>>(kind)).filter(
    (item) => item[field] === itemId,
  );
  if (users.length > 0) {
    const names = users.map((item) => `"${String(item.name)}"`).join(', ');
    throw new ApiError(
      'config.inUse',
      `This ${label} is still used by ${names}; change those first.`,
    );
  }
}

/** Every configuration collection the generic admin routes serve. */
export const COLLECTIONS: Record<string, Collection> = {
  departments: {
    name: 'departments',
    kind: 'DEPARTMENT',
    schema: departmentSchema,
    checkReferences: async (data) => {
      await requireItem('SLA_POLICY', 'slaPolicyId', data.slaPolicyId, 'SLA policy');
      await requireItem('CALENDAR', 'calendarId', data.calendarId, 'calendar');
    },
  },
  calendars: {
    name: 'calendars',
    kind: 'CALENDAR',
    schema: calendarSchema,
    builtInIds: ['default'],
    checkUnused: async (itemId) => {
      await rejectIfUsed('SLA_POLICY', 'calendarId', itemId, 'calendar');
      await rejectIfUsed('DEPARTMENT', 'calendarId', itemId, 'calendar');
    },
  },
  'escalation-rules': {
    name: 'escalation-rules',
    kind: 'ESCALATION_RULE',
    schema: ruleSchema,
    checkReferences: async (data) => {
      const actions = (data.actions ?? []) as Array<{ type: string; value?: unknown }>;
      for (const [index, action] of actions.entries()) {
        if (action.type === 'set_department') {
          await requireItem('DEPARTMENT', `actions.${index}.value`, action.value, 'department');
        }
        if (action.type === 'assign' && typeof action.value === 'object' && action.value) {
          const departmentId = (action.value as { departmentId: string }).departmentId;
          await requireItem(
            'DEPARTMENT',
            `actions.${index}.value.departmentId`,
            departmentId,
            'department',
          );
        }
      }
    },
  },
  tags: { name: 'tags', kind: 'TAG', schema: tagSchema },
  'canned-responses': {
    name: 'canned-responses',
    kind: 'CANNED_RESPONSE',
    schema: cannedResponseSchema,
  },
  macros: {
    name: 'macros',
    kind: 'MACRO',
    schema: macroSchema,
    checkReferences: async (data) => {
      const actions = (data.actions ?? []) as Array<{ type: string; value?: unknown }>;
      for (const [index, action] of actions.entries()) {
        if (action.type === 'assign' && action.value) {
          const user = await getUser(String(action.value));
          if (!user || user.role === 'customer') {
            throw invalidField(
              `actions.${index}.value`,
              `"${String(action.value)}" is not a known agent; pick one from /admin/agents`,
            );
          }
        }
        if (action.type === 'department')
          await requireItem('DEPARTMENT', `actions.${index}.value`, action.value, 'department');
      }
    },
  },
  'sla-policies': {
    name: 'sla-policies',
    kind: 'SLA_POLICY',
    schema: slaPolicySchema,
    builtInIds: ['default'],
    checkReferences: async (data) =>
      requireItem('CALENDAR', 'calendarId', data.calendarId, 'calendar'),
    checkUnused: async (itemId) => rejectIfUsed('DEPARTMENT', 'slaPolicyId', itemId, 'SLA policy'),
  },
  webhooks: webhooksCollection,
  'api-keys': apiKeysCollection,
};

/** Finds a collection by its URL name, or throws a 404. */
export function collectionNamed(name: string): Collection {
  const collection = Object.hasOwn(COLLECTIONS, name) ? COLLECTIONS[name] : undefined;
  if (!collection) throw new ApiError('route.notFound', `There is no admin collection "${name}".`);
  return collection;
}
