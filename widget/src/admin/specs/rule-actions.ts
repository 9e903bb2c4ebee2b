import { html, nothing, type TemplateResult } from 'lit';
import { PRIORITIES, PRIORITY_LABELS } from '../../shared/api-types.js';
import type { RuleAction } from '../admin-types.js';
import { agentChoices, namedChoices, type FormContext } from '../collection-spec.js';
import {
  errorLine,
  inputField,
  selectField,
  textAreaField,
  type SelectOption,
} from '../form-controls.js';
import { splitNames, type FieldErrorMap } from '../validation.js';

const ACTION_LABELS: Readonly<Record<string, string>> = {
  escalate: 'Escalate',
  set_priority: 'Set priority',
  assign: 'Assign',
  set_department: 'Move to department',
  add_tags: 'Add tags',
  add_note: 'Add internal note',
  notify: 'Notify',
};

const NOTIFY_CHOICES: SelectOption[] = [
  { value: 'assignee', label: 'The assignee' },
  { value: 'department', label: 'The department’s agents' },
  { value: 'followers', label: 'The followers' },
  { value: 'email', label: 'An email address' },
];

const ASSIGN_CHOICES: SelectOption[] = [
  { value: 'agent', label: 'An agent' },
  { value: 'round_robin', label: 'Round-robin in a department' },
];

// A loose check, as in the portal: one @, no spaces, a dot in the domain. The API decides.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * An action as the form stores it. `target` is the assign mode (`agent`, `round_robin`) or the
 * notify recipient, and `text` is the value typed or chosen (priority, agent or department id, tags,
 * note, email address).
 */
export interface ActionDraft {
  type: string;
  target: string;
  text: string;
}

/** Returns a new action of `type` with empty values. */
export function newAction(type = 'escalate'): ActionDraft {
  if (type === 'set_priority') return { type, target: '', text: 'urgent' };
  if (type === 'assign') return { type, target: 'agent', text: '' };
  if (type === 'notify') return { type, target: 'assignee', text: '' };
  return { type, target: '', text: '' };
}

/** Returns the form state of a stored action. */
export function actionDraft(action: RuleAction): ActionDraft {
  const value = action.value;
  if (action.type === 'assign' && value && typeof value === 'object') {
    return {
      type: 'assign',
      target: 'round_robin',
      text: String((value as { departmentId?: unknown }).departmentId ?? ''),
    };
  }
  if (action.type === 'assign')
    return { type: 'assign', target: 'agent', text: String(value ?? '') };
  if (action.type === 'notify') {
    const recipient = String(value ?? '');
    const named = ['assignee', 'department', 'followers'].includes(recipient);
    return { type: 'notify', target: named ? recipient : 'email', text: named ? '' : recipient };
  }
  if (action.type === 'add_tags' && Array.isArray(value)) {
    return { type: 'add_tags', target: '', text: value.map(String).join(', ') };
  }
  return { type: action.type, target: '', text: value === undefined ? '' : String(value) };
}

/** Returns the API form of an action that {@link checkAction} accepted. */
export function actionPayload(action: ActionDraft): RuleAction {
  const { type } = action;
  switch (type) {
    case 'escalate':
      return { type };
    case 'assign':
      return action.target === 'round_robin'
        ? { type, value: { departmentId: action.text, strategy: 'round_robin' } }
        : { type, value: action.text };
    case 'add_tags':
      return { type, value: splitNames(action.text) };
    case 'notify':
      return { type, value: action.target === 'email' ? action.text.trim() : action.target };
    default:
      return { type, value: action.text.trim() };
  }
}

/** Checks one action as the API does, keying messages by the paths the API uses. */
export function checkAction(action: ActionDraft, path: string, errors: FieldErrorMap): void {
  const valuePath = `${path}.value`;
  const text = action.text.trim();
  switch (action.type) {
    case 'escalate':
      return;
    case 'set_priority':
      if (!(PRIORITIES as readonly string[]).includes(text))
        errors[valuePath] = 'Choose a priority.';
      return;
    case 'assign':
      if (action.target === 'round_robin' && !text) {
        errors[`${valuePath}.departmentId`] = 'Choose a department.';
      } else if (!text) errors[valuePath] = 'Choose an agent.';
      return;
    case 'set_department':
      if (!text) errors[valuePath] = 'Choose a department.';
      return;
    case 'add_tags': {
      const names = splitNames(action.text);
      if (names.length === 0) errors[valuePath] = 'Enter at least one tag name.';
      else if (names.length > 20) errors[valuePath] = 'Enter at most 20 tag names.';
      else if (names.some((name) => name.length > 50)) {
        errors[valuePath] = 'Tag names must be at most 50 characters.';
      }
      return;
    }
    case 'add_note':
      if (!text) errors[valuePath] = 'Enter the note.';
      else if (text.length > 10_000)
        errors[valuePath] = 'The note must be at most 10,000 characters.';
      return;
    case 'notify':
      if (action.target === 'email' && !EMAIL.test(text)) {
        errors[valuePath] = 'Enter an email address such as team@example.com.';
      }
      return;
    default:
      errors[`${path}.type`] = 'Choose an action.';
  }
}

