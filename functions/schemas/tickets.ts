import { z } from 'zod';
import { PRIORITIES, STATUSES } from '../domain/enums.js';
import { REFERENCE_PATTERN } from '../domain/reference.js';
import { text } from '../lib/validation.js';

/** Path parameters of the ticket routes. */
export const referenceParams = z.object({
  reference: z.string().regex(REFERENCE_PATTERN, 'must be a ticket reference such as ESC-00042'),
});

const id = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');

const limit = z.coerce
  .number({ error: 'must be a number from 1 to 100' })
  .int('must be a whole number from 1 to 100')
  .min(1, 'must be at least 1')
  .max(100, 'must be at most 100')
  .default(25);

const cursor = z.string().max(2000, 'is too long to be a cursor').optional();

/** Body of `POST /tickets`. */
export const createTicketBody = z.strictObject({
  subject: text(1, 255),
  body: text(1, 65_535),
  priority: z.enum(PRIORITIES).optional(),
  departmentId: id.nullable().optional(),
  attachmentIds: z.array(id).max(20, 'must list at most 20 files').optional(),
});

/** Query of `GET /tickets`. */
export const customerListQuery = z.strictObject({
  status: z.enum(STATUSES).optional(),
  limit,
  cursor,
});

/** Body of a customer's reply. */
export const customerReplyBody = z.strictObject({
  body: text(1, 65_535),
  attachmentIds: z.array(id).max(20, 'must list at most 20 files').optional(),
});

/** Body of an agent's reply or internal note. */
export const agentReplyBody = customerReplyBody.extend({
  internal: z.boolean().default(false),
});

/** Empty body of the close and reopen actions; any field is unknown. */
export const emptyBody = z.strictObject({});

/** Query of the agent queue. */
export const queueQuery = z.strictObject({
  status: z.enum(STATUSES).optional(),
  assigneeId: id.optional(),
  departmentId: id.optional(),
  view: z.enum(['all', 'mine', 'unassigned', 'urgent', 'sla_breaching', 'following']).optional(),
  priority: z.enum(PRIORITIES).optional(),
  tag: z.string().trim().min(1).max(50).optional(),
  q: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(200, 'must be at most 200 characters')
    .optional(),
  createdFrom: z.iso.datetime({ offset: true, error: 'must be an ISO-8601 instant' }).optional(),
  createdTo: z.iso.datetime({ offset: true, error: 'must be an ISO-8601 instant' }).optional(),
  sort: z.enum(['updated', 'created', 'sla', 'priority']).default('updated'),
  limit,
  cursor,
});

const tagNames = z.array(text(1, 50)).max(20, 'must list at most 20 tags');

/** Body of `PATCH /agent/tickets/{reference}`. */
export const agentPatchBody = z
  .strictObject({
    status: z.enum(STATUSES).optional(),
    priority: z.enum(PRIORITIES).optional(),
    assigneeId: id.nullable().optional(),
    departmentId: id.nullable().optional(),
    addTags: tagNames.optional(),
    removeTags: tagNames.optional(),
  })
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), {
    message:
      'must change at least one of status, priority, assigneeId, departmentId, addTags, removeTags',
  });

/** Body of `POST /tickets/{reference}/rating`. */
export const ratingBody = z.strictObject({
  rating: z
    .number({ error: 'must be a whole number from 1 to 5' })
    .int('must be a whole number from 1 to 5')
    .min(1, 'must be at least 1')
    .max(5, 'must be at most 5'),
  comment: text(1, 2000).optional(),
});

/** Body of the follow toggle: absent `following` toggles. */
export const followBody = z.strictObject({ following: z.boolean().optional() });

/** Path parameters of the pin toggle. */
export const pinParams = referenceParams.extend({ replyId: z.string().min(1).max(100) });

/** Body of `POST /agent/tickets/{reference}/macro`. */
export const macroBody = z.strictObject({ macroId: z.string().trim().min(1).max(200) });
