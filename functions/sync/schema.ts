import { z } from 'zod';
import { CHANNELS, EVENT_TYPES, PRIORITIES, ROLES, STATUSES } from '../domain/enums.js';
import { REFERENCE_PATTERN } from '../domain/reference.js';

const instant = z.iso.datetime({ offset: true, error: 'must be an ISO-8601 instant' });

/** One event as a synced installation sends it. */
export const syncEventSchema = z.strictObject({
  id: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9._:-]{1,100}$/, 'must be 1 to 100 letters, digits or . _ : -'),
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

const author = z.looseObject({
  id: z.string().min(1).max(200),
  name: z.string().max(200),
  role: z.enum([...ROLES, 'system']),
});

const attachment = z.looseObject({
  id: z.string().min(1).max(100),
  fileName: z.string().max(255),
  contentType: z.string().max(255),
  size: z.number().int().nonnegative(),
});

/** The ticket snapshot an event carries; fields the hub does not use pass through as sent. */
export const syncTicketSchema = z.looseObject({
  id: z.string().min(1).max(100),
  reference: z.string().regex(REFERENCE_PATTERN, 'must be a ticket reference such as ESC-00042'),
  subject: z.string().min(1).max(255),
  body: z.string().max(65_535),
  status: z.enum(STATUSES),
  priority: z.enum(PRIORITIES),
  channel: z.enum(CHANNELS),
  departmentId: z.string().max(200).nullable(),
  assigneeId: z.string().max(200).nullable(),
  requester: z.looseObject({
    id: z.string().min(1).max(200),
    name: z.string().max(200),
    email: z.string().max(320).nullable(),
    guest: z.boolean(),
  }),
  tags: z.array(z.looseObject({ id: z.string(), name: z.string(), color: z.string() })).max(100),
  followerIds: z.array(z.string()).max(500),
  createdAt: instant,
  updatedAt: instant,
  version: z.number().int().positive(),
  attachments: z.array(attachment).max(100).optional(),
});

/** What the hub needs from an event's payload to apply it. */
export const syncPayloadSchema = z.looseObject({
  ticket: syncTicketSchema,
  activity: z.looseObject({
    id: z.string().min(1).max(100),
    type: z.enum(EVENT_TYPES),
    createdAt: instant,
    actor: author.nullable(),
  }),
  reply: z
    .looseObject({
      id: z.string().min(1).max(100),
      body: z.string().max(65_535),
      internal: z.boolean(),
      pinned: z.boolean(),
      author,
      attachments: z.array(attachment).max(100),
      createdAt: instant,
    })
    .optional(),
  rating: z
    .looseObject({
      rating: z.number().int().min(1).max(5),
      comment: z.string().max(2000).nullable(),
      submittedAt: instant,
      updatedAt: instant,
    })
    .optional(),
});

export type SyncEventInput = z.infer<typeof syncEventSchema>;
export type SyncPayloadInput = z.infer<typeof syncPayloadSchema>;
