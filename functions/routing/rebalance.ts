import { isAvailable } from '../domain/routing.js';
import { applyPatch } from '../domain/ticket-changes.js';
import type { Ticket } from '../domain/types.js';
import { logger } from '../lib/logger.js';
import { findDepartment, getSettings } from '../store/configuration.js';
import { INDEX, keys } from '../store/keys.js';
import { queryPage } from '../store/table.js';
import { getUser } from '../store/users.js';
import { fromItem, SYSTEM_AUTHOR } from '../tickets/items.js';
import { saveTicketChange } from '../tickets/save.js';
import { pickRoundRobinAgent } from './assign.js';

/** Waiting tickets looked at per freed slot; older ones beyond it wait for the next change. */
const WAITING_SCAN = 50;

async function oldestWaiting(departmentId: string): Promise<Ticket | undefined> {
  const page = await queryPage<Record<string, unknown>>(
    {
      index: INDEX.department,
      partition: keys.departmentQueue(departmentId, 'open'),
      filter: {
        expression: 'attribute_type(#assignee, :null)',
        names: { '#assignee': 'assigneeId' },
        values: { ':null': 'NULL' },
      },
    },
    WAITING_SCAN,
  );
  const waiting = page.items.map((item) => fromItem<Ticket>(item));
  return waiting.sort((a, b) => a.createdAt.localeCompare(b.createdAt))[0];
}

/**
 * Gives the oldest unassigned open ticket of an auto-assigning department to the next
 * round-robin agent, after capacity freed up (a ticket resolved, closed or reassigned).
 */
export async function assignWaiting(departmentId: string): Promise<void> {
  const department = await findDepartment(departmentId);
  if (!department?.autoAssign) return;
  const waiting = await oldestWaiting(departmentId);
  if (!waiting) return;
  const agentId = await pickRoundRobinAgent(department);
  if (!agentId) return;
  await saveTicketChange(waiting.reference, SYSTEM_AUTHOR, (ticket, at) => {
    if (ticket.assigneeId !== null) return { ticket, events: [] };
    const change = applyPatch(ticket, { assigneeId: agentId }, at);
    return {
      ...change,
      events: change.events.map((event) => ({
        ...event,
        note: `Assigned when capacity freed in ${department.name}`,
      })),
    };
  });
}

/**
 * Sends a reopened ticket whose assignee is away or not seen lately back through
 * auto-assignment (or to the unassigned queue), with the reason in the activity.
 */
export async function rerouteReopened(ticket: Ticket): Promise<void> {
  if (!ticket.assigneeId) return;
  const [assignee, settings] = await Promise.all([getUser(ticket.assigneeId), getSettings()]);
  if (isAvailable(assignee, Date.now(), settings.availabilityWindowMinutes)) return;
  const department = ticket.departmentId ? await findDepartment(ticket.departmentId) : undefined;
  const next = department?.autoAssign ? await pickRoundRobinAgent(department) : null;
  const reason = `${assignee?.name ?? ticket.assigneeId} is ${assignee?.away ? 'away' : 'not available'}`;
  await saveTicketChange(ticket.reference, SYSTEM_AUTHOR, (current, at) => {
    if (current.assigneeId !== ticket.assigneeId || current.status !== 'reopened')
      return { ticket: current, events: [] };
    const change = applyPatch(current, { assigneeId: next }, at);
    const note = next ? `Reassigned on reopening: ${reason}` : `Unassigned on reopening: ${reason}`;
    return { ...change, events: change.events.map((event) => ({ ...event, note })) };
  });
}

/** Runs routing follow-ups of a saved change; routing trouble never fails the change. */
export async function afterTicketChange(before: Ticket, after: Ticket): Promise<void> {
  try {
    const freed =
      before.assigneeId !== null &&
      (after.assigneeId !== before.assigneeId || (!isOpen(after) && isOpen(before)));
    if (freed && before.departmentId) await assignWaiting(before.departmentId);
    if (after.status === 'reopened' && before.status !== 'reopened') await rerouteReopened(after);
  } catch (error) {
    logger.warn('routing follow-up failed', { ticket_id: after.id, error: String(error) });
  }
}

function isOpen(ticket: Ticket): boolean {
  return ticket.status !== 'resolved' && ticket.status !== 'closed';
}
