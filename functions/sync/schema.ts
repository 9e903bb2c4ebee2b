import { z } from 'zod';
import { CHANNELS, EVENT_TYPES, PRIORITIES, ROLES, STATUSES } from '../domain/enums.js';
import { REFERENCE_PATTERN } from '../domain/reference.js';
import { targetSetSchema } from '../domain/sla/policy.js';

const instant = z.iso.datetime({ offset: true, error: 'must be an ISO-8601 instant' });
const maybeInstant = instant.nullish().transform((value) => value ?? null);
const itemId = z
  .string()
  .regex(/^[A-Za-z0-9._:-]{1,100}$/, 'must be 1 to 100 letters, digits or . _ : -');
const userId = z.string().min(1).max(200);
// As wide as what a site stores: a name falls back to an email of up to 320 characters.
const name = z.string().max(320);

/** One event as a synced installation sends it. */
export const syncEventSchema = z.strictObject({
  id: itemId,
  type: z.enum(EVENT_TYPES),
  occurredAt: instant,
  payload: z.record(z.string(), z.unknown()),
});

/** Body of `POST /sync/events`: `{ events: [...] }`, or the list of events itself. */
export const syncBatchBody = z.preprocess(
  (value) => (Array.isArray(value) ? { events: value } : value),
  z.strictObject({
    events: z
      .array(syncEventSchema)
      .min(1, 'must list at least one event')
      .max(100, 'must list at most 100 events; send the rest in another batch'),
  }),
);

// The schemas below keep only the fields they name (zod drops the rest), so nothing a sender
// adds can reach the stored item: its keys and every other attribute come from the hub.

const author = z.object({ id: userId, name, role: z.enum([...ROLES, 'system']) });

const attachment = z.object({
  id: itemId,
  fileName: z.string().max(255),
  contentType: z.string().max(255),
  size: z.number().int().nonnegative(),
});

const timer = z.object({
  target: z.number().nonnegative(),
  elapsed: z.number().nonnegative(),
  runningSince: maybeInstant,
  dueAt: instant,
  warnAt: instant,
  stoppedAt: maybeInstant,
  warnedAt: maybeInstant,
  breachedAt: maybeInstant,
});

const slaClock = z.object({
  policyId: z.string().max(200),
  calendarId: z.string().max(200),
  businessHours: z.boolean(),
  warningMinutes: z.number().int().nonnegative(),
  targets: targetSetSchema,
  firstResponse: timer.nullable(),
  nextResponse: timer.nullable(),
  nextResponseCycle: z.number().int().nonnegative(),
  resolution: timer.nullable(),
  pausedAt: maybeInstant,
});

/** The ticket snapshot an event carries. */
export const syncTicketSchema = z.object({
  id: itemId,
  reference: z.string().regex(REFERENCE_PATTERN, 'must be a ticket reference such as ESC-00042'),
  subject: z.string().min(1).max(255),
  body: z.string().max(65_535),
  status: z.enum(STATUSES),
  priority: z.enum(PRIORITIES),
  channel: z.enum(CHANNELS),
  departmentId: z.string().max(200).nullable(),
  assigneeId: z.string().max(200).nullable(),
  requester: z.object({
    id: userId,
    name,
    email: z.string().max(320).nullable(),
    guest: z.boolean(),
  }),
  tags: z
    .array(z.object({ id: itemId, name: z.string().max(50), color: z.string().max(50) }))
    .max(1000),
  followerIds: z.array(userId).max(500),
  createdAt: instant,
  updatedAt: instant,
  firstResponseAt: maybeInstant,
  lastAgentReplyAt: maybeInstant,
  lastRequesterReplyAt: maybeInstant,
  resolvedAt: maybeInstant,
  closedAt: maybeInstant,
  linkedFrom: z
    .string()
    .max(100)
    .nullish()
    .transform((value) => value ?? null),
  attachments: z.array(attachment).max(100).optional(),
  /** Set when the site deleted the ticket: the hub hides it too. */
  deletedAt: maybeInstant.optional(),
  version: z.number().int().positive(),
  slaClock: slaClock.nullish().transform((value) => value ?? null),
});

/** Checks that a value is at most 10,000 characters as JSON; one too deep to serialise fails. */
function smallJson(value: unknown): boolean {
  try {
    return JSON.stringify(value ?? null).length <= 10_000;
  } catch {
    return false;
  }
}

/** A value of an activity entry's `before` or `after`, bounded in size. */
const activityValue = z.unknown().refine(smallJson, 'must be under 10,000 characters as JSON');

/** The fields of an event's payload the hub applies. */
export const syncPayloadSchema = z.object({
  ticket: syncTicketSchema,
  activity: z.object({
    id: itemId,
    type: z.enum(EVENT_TYPES),
    actor: author.nullable(),
    field: z.string().max(100).optional(),
    before: activityValue.optional(),
    after: activityValue.optional(),
    note: z.string().max(2000).optional(),
    createdAt: instant,
  }),
  reply: z
    .object({
      id: itemId,
      body: z.string().max(65_535),
      internal: z.boolean(),
      pinned: z.boolean(),
      author,
      attachments: z.array(attachment).max(100),
      createdAt: instant,
    })
    .optional(),
  rating: z
    .object({
      rating: z.number().int().min(1).max(5),
      comment: z.string().max(2000).nullable(),
      submittedAt: instant,
      updatedAt: instant,
    })
    .optional(),
});

export type SyncEventInput = z.infer<typeof syncEventSchema>;
export type SyncPayloadInput = z.infer<typeof syncPayloadSchema>;
