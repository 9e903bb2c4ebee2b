import { z } from 'zod';
import { PRIORITIES } from './enums.js';
import { REFERENCE_PREFIX_PATTERN } from './reference.js';

/** Installation settings an admin can change, with their defaults. */
export const settingsSchema = z.strictObject({
  referencePrefix: z
    .string()
    .regex(REFERENCE_PREFIX_PATTERN, 'must be 1 to 10 letters or digits')
    .default('ESC'),
  defaultPriority: z.enum(PRIORITIES).default('medium'),
  allowCustomerPriority: z.boolean().default(true),
  allowCustomerClose: z.boolean().default(true),
  reopenWindowDays: z.number().int().min(0).max(3650).default(14),
  autoCloseResolvedAfterDays: z.number().int().min(0).max(3650).default(7),
  activityRetentionDays: z.number().int().min(1).max(3650).default(90),
  maxAttachmentSizeKb: z.number().int().min(1).max(51200).default(10240),
  maxAttachmentsPerReply: z.number().int().min(0).max(20).default(5),
  guestTicketsEnabled: z.boolean().default(true),
  departmentScoping: z.boolean().default(false),
  availabilityWindowMinutes: z.number().int().min(1).max(1440).default(15),
  allowPrivateWebhookTargets: z.boolean().default(false),
  brandName: z.string().trim().min(1).max(100).default('Escalated'),
  brandColor: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'must be a hex colour such as #3355ff')
    .default('#3355ff'),
});

/** Installation settings with every default filled in. */
export type Settings = z.infer<typeof settingsSchema>;

/** Returns the settings stored in the table merged over the defaults. */
export function resolveSettings(stored: Partial<Settings> | undefined): Settings {
  return settingsSchema.parse(stored ?? {});
}
