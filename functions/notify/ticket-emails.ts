import type { EventType } from '../domain/enums.js';
import type { Settings } from '../domain/settings.js';
import type { ChangeResult } from '../domain/ticket-changes.js';
import type { Reply, Ticket } from '../domain/types.js';
import { findDepartment, getSettings } from '../store/configuration.js';
import { getUser } from '../store/users.js';
import type { EmailMessage } from './outbox.js';
import {
  CUSTOMER_NOTICE_KINDS,
  writeTicketEmail,
  type Audience,
  type ChangeContext,
  type NoticeKind,
} from './ticket-email-text.js';

export { isAutomatedMail } from './automated-mail.js';

/** A ticket change: the ticket before and after it, and the events it produced. */
export interface TicketChange {
  /** The ticket before the change, or null when the change created it. */
  before: Ticket | null;
  after: Ticket;
  events: ChangeResult['events'];
  /** The user who made the change, or `system` for scheduled jobs and escalation rules. */
  actor: { id: string; role: 'customer' | 'agent' | 'admin' | 'system' };
  /** The public reply or internal note the change added. */
  reply?: Reply;
  /** Link carrying a guest's access token. Only the requester's email contains it. */
  guestLink?: string;
}

/** Data sources of {@link emailsForChange}, replaced by in-memory versions in tests. */
export interface TicketEmailLookups {
  getUser(id: string): Promise<{ email: string | null } | undefined>;
  findDepartment(id: string): Promise<{ agentIds: string[] } | undefined>;
  getSettings(): Promise<Pick<Settings, 'brandName'>>;
}

const TABLE_LOOKUPS: TicketEmailLookups = {
  getUser,
  findDepartment,
  getSettings: () => getSettings(),
};

const AGENT_ALERTS: Partial<Record<EventType, NoticeKind>> = {
  'ticket.escalated': 'escalated',
  'sla.breached': 'sla_breached',
  'sla.warning': 'sla_warning',
};

/** Notices for the requester, and for each agent by user id in the order first added. */
interface NoticePlan {
  requester: Set<NoticeKind>;
  agents: Map<string, Set<NoticeKind>>;
}

function createPlan(): NoticePlan {
  return { requester: new Set(), agents: new Map() };
}

function noticeRequester(plan: NoticePlan, kind: NoticeKind): void {
  if (CUSTOMER_NOTICE_KINDS.has(kind)) plan.requester.add(kind);
}

/**
 * Adds a notice for an agent. A user who is also the ticket's requester is written to as the
 * requester, so agent-only notices such as note bodies never reach them.
 */
function noticeAgent(plan: NoticePlan, change: TicketChange, id: string, kind: NoticeKind): void {
  if (id === change.after.requester.id) {
    noticeRequester(plan, kind);
    return;
  }
  const notices = plan.agents.get(id) ?? new Set<NoticeKind>();
  notices.add(kind);
  plan.agents.set(id, notices);
}

function hasEvent(change: TicketChange, type: EventType): boolean {
  return change.events.some((event) => event.type === type);
}

function newAssigneeId(change: TicketChange): string | null {
  const assigned = change.events.filter((event) => event.type === 'ticket.assigned').at(-1);
  return typeof assigned?.after === 'string' ? assigned.after : change.after.assigneeId;
}

function assigneeAndFollowers(ticket: Ticket): string[] {
  return ticket.assigneeId ? [ticket.assigneeId, ...ticket.followerIds] : ticket.followerIds;
}

function planCreated(plan: NoticePlan, change: TicketChange): void {
  if (change.before !== null) return;
  noticeRequester(plan, 'created');
  if (change.after.assigneeId) noticeAgent(plan, change, change.after.assigneeId, 'created');
}

function planReply(plan: NoticePlan, change: TicketChange): void {
  const reply = change.reply;
  if (!reply) return;
  const writerId = reply.author.id;
  const kind: NoticeKind = reply.internal ? 'note' : 'reply';
  if (!reply.internal && change.after.requester.id !== writerId) noticeRequester(plan, kind);
  for (const id of assigneeAndFollowers(change.after)) {
    if (id !== writerId) noticeAgent(plan, change, id, kind);
  }
}

function planAssigned(plan: NoticePlan, change: TicketChange): void {
  if (!hasEvent(change, 'ticket.assigned')) return;
  const assigneeId = newAssigneeId(change);
  if (assigneeId && assigneeId !== change.actor.id) {
    noticeAgent(plan, change, assigneeId, 'assigned');
  }
}

