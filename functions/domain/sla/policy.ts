import { z } from 'zod';
import { PRIORITIES, type Priority } from '../enums.js';

/** The three clocks a policy sets targets for. */
export const SLA_TARGETS = ['firstResponse', 'nextResponse', 'resolution'] as const;
export type SlaTarget = (typeof SLA_TARGETS)[number];

const minutes = z
  .number({ error: 'must be a number of minutes' })
  .int('must be a whole number of minutes')
  .positive('must be a positive number of minutes')
  .max(525_600, 'must be at most 525600 minutes (a year)')
  .nullable()
  .optional();

/** Targets for one priority, in minutes; null or missing means no target. */
export const targetSetSchema = z.strictObject({
  firstResponse: minutes,
  nextResponse: minutes,
  resolution: minutes,
});
export type TargetSet = z.infer<typeof targetSetSchema>;

/** An SLA policy as admins write it. */
export const slaPolicySchema = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
  calendarId: z.string().trim().min(1).max(200).nullable().default(null),
  businessHours: z.boolean().default(true),
  warningMinutes: z
    .number()
    .int()
    .min(0)
    .max(10_080, 'must be at most 10080 minutes (a week)')
    .default(30),
  targets: z.strictObject(
    Object.fromEntries(PRIORITIES.map((p) => [p, targetSetSchema.optional()])) as Record<
      Priority,
      z.ZodOptional<typeof targetSetSchema>
    >,
  ),
});
export type SlaPolicy = z.infer<typeof slaPolicySchema>;

function hours(first: number, resolution: number): TargetSet {
  return { firstResponse: first * 60, nextResponse: first * 60, resolution: resolution * 60 };
}

/** Policy used when an installation has not changed it: business hours on the default calendar. */
export const DEFAULT_POLICY: SlaPolicy = {
  name: 'Standard',
  calendarId: 'default',
  businessHours: true,
  warningMinutes: 30,
  targets: {
    low: hours(24, 72),
    medium: hours(8, 48),
    high: hours(4, 24),
    urgent: hours(2, 8),
    critical: hours(1, 4),
  },
};

/** Returns a policy's target for one clock at one priority, or null when it has none. */
export function targetMinutes(
  policy: SlaPolicy,
  priority: Priority,
  target: SlaTarget,
): number | null {
  return policy.targets[priority]?.[target] ?? null;
}
