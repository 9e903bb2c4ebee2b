import { z } from 'zod';
import { EVENT_TYPES, type EventType } from '../domain/enums.js';
import type { ConfigMeta } from '../store/config-items.js';

/** Item kind of webhooks in the CONFIG partition. */
export const WEBHOOK_KIND = 'WEBHOOK';

/** The `events` entry that subscribes a webhook to every event type. */
export const ALL_EVENTS = '*';

const MAX_URL_LENGTH = 2000;

const urlSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(MAX_URL_LENGTH, `must be at most ${MAX_URL_LENGTH} characters`)
  .superRefine((value, context) => {
    const problem = urlProblem(value);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  });

/** Describes what is wrong with a webhook URL's form, or returns undefined when it is valid. */
function urlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'must be an absolute URL such as https://hooks.example.com/escalated';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must be an https URL';
  if (url.username || url.password) {
    return 'must not contain a user name or password; authenticate with the signature instead';
  }
  return undefined;
}

const eventsSchema = z
  .array(z.enum([...EVENT_TYPES, ALL_EVENTS]))
  .min(1, `must list at least one event type, or ["${ALL_EVENTS}"] for every event`)
  .max(EVENT_TYPES.length, `must list at most ${EVENT_TYPES.length} event types`)
  .refine((events) => !events.includes(ALL_EVENTS) || events.length === 1, {
    message: `"${ALL_EVENTS}" subscribes to every event and must be the only entry`,
  })
  .refine((events) => new Set(events).size === events.length, {
    message: 'must not list an event type twice',
  });

/**
 * A webhook as admins write it. The signing secret is not part of it: it is generated on
 * create and stored in an item of its own (see `functions/webhooks/store.ts`).
 */
export const webhookSchema = z.strictObject({
  url: urlSchema,
  events: eventsSchema,
  active: z.boolean().default(true),
  description: z.string().trim().max(500, 'must be at most 500 characters').optional(),
});

/** A webhook's own fields. */
export type WebhookFields = z.infer<typeof webhookSchema>;

/** A stored webhook. */
export type Webhook = WebhookFields & ConfigMeta;

/** Returns whether a webhook wants events of a type. */
export function subscribes(webhook: Pick<WebhookFields, 'events'>, type: EventType): boolean {
  return webhook.events.includes(ALL_EVENTS) || webhook.events.includes(type);
}