function planStatus(plan: NoticePlan, change: TicketChange): void {
  if (!hasEvent(change, 'ticket.status_changed')) return;
  const actorId = change.actor.id;
  if (change.after.requester.id !== actorId) noticeRequester(plan, 'status');
  for (const id of change.after.followerIds) {
    if (id !== actorId) noticeAgent(plan, change, id, 'status');
  }
}

/**
 * Plans escalation and SLA warning and breach notices for the assignee, or for the
 * department's agents while the ticket is unassigned. An unassigned ticket without a
 * department notifies nobody.
 */
async function planAgentAlerts(
  plan: NoticePlan,
  change: TicketChange,
  lookups: TicketEmailLookups,
): Promise<void> {
  const kinds = change.events.flatMap((event) => AGENT_ALERTS[event.type] ?? []);
  if (kinds.length === 0) return;
  const ticket = change.after;
  let targetIds: string[] = [];
  if (ticket.assigneeId) {
    targetIds = [ticket.assigneeId];
  } else if (ticket.departmentId) {
    const department = await lookups.findDepartment(ticket.departmentId);
    targetIds = department?.agentIds ?? [];
  }
  for (const id of targetIds) {
    for (const kind of kinds) noticeAgent(plan, change, id, kind);
  }
}

interface Recipient {
  address: string;
  audience: Audience;
  notices: Set<NoticeKind>;
}

function addressKey(address: string): string {
  return address.trim().toLowerCase();
}

/**
 * Turns the plan into one recipient per address, the requester first with the customer view.
 * An agent whose address is the requester's is dropped, so that address only ever receives the
 * customer view. Agents sharing an address get one merged email.
 */
async function resolveRecipients(
  plan: NoticePlan,
  change: TicketChange,
  lookups: TicketEmailLookups,
): Promise<Recipient[]> {
  const recipients = new Map<string, Recipient>();
  const requesterAddress = change.after.requester.email?.trim();
  if (requesterAddress && plan.requester.size > 0) {
    const customer: Recipient = {
      address: requesterAddress,
      audience: 'customer',
      notices: plan.requester,
    };
    recipients.set(addressKey(requesterAddress), customer);
  }

  const agentIds = [...plan.agents.keys()];
  const users = await Promise.all(agentIds.map((id) => lookups.getUser(id)));
  agentIds.forEach((id, index) => {
    const address = users[index]?.email?.trim();
    if (!address) return;
    const key = addressKey(address);
    if (requesterAddress && key === addressKey(requesterAddress)) return;
    const notices = plan.agents.get(id)!;
    const existing = recipients.get(key);
    if (existing) notices.forEach((kind) => existing.notices.add(kind));
    else recipients.set(key, { address, audience: 'agent', notices: new Set(notices) });
  });
  return [...recipients.values()];
}

/**
 * Builds the emails a ticket change causes, one per recipient address, for the caller to
 * queue in the same transaction as the change:
 * - creation: the requester (a guest's email carries `guestLink`) and the assignee;
 * - public reply: the requester, assignee and followers, except its writer;
 * - internal note: the assignee and followers, except its writer, and never the requester;
 * - assignment: the new assignee, unless they assigned the ticket to themselves;
 * - status change: the requester and followers, except the user who changed it;
 * - escalation, SLA warning or breach: the assignee, else the department's agents.
 * A recipient with several reasons gets one email covering all of them. Users without an
 * email address are skipped.
 *
 * @example
 * const { ticket, events } = applyPatch(before, patch, at);
 * const emails = await emailsForChange({ before, after: ticket, events, actor });
 * const writes = emails.map((email) => queueEmail(email, at));
 */
export async function emailsForChange(
  change: TicketChange,
  lookups: TicketEmailLookups = TABLE_LOOKUPS,
): Promise<EmailMessage[]> {
  const plan = createPlan();
  planCreated(plan, change);
  planReply(plan, change);
  planAssigned(plan, change);
  planStatus(plan, change);
  await planAgentAlerts(plan, change, lookups);

  const recipients = await resolveRecipients(plan, change, lookups);
  if (recipients.length === 0) return [];
  const { brandName } = await lookups.getSettings();
  const context: ChangeContext = { ...change, brandName };
  return recipients.map((recipient) => {
    const { subject, text } = writeTicketEmail(context, recipient.audience, [...recipient.notices]);
    return {
      to: [recipient.address],
      subject,
      text,
      ticketId: change.after.id,
      reference: change.after.reference,
    };
  });
}
