import type { Status } from '../domain/enums.js';
import type { ChangeResult } from '../domain/ticket-changes.js';
import type { Reply, Ticket } from '../domain/types.js';

/** Reasons to notify a recipient of a change, in the order an email presents them. */
export const NOTICE_KINDS = [
  'created',
  'reply',
  'note',
  'assigned',
  'escalated',
  'sla_breached',
  'sla_warning',
  'status',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** Notices a requester may receive; every other kind carries agent-only detail. */
export const CUSTOMER_NOTICE_KINDS: ReadonlySet<NoticeKind> = new Set([
  'created',
  'reply',
  'status',
]);

/** Reader of an email: the requester, or an agent working the ticket. */
export type Audience = 'customer' | 'agent';

/** Input that every email about one change is written from. */
export interface ChangeContext {
  before: Ticket | null;
  after: Ticket;
  events: ChangeResult['events'];
  reply?: Reply;
  brandName: string;
  guestLink?: string;
}

const STATUS_LABELS: Record<Status, string> = {
  open: 'Open',
  in_progress: 'In progress',
  waiting_on_customer: 'Waiting on customer',
  waiting_on_agent: 'Waiting on agent',
  escalated: 'Escalated',
  resolved: 'Resolved',
  closed: 'Closed',
  reopened: 'Reopened',
};

const SLA_TARGET_LABELS: Record<string, string> = {
  firstResponse: 'first response',
  nextResponse: 'next response',
  resolution: 'resolution',
};

/** Collapses line breaks and runs of white space, for header values and one-line labels. */
function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

function statusLabel(status: unknown): string {
  return typeof status === 'string' && status in STATUS_LABELS
    ? STATUS_LABELS[status as Status]
    : String(status);
}

function subjectPrefix(kind: NoticeKind, audience: Audience, context: ChangeContext): string {
  switch (kind) {
    case 'created':
      return audience === 'customer' ? 'Request received' : 'New ticket';
    case 'reply':
      return 'New reply';
    case 'note':
      return 'Internal note';
    case 'assigned':
      return 'Assigned to you';
    case 'escalated':
      return 'Escalated';
    case 'sla_breached':
      return 'SLA breached';
    case 'sla_warning':
      return 'SLA warning';
    case 'status':
      return `Status changed to ${statusLabel(context.after.status)}`;
  }
}

/** Describes the first status before the change and the last one after it. */
function statusLine(context: ChangeContext): string {
  const changes = context.events.filter((event) => event.type === 'ticket.status_changed');
  const from = changes[0]?.before ?? context.before?.status;
  const to = changes.at(-1)?.after ?? context.after.status;
  return `The status changed from ${statusLabel(from)} to ${statusLabel(to)}.`;
}

function slaLines(context: ChangeContext, type: 'sla.warning' | 'sla.breached'): string[] {
  const verb = type === 'sla.breached' ? 'was missed' : 'is close to its deadline';
  return context.events
    .filter((event) => event.type === type)
    .map((event) => {
      const target = typeof event.field === 'string' ? SLA_TARGET_LABELS[event.field] : undefined;
      return `The ${target ?? 'SLA'} target ${verb}.`;
    });
}

function replySection(reply: Reply | undefined, action: string): string[] {
  if (!reply) return [];
  return [`${oneLine(reply.author.name)} ${action}:`, '', reply.body];
}

function createdSection(audience: Audience, ticket: Ticket): string[] {
  const intro =
    audience === 'customer'
      ? 'We received your request:'
      : `${oneLine(ticket.requester.name)} opened a new ticket:`;
  return [intro, '', ticket.body];
}

/** Writes the paragraph of one notice. Only agents get the text of an internal note. */
function noticeSection(kind: NoticeKind, audience: Audience, context: ChangeContext): string[] {
  switch (kind) {
    case 'created':
      return createdSection(audience, context.after);
    case 'reply':
      return replySection(context.reply, 'replied');
    case 'note':
      return audience === 'agent' ? replySection(context.reply, 'added an internal note') : [];
    case 'assigned':
      return ['This ticket was assigned to you.'];
    case 'escalated':
      return ['This ticket was escalated.'];
    case 'sla_breached':
      return slaLines(context, 'sla.breached');
    case 'sla_warning':
      return slaLines(context, 'sla.warning');
    case 'status':
      return [statusLine(context)];
  }
}

function detailLines(audience: Audience, context: ChangeContext): string[] {
  const ticket = context.after;
  const lines = [`Status: ${statusLabel(ticket.status)}`];
  if (audience === 'agent') {
    const requester = ticket.requester;
    const address = requester.email ? ` <${requester.email}>` : '';
    lines.push(`Priority: ${ticket.priority}`, `Requester: ${oneLine(requester.name)}${address}`);
  }
  if (audience === 'customer' && context.guestLink) {
    lines.push('', `View your ticket: ${context.guestLink}`);
  }
  return lines;
}

/**
 * Writes the subject and plain-text body of one recipient's email about a change. The subject
 * names the first notice in {@link NOTICE_KINDS} order, and the body has one paragraph per
 * notice. A customer's email keeps only {@link CUSTOMER_NOTICE_KINDS} and leaves out the
 * priority and requester details, so it never contains a note body.
 *
 * NOTE: emails are plain text only; the HTML part and the brand colour arrive with the branded
 * template set.
 */
export function writeTicketEmail(
  context: ChangeContext,
  audience: Audience,
  notices: readonly NoticeKind[],
): { subject: string; text: string } {
  const kinds = NOTICE_KINDS.filter(
    (kind) => notices.includes(kind) && (audience === 'agent' || CUSTOMER_NOTICE_KINDS.has(kind)),
  );
  // A creation email already shows the current status, so a status notice adds nothing.
  const shown = kinds.includes('created') ? kinds.filter((kind) => kind !== 'status') : kinds;
  const ticket = context.after;
  const headline = subjectPrefix(shown[0] ?? 'status', audience, context);
  const subject = `[${ticket.reference}] ${headline}: ${oneLine(ticket.subject)}`;

  const paragraphs = shown.map((kind) => noticeSection(kind, audience, context).join('\n'));
  const text = [
    oneLine(context.brandName),
    `Ticket ${ticket.reference}: ${oneLine(ticket.subject)}`,
    ...paragraphs.filter((paragraph) => paragraph.length > 0),
    detailLines(audience, context).join('\n'),
  ].join('\n\n');
  return { subject, text: `${text}\n` };
}