function renderValue(
  form: FormContext<unknown>,
  action: ActionDraft,
  path: string,
  label: string,
): TemplateResult | typeof nothing {
  const { errors, lookups, update } = form;
  const valuePath = `${path}.value`;
  const set = (change: () => void) => update(() => change());
  const departments = [{ value: '', label: 'Choose…' }, ...namedChoices(lookups.departments)];
  switch (action.type) {
    case 'set_priority':
      return selectField({
        errors,
        path: valuePath,
        label: 'Priority',
        labelContext: label,
        value: action.text,
        choices: PRIORITIES.map((priority) => ({
          value: priority,
          label: PRIORITY_LABELS[priority],
        })),
        onChange: (value) => set(() => (action.text = value)),
      });
    case 'assign':
      return html`${selectField({
        errors,
        path: `${path}.mode`,
        label: 'Assigns to',
        labelContext: label,
        value: action.target,
        choices: ASSIGN_CHOICES,
        onChange: (value) => set(() => Object.assign(action, { target: value, text: '' })),
      })}
      ${
        action.target === 'round_robin'
          ? selectField({
              errors,
              path: `${valuePath}.departmentId`,
              label: 'Department',
              labelContext: label,
              value: action.text,
              choices: departments,
              onChange: (value) => set(() => (action.text = value)),
            })
          : selectField({
              errors,
              path: valuePath,
              label: 'Agent',
              labelContext: label,
              value: action.text,
              choices: [{ value: '', label: 'Choose…' }, ...agentChoices(lookups.agents)],
              onChange: (value) => set(() => (action.text = value)),
            })
      }`;
    case 'set_department':
      return selectField({
        errors,
        path: valuePath,
        label: 'Department',
        labelContext: label,
        value: action.text,
        choices: departments,
        onChange: (value) => set(() => (action.text = value)),
      });
    case 'add_tags':
      return inputField({
        errors,
        path: valuePath,
        label: 'Tags',
        labelContext: label,
        hint: 'Separate tag names with commas.',
        nested: true,
        value: action.text,
        onInput: (value) => set(() => (action.text = value)),
      });
    case 'add_note':
      return textAreaField({
        errors,
        path: valuePath,
        label: 'Note',
        labelContext: label,
        value: action.text,
        onInput: (value) => set(() => (action.text = value)),
      });
    case 'notify':
      return html`${selectField({
        errors,
        path: `${path}.recipient`,
        label: 'Recipient',
        labelContext: label,
        value: action.target,
        choices: NOTIFY_CHOICES,
        onChange: (value) => set(() => (action.target = value)),
      })}
      ${
        action.target === 'email'
          ? inputField({
              errors,
              path: valuePath,
              label: 'Email address',
              labelContext: label,
              type: 'email',
              value: action.text,
              onInput: (value) => set(() => (action.text = value)),
            })
          : nothing
      }`;
    default:
      return nothing;
  }
}

const TYPE_CHOICES: SelectOption[] = Object.entries(ACTION_LABELS).map(([value, label]) => ({
  value,
  label,
}));

/** Renders the action rows, applied in order, with add, move and remove buttons. */
export function renderActions(form: FormContext<unknown>, actions: ActionDraft[]): TemplateResult {
  const { errors, update } = form;
  const move = (from: number, to: number) =>
    update(() => actions.splice(to, 0, ...actions.splice(from, 1)));
  return html`<fieldset class="actions-list">
    <legend>Actions (applied in order)</legend>
    <div class="rows">
      ${actions.map((action, index) => {
        const path = `actions.${index}`;
        const label = `Action ${index + 1}`;
        return html`<div class="row action" data-index=${index}>
          ${selectField({
            errors,
            path: `${path}.type`,
            label: 'Type',
            labelContext: label,
            value: action.type,
            choices: TYPE_CHOICES,
            onChange: (type) => update(() => Object.assign(action, newAction(type))),
          })}
          ${renderValue(form, action, path, label)}
          <div class="row-buttons">
            <button type="button" ?disabled=${index === 0} @click=${() => move(index, index - 1)}>
              Up<span class="visually-hidden"> (move ${label.toLowerCase()} earlier)</span>
            </button>
            <button
              type="button"
              ?disabled=${index === actions.length - 1}
              @click=${() => move(index, index + 1)}
            >
              Down<span class="visually-hidden"> (move ${label.toLowerCase()} later)</span>
            </button>
            <button type="button" @click=${() => update(() => actions.splice(index, 1))}>
              Remove<span class="visually-hidden"> ${label.toLowerCase()}</span>
            </button>
          </div>
          <div class="row-error">${errorLine(errors, path, errors.take(path, true))}</div>
        </div>`;
      })}
      ${errorLine(errors, 'actions', errors.take('actions'))}
    </div>
    <button
      type="button"
      class="add-action"
      @click=${() => update(() => actions.push(newAction()))}
    >
      Add action
    </button>
  </fieldset>`;
}
