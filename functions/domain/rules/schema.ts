import { z } from 'zod';
import { CHANNELS, PRIORITIES, STATUSES } from '../enums.js';

const id = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
const minutes = z.number().int('must be a whole number of minutes').min(0).max(5_256_000);
const slaTargetName = z.enum(['firstResponse', 'nextResponse', 'resolution', 'any']);

function listCondition<F extends string, V extends z.ZodType>(field: F, value: V) {
  return z.discriminatedUnion('op', [
    z.strictObject({ field: z.literal(field), op: z.literal('eq'), value }),
    z.strictObject({
      field: z.literal(field),
      op: z.literal('in'),
      value: z.array(value).min(1).max(50),
    }),
    z.strictObject({
      field: z.literal(field),
      op: z.literal('not_in'),
      value: z.array(value).min(1).max(50),
    }),
  ]);
}

function timeCondition<F extends string>(field: F) {
  return z.strictObject({ field: z.literal(field), op: z.enum(['gte', 'lte']), value: minutes });
}

/** One condition of an escalation rule; every condition of a rule must hold. */
export const conditionSchema = z.union([
  listCondition('status', z.enum(STATUSES)),
  listCondition('priority', z.enum(PRIORITIES)),
  listCondition('departmentId', id),
  listCondition('tag', z.string().trim().min(1).max(50)),
  listCondition('channel', z.enum(CHANNELS)),
  z.strictObject({ field: z.literal('unassigned'), op: z.literal('eq'), value: z.boolean() }),
  timeCondition('ageMinutes'),
  timeCondition('noFirstResponseMinutes'),
  timeCondition('noAgentReplyMinutes'),
  z.strictObject({ field: z.literal('slaWarning'), op: z.literal('eq'), value: slaTargetName }),
  z.strictObject({ field: z.literal('slaBreached'), op: z.literal('eq'), value: slaTargetName }),
]);
export type Condition = z.infer<typeof conditionSchema>;

/** One action of an escalation rule, applied in order through the normal ticket rules. */
export const actionSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('escalate') }),
  z.strictObject({ type: z.literal('set_priority'), value: z.enum(PRIORITIES) }),
  z.strictObject({
    type: z.literal('assign'),
    value: z.union([id, z.strictObject({ departmentId: id, strategy: z.literal('round_robin') })]),
  }),
  z.strictObject({ type: z.literal('set_department'), value: id }),
  z.strictObject({
    type: z.literal('add_tags'),
    value: z.array(z.string().trim().min(1).max(50)).min(1).max(20),
  }),
  z.strictObject({ type: z.literal('add_note'), value: z.string().trim().min(1).max(10_000) }),
  z.strictObject({
    type: z.literal('notify'),
    value: z.union([
      z.enum(['assignee', 'department', 'followers']),
      z.email('must be assignee, department, followers or an email address'),
    ]),
  }),
]);
export type Action = z.infer<typeof actionSchema>;

/** An escalation rule as admins write it. */
export const ruleSchema = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
  active: z.boolean().default(true),
  order: z.number().int().min(0).max(100_000).default(0),
  fireMode: z.enum(['once', 'once_per_cycle']).default('once'),
  conditions: z.array(conditionSchema).min(1, 'must have at least one condition').max(20),
  actions: z.array(actionSchema).min(1, 'must have at least one action').max(20),
});
export type Rule = z.infer<typeof ruleSchema>;
