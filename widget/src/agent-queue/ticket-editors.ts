import { html, nothing, type TemplateResult } from 'lit';
import {
  PRIORITIES,
  type Department,
  type Macro,
  type Tag,
  type TagDefinition,
  type Ticket,
  type TicketPatch,
  type UserSummary,
} from '../shared/api-types.js';
import { agentName, departmentName, priorityLabel } from '../shared/format.js';
import { allowedTransitions, statusLabel } from '../shared/status.js';
import { renderMacroPicker, renderTagEditor } from './ticket-side.js';
import type { TicketUpdates } from './ticket-updates.js';

/** The lists the editors offer, and where their changes go. */
export interface TicketEditorsContext {
  agents: readonly UserSummary[];
  departments: readonly Department[];
  /** The tag catalogue offered when adding a tag. */
  tags: readonly TagDefinition[];
  macros: readonly Macro[];
  /** Sends each change. Its `updating` and `error` disable the editors and show a failure. */
  updates: TicketUpdates;
  /** The element's shadow root, where focus returns to the tag field after a removal. */
  root: ParentNode;
}

/** A select's new value, described as the change to send and the announcement of its success. */
type ChangeOf = (value: string) => [patch: TicketPatch, success: string];

/** Renders the status, priority, assignee and department selects, the tag editor and the macros. */
export function renderTicketEditors(ticket: Ticket, context: TicketEditorsContext): TemplateResult {
  const { updates } = context;
  return html`${renderControls(ticket, context)}
  ${renderTagEditor(ticket.tags, context.tags, updates.updating, {
    onAdd: (event) => addTag(event, updates),
    onRemove: (tag) => removeTag(tag, context),
  })}
  ${renderMacroPicker(context.macros, updates.updating, (event) => applyMacro(event, context))}`;
}

// Picking a value sends the change at once, with the announcement that reports it.
function renderControls(ticket: Ticket, context: TicketEditorsContext): TemplateResult {
  const { agents, departments, updates } = context;
  const updating = updates.updating;
  const onChange = (changeOf: ChangeOf) => (event: Event) =>
    updates.apply(...changeOf((event.target as HTMLSelectElement).value));
  return html`<section class="controls stack" part="controls" aria-label="Ticket settings">
    ${updates.error ? html`<div class="error" role="alert">${updates.error}</div>` : nothing}
    <div class="field">
      <label for="status">Status</label>
      <select id="status" ?disabled=${updating} @change=${onChange(statusChange)}>
        <option value=${ticket.status}>${statusLabel(ticket.status)} (current)</option>
        ${allowedTransitions(ticket.status).map(
          (status) => html`<option value=${status}>${statusLabel(status)}</option>`,
        )}
      </select>
    </div>
    <div class="field">
      <label for="priority">Priority</label>
      <select id="priority" ?disabled=${updating} @change=${onChange(priorityChange)}>
        ${PRIORITIES.map(
          (priority) => html`<option value=${priority}>${priorityLabel(priority)}</option>`,
        )}
      </select>
    </div>
    <div class="field">
      <label for="assignee">Assignee</label>
      <select
        id="assignee"
        ?disabled=${updating}
        @change=${onChange((value) => assigneeChange(value, agents))}
      >
        <option value="">Unassigned</option>
        ${optionsWith(agents, ticket.assigneeId).map(
          (agent) => html`<option value=${agent.id}>${agentName(agent.id, agents)}</option>`,
        )}
      </select>
    </div>
    <div class="field">
      <label for="department">Department</label>
      <select
        id="department"
        ?disabled=${updating}
        @change=${onChange((value) => departmentChange(value, departments))}
      >
        <option value="">None</option>
        ${optionsWith(departments, ticket.departmentId).map(
          (department) =>
            html`<option value=${department.id}>
              ${departmentName(department.id, departments)}
            </option>`,
        )}
      </select>
    </div>
  </section>`;
}

function statusChange(value: string): [TicketPatch, string] {
  return [{ status: value as Ticket['status'] }, `Status changed to ${statusLabel(value)}.`];
}

function priorityChange(value: string): [TicketPatch, string] {
  return [
    { priority: value as Ticket['priority'] },
    `Priority changed to ${priorityLabel(value)}.`,
  ];
}

function assigneeChange(value: string, agents: readonly UserSummary[]): [TicketPatch, string] {
  const assigneeId = value || null;
  const message = assigneeId
    ? `Assigned to ${agentName(assigneeId, agents)}.`
    : 'Ticket unassigned.';
  return [{ assigneeId }, message];
}

function departmentChange(
  value: string,
  departments: readonly Department[],
): [TicketPatch, string] {
  const departmentId = value || null;
  const message = departmentId
    ? `Moved to ${departmentName(departmentId, departments)}.`
    : 'Department removed.';
  return [{ departmentId }, message];
}

/**
 * Makes the selects under `root` show the stored values of `ticket`. A failed or rejected
 * change would otherwise leave the value the agent picked on screen, because Lit re-renders
 * only changed bindings.
 */
export function syncTicketControls(root: ParentNode, ticket: Ticket): void {
  const values = {
    status: ticket.status,
    priority: ticket.priority,
    assignee: ticket.assigneeId ?? '',
    department: ticket.departmentId ?? '',
  };
  for (const [id, value] of Object.entries(values)) {
    const select = root.querySelector<HTMLSelectElement>(`#${id}`);
    if (select && select.value !== value) select.value = value;
  }
}

function addTag(event: SubmitEvent, updates: TicketUpdates): void {
  event.preventDefault();
  const input = (event.target as HTMLFormElement).elements.namedItem('tag') as HTMLInputElement;
  const name = input.value.trim();
  if (!name) {
    input.focus();
    return;
  }
  void updates.addTag(name).then((done) => {
    if (done) input.value = '';
  });
}

function removeTag(tag: Tag, context: TicketEditorsContext): void {
  void context.updates.removeTag(tag.name).then(() => {
    context.root.querySelector<HTMLElement>('#tag-input')?.focus();
  });
}

function applyMacro(event: SubmitEvent, context: TicketEditorsContext): void {
  event.preventDefault();
  const select = (event.target as HTMLFormElement).elements.namedItem('macro');
  const macro = context.macros.find((entry) => entry.id === (select as HTMLSelectElement).value);
  if (macro) void context.updates.applyMacro(macro);
}

/** Returns the known entries, plus the ticket's current value when the list lacks it. */
function optionsWith(known: ReadonlyArray<{ id: string }>, current: string | null) {
  const options: Array<{ id: string }> = [...known];
  if (current && !known.some((entry) => entry.id === current)) options.push({ id: current });
  return options;
}
