import { randomUUID } from 'node:crypto';
import { fillPlaceholders, usableBy, type MacroAction } from '../domain/macros.js';
import { statusAfterReply } from '../domain/status-machine.js';
import {
  applyPatch,
  changeStatus,
  implicitStatus,
  type ChangeResult,
} from '../domain/ticket-changes.js';
import type { Principal, Reply, Ticket } from '../domain/types.js';
import { ApiError, invalidField } from '../lib/errors.js';
import { getConfigItem } from '../store/config-items.js';
import { findDepartment } from '../store/configuration.js';
import type { TransactItem } from '../store/table.js';
import { getUser } from '../store/users.js';
import { authorOf, replyWrite } from './items.js';
import { saveTicketChange } from './save.js';
import { resolveTags } from './tags.js';

interface StoredMacro {
  id: string;
  name: string;
  shared: boolean;
  ownerId: string | null;
  actions: MacroAction[];
}

interface MacroState extends ChangeResult {
  writes: TransactItem[];
  reply?: Reply;
}

function step(state: MacroState, change: ChangeResult): MacroState {
  return { ...state, ticket: change.ticket, events: [...state.events, ...change.events] };
}

function addReply(
  state: MacroState,
  principal: Principal,
  body: string,
  internal: boolean,
  at: string,
): MacroState {
  const ticket = state.ticket;
  const reply: Reply = {
    id: randomUUID(),
    body,
    internal,
    pinned: false,
    author: authorOf(principal),
    attachments: [],
    createdAt: at,
  };
  let next: MacroState = {
    ...state,
    writes: [...state.writes, replyWrite(ticket.reference, reply)],
    reply,
  };
  if (internal)
    return { ...next, events: [...next.events, { type: 'note.created', note: reply.id }] };
  const moved = statusAfterReply(ticket.status, 'agent');
  if (moved) next = step(next, implicitStatus(next.ticket, moved, at));
  const stamps = { lastAgentReplyAt: at, firstResponseAt: next.ticket.firstResponseAt ?? at };
  return {
    ...next,
    ticket: { ...next.ticket, ...stamps },
    events: [...next.events, { type: 'reply.created', note: reply.id }],
  };
}

async function applyAction(
  state: MacroState,
  action: MacroAction,
  principal: Principal,
  at: string,
): Promise<MacroState> {
  const context = { ticket: state.ticket, requester: state.ticket.requester, agent: principal };
  switch (action.type) {
    case 'status':
      return state.ticket.status === action.value
        ? state
        : step(state, changeStatus(state.ticket, action.value, at));
    case 'priority':
      return step(state, applyPatch(state.ticket, { priority: action.value }, at));
    case 'assign':
      return step(state, applyPatch(state.ticket, { assigneeId: action.value }, at));
    case 'department':
      return step(state, applyPatch(state.ticket, { departmentId: action.value }, at));
    case 'add_tags':
      return step(
        state,
        applyPatch(state.ticket, { addTags: await resolveTags(action.value) }, at),
      );
    case 'reply':
      return addReply(state, principal, fillPlaceholders(action.value, context), false, at);
    case 'note':
      return addReply(state, principal, fillPlaceholders(action.value, context), true, at);
  }
}

async function loadMacro(macroId: string, principal: Principal): Promise<StoredMacro> {
  const macro = await getConfigItem<StoredMacro>('MACRO', macroId);
  if (!macro || !usableBy(macro, principal.id))
    throw new ApiError('macro.notFound', `Macro ${macroId} was not found.`);
  for (const [index, action] of macro.actions.entries()) {
    if (action.type === 'assign' && action.value) {
      const user = await getUser(action.value);
      if (!user || user.role === 'customer')
        throw invalidField(`actions.${index}`, `assigns "${action.value}", who is not an agent`);
    }
    if (action.type === 'department' && action.value && !(await findDepartment(action.value))) {
      throw invalidField(
        `actions.${index}`,
        `moves to department "${action.value}", which does not exist`,
      );
    }
  }
  return macro;
}

/**
 * Applies a macro's actions in order, in one conditional write: a status the machine forbids
 * fails the whole macro with 409 and writes nothing. A status the ticket already has is
 * skipped, like any other step that changes nothing.
 */
export async function applyMacro(
  principal: Principal,
  reference: string,
  macroId: string,
  visible: (ticket: Ticket) => boolean,
): Promise<Ticket> {
  const macro = await loadMacro(macroId, principal);
  return saveTicketChange(
    reference,
    authorOf(principal),
    async (ticket, at) => {
      let state: MacroState = {
        ticket,
        events: [{ type: 'ticket.updated', note: `Macro "${macro.name}" applied` }],
        writes: [],
      };
      for (const action of macro.actions) state = await applyAction(state, action, principal, at);
      return {
        ticket: state.ticket,
        events: state.events,
        extraWrites: () => state.writes,
        reply: state.reply,
      };
    },
    { visible },
  );
}
