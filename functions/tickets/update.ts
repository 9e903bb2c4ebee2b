import type { Status } from '../domain/enums.js';
import {
  InvalidTransitionError,
  applyPatch,
  changeStatus,
  type TicketPatch,
} from '../domain/ticket-changes.js';
import type { Principal, Ticket } from '../domain/types.js';
import { ApiError, invalidField } from '../lib/errors.js';
import { findDepartment, getSettings } from '../store/configuration.js';
import { getUser } from '../store/users.js';
import { authorOf } from './items.js';
import { pastReopenWindow } from './replies.js';
import { saveTicketChange } from './save.js';
import { resolveTags } from './tags.js';

/** An agent's change as the API receives it: tags by name. */
export interface AgentPatchInput {
  status?: Status;
  priority?: TicketPatch['priority'];
  assigneeId?: string | null;
  departmentId?: string | null;
  addTags?: string[];
  removeTags?: string[];
}

async function checkReferences(input: AgentPatchInput): Promise<void> {
  if (input.assigneeId) {
    const user = await getUser(input.assigneeId);
    if (!user || user.role === 'customer') {
      throw invalidField(
        'assigneeId',
        `"${input.assigneeId}" is not a known agent; pick one from /agent/agents`,
      );
    }
  }
  if (input.departmentId && !(await findDepartment(input.departmentId))) {
    throw invalidField('departmentId', `department "${input.departmentId}" does not exist`);
  }
}

/** Applies an agent's PATCH through the status machine, conditional on the ticket version. */
export async function patchTicket(
  principal: Principal,
  reference: string,
  input: AgentPatchInput,
  options: { ifMatch?: number; visible: (ticket: Ticket) => boolean },
): Promise<Ticket> {
  await checkReferences(input);
  const patch: TicketPatch = {
    status: input.status,
    priority: input.priority,
    assigneeId: input.assigneeId,
    departmentId: input.departmentId,
    addTags: input.addTags ? await resolveTags(input.addTags) : undefined,
    removeTags: input.removeTags,
  };
  return saveTicketChange(
    reference,
    authorOf(principal),
    (ticket, at) => applyPatch(ticket, patch, at),
    options,
  );
}

/** Closes a ticket for its requester when the installation allows customers to close. */
export async function closeByRequester(
  principal: Principal,
  reference: string,
  visible: (ticket: Ticket) => boolean,
): Promise<Ticket> {
  const settings = await getSettings();
  return saveTicketChange(
    reference,
    authorOf(principal),
    (ticket, at) => {
      if (!settings.allowCustomerClose) {
        throw new ApiError(
          'ticket.closeNotAllowed',
          'This helpdesk does not let customers close tickets; ask an agent.',
        );
      }
      return changeStatus(ticket, 'closed', at);
    },
    { visible },
  );
}

/** Reopens a resolved ticket, or a closed one within the reopen window, for its requester. */
export async function reopenByRequester(
  principal: Principal,
  reference: string,
  visible: (ticket: Ticket) => boolean,
): Promise<Ticket> {
  const settings = await getSettings();
  return saveTicketChange(
    reference,
    authorOf(principal),
    (ticket, at) => {
      if (ticket.status !== 'resolved' && ticket.status !== 'closed') {
        throw new InvalidTransitionError(ticket.status, 'reopened');
      }
      if (pastReopenWindow(ticket, settings, Date.parse(at))) {
        throw new ApiError(
          'ticket.reopenWindowExpired',
          `Ticket ${reference} was closed more than ${settings.reopenWindowDays} days ago; reply to open a follow-up ticket.`,
        );
      }
      return changeStatus(ticket, 'reopened', at);
    },
    { visible },
  );
}
