import { randomUUID } from 'node:crypto';
import type { Action, Rule } from '../domain/rules/schema.js';
import { canTransition } from '../domain/status-machine.js';
import {
  applyPatch,
  changeStatus,
  type ChangeResult,
  type TicketPatch,
} from '../domain/ticket-changes.js';
import type { Reply, Ticket } from '../domain/types.js';
import { logger } from '../lib/logger.js';
import { pickRoundRobinAgent } from '../routing/assign.js';
import { findDepartment } from '../store/configuration.js';
import type { TransactItem } from '../store/table.js';
import { getUser } from '../store/users.js';
import { replyWrite, SYSTEM_AUTHOR } from '../tickets/items.js';
import { resolveTags } from '../tickets/tags.js';

/** The result of running a rule's actions: the change, and the items they add. */
export interface ActionsResult extends ChangeResult {
  writes: TransactItem[];
  /** Notifications the actions asked for, for the notification outbox. */
  notify: string[];
}

function patchStep(result: ActionsResult, patch: TicketPatch, at: string): ActionsResult {
  const change = applyPatch(result.ticket, patch, at);
  return { ...result, ticket: change.ticket, events: [...result.events, ...change.events] };
}

async function assignTarget(action: Extract<Action, { type: 'assign' }>): Promise<string | null> {
  if (typeof action.value === 'string') {
    const user = await getUser(action.value);
    return user && user.role !== 'customer' ? user.id : null;
  }
  const department = await findDepartment(action.value.departmentId);
  return department ? pickRoundRobinAgent(department) : null;
}

function noteOf(body: string, rule: Rule, at: string): Reply {
  return {
    id: randomUUID(),
    body,
    internal: true,
    pinned: false,
    author: { ...SYSTEM_AUTHOR, name: `Rule: ${rule.name}` },
    attachments: [],
    createdAt: at,
  };
}

async function runAction(
  result: ActionsResult,
  action: Action,
  rule: Rule,
  at: string,
): Promise<ActionsResult> {
  const ticket = result.ticket;
  switch (action.type) {
    case 'escalate': {
      if (!canTransition(ticket.status, 'escalated')) return result;
      const change = changeStatus(ticket, 'escalated', at);
      return { ...result, ticket: change.ticket, events: [...result.events, ...change.events] };
    }
    case 'set_priority':
      return patchStep(result, { priority: action.value }, at);
    case 'assign': {
      const assigneeId = await assignTarget(action);
      return assigneeId ? patchStep(result, { assigneeId }, at) : result;
    }
    case 'set_department':
      return (await findDepartment(action.value))
        ? patchStep(result, { departmentId: action.value }, at)
        : result;
    case 'add_tags':
      return patchStep(result, { addTags: await resolveTags(action.value) }, at);
    case 'add_note': {
      const note = noteOf(action.value, rule, at);
      return {
        ...result,
        events: [...result.events, { type: 'note.created', note: note.id }],
        writes: [...result.writes, replyWrite(ticket.reference, note)],
      };
    }
    case 'notify':
      return { ...result, notify: [...result.notify, action.value] };
  }
}

/**
 * Applies a rule's actions in order through the normal ticket rules. An action that is
 * already satisfied, or not allowed in the ticket's current state, is skipped without error,
 * as is one that names an agent or department that no longer exists.
 */
export async function runActions(
  ticket: Ticket,
  rule: Rule & { id: string },
  at: string,
): Promise<ActionsResult> {
  let result: ActionsResult = { ticket, events: [], writes: [], notify: [] };
  for (const action of rule.actions) {
    try {
      result = await runAction(result, action, rule, at);
    } catch (error) {
      logger.warn('rule action skipped', {
        rule_id: rule.id,
        action: action.type,
        ticket_id: ticket.id,
        error: String(error),
      });
    }
  }
  return result;
}
