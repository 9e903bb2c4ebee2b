import type { Ticket } from '../domain/types.js';
import { findDepartment } from '../store/configuration.js';
import { getUser } from '../store/users.js';

async function emailsOf(userIds: readonly string[]): Promise<string[]> {
  const users = await Promise.all(userIds.map((id) => getUser(id)));
  return users.map((user) => user?.email).filter((email): email is string => Boolean(email));
}

async function departmentAgents(ticket: Ticket): Promise<string[]> {
  const department = ticket.departmentId ? await findDepartment(ticket.departmentId) : undefined;
  return department ? emailsOf(department.agentIds) : [];
}

/**
 * Resolves who gets an agent-facing notification: `assignee` (falling back to the
 * department's agents when the ticket is unassigned), `department`, `followers`, or a literal
 * email address. Returns unique addresses; users without an email are skipped.
 */
export async function agentRecipients(ticket: Ticket, target: string): Promise<string[]> {
  let emails: string[];
  if (target === 'assignee') {
    emails = ticket.assigneeId
      ? await emailsOf([ticket.assigneeId])
      : await departmentAgents(ticket);
  } else if (target === 'department') {
    emails = await departmentAgents(ticket);
  } else if (target === 'followers') {
    emails = await emailsOf(ticket.followerIds);
  } else {
    emails = [target];
  }
  return [...new Set(emails)];
}
