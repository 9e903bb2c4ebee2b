import { z } from 'zod';
import { PRIORITIES, STATUSES } from './enums.js';
import type { Ticket } from './types.js';

const id = z.string().trim().min(1).max(200);

/** One step of a macro, applied in order through the normal ticket rules. */
export const macroActionSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('status'), value: z.enum(STATUSES) }),
  z.strictObject({ type: z.literal('priority'), value: z.enum(PRIORITIES) }),
  z.strictObject({ type: z.literal('assign'), value: id.nullable() }),
  z.strictObject({ type: z.literal('department'), value: id.nullable() }),
  z.strictObject({
    type: z.literal('add_tags'),
    value: z.array(z.string().trim().min(1).max(50)).min(1).max(20),
  }),
  z.strictObject({ type: z.literal('reply'), value: z.string().trim().min(1).max(65_535) }),
  z.strictObject({ type: z.literal('note'), value: z.string().trim().min(1).max(65_535) }),
]);
export type MacroAction = z.infer<typeof macroActionSchema>;

/** A macro: ordered actions, shared with every agent or personal to its owner. */
export const macroSchema = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(100),
  shared: z.boolean().default(true),
  ownerId: id.nullable().default(null),
  actions: z.array(macroActionSchema).min(1, 'must have at least one action').max(20),
});

/** A canned response: a titled reply body with placeholders, shared or personal. */
export const cannedResponseSchema = z.strictObject({
  title: z.string().trim().min(1, 'must not be empty').max(100),
  body: z.string().trim().min(1, 'must not be empty').max(65_535),
  shared: z.boolean().default(true),
  ownerId: id.nullable().default(null),
});

/** A tag with its colour. */
export const tagSchema = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(50),
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'must be a hex colour such as #3355ff')
    .default('#64748b'),
});

/** Values the placeholders of canned responses and macro replies are filled from. */
export interface PlaceholderContext {
  ticket: Pick<Ticket, 'reference' | 'subject' | 'status' | 'priority'>;
  requester: { name: string; email: string | null };
  agent: { name: string };
}

/**
 * Fills `{{ticket.reference}}`, `{{ticket.subject}}`, `{{ticket.status}}`,
 * `{{ticket.priority}}`, `{{requester.name}}`, `{{requester.email}}` and `{{agent.name}}`.
 * Unknown placeholders stay as they are, so a typo is visible rather than silently empty.
 *
 * @example
 * fillPlaceholders('Hi {{requester.name}}', context); // 'Hi Grace'
 */
export function fillPlaceholders(template: string, context: PlaceholderContext): string {
  const values: Record<string, string> = {
    'ticket.reference': context.ticket.reference,
    'ticket.subject': context.ticket.subject,
    'ticket.status': context.ticket.status,
    'ticket.priority': context.ticket.priority,
    'requester.name': context.requester.name,
    'requester.email': context.requester.email ?? '',
    'agent.name': context.agent.name,
  };
  return template.replace(
    /\{\{\s*([a-z]+\.[a-z]+)\s*\}\}/g,
    (match, name: string) => values[name] ?? match,
  );
}

/** Returns whether an agent may use a shared-or-personal item. */
export function usableBy(
  item: { shared: boolean; ownerId: string | null },
  agentId: string,
): boolean {
  return item.shared || item.ownerId === agentId;
}
