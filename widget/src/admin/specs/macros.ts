import { html, type TemplateResult } from 'lit';
import { PRIORITIES, PRIORITY_LABELS } from '../../shared/api-types.js';
import { STATUS_LABELS, TICKET_STATUSES } from '../../shared/status.js';
import { validateText } from '../../shared/validation.js';
import type { ConfigItem, MacroAction, MacroInput } from '../admin-types.js';
import { agentChoices, eraseSpec, namedChoices, type FormContext } from '../collection-spec.js';
import {
  checkboxField,
  errorLine,
  inputField,
  selectField,
  textAreaField,
  type SelectOption,
} from '../form-controls.js';
import { splitNames, type FieldErrorMap } from '../validation.js';
import { checkOwner, sharingLabel } from './canned-responses.js';

const STEP_LABELS: Readonly<Record<string, string>> = {
  status: 'Set status',
  priority: 'Set priority',
  assign: 'Assign',
  department: 'Move to department',
  add_tags: 'Add tags',
  reply: 'Public reply',
  note: 'Internal note',
};

/** The longest reply or note a macro may add, in characters. */
const MAX_TEXT = 65_535;

/** A macro step as the form stores it. An empty assignee or department means "none". */
interface StepDraft {
  type: string;
  text: string;
}

/** Form state of a macro. An empty `ownerId` means none. */
interface MacroDraft {
  name: string;
  shared: boolean;
  ownerId: string;
  actions: StepDraft[];
}

function newStep(type = 'status'): StepDraft {
  if (type === 'status') return { type, text: 'resolved' };
  if (type === 'priority') return { type, text: 'high' };
  return { type, text: '' };
}

function stepDraft(step: MacroAction): StepDraft {
  const value = step.value;
  if (Array.isArray(value)) return { type: step.type, text: value.map(String).join(', ') };
  return { type: step.type, text: value === null || value === undefined ? '' : String(value) };
}

function stepPayload(step: StepDraft): MacroAction {
  const text = step.text.trim();
  if (step.type === 'add_tags') return { type: step.type, value: splitNames(step.text) };
  if (step.type === 'assign' || step.type === 'department') {
    return { type: step.type, value: text || null };
  }
  return { type: step.type, value: text };
}

function checkStep(step: StepDraft, path: string, errors: FieldErrorMap): void {
  const valuePath = `${path}.value`;
  if (step.type === 'add_tags') {
    const names = splitNames(step.text);
    if (names.length === 0) errors[valuePath] = 'Enter at least one tag name.';
    else if (names.length > 20) errors[valuePath] = 'Enter at most 20 tag names.';
    else if (names.some((name) => name.length > 50)) {
      errors[valuePath] = 'Tag names must be at most 50 characters.';
    }
  } else if (step.type === 'reply' || step.type === 'note') {
    const problem = validateText('Text', step.text, MAX_TEXT);
    if (problem) errors[valuePath] = problem;
  } else if (step.type === 'status' || step.type === 'priority') {
    if (!step.text) errors[valuePath] = 'Choose a value.';
  } else if (!(step.type in STEP_LABELS)) {
    errors[`${path}.type`] = 'Choose a step.';
  }
}

function stepValue(form: FormContext<MacroDraft>, step: StepDraft, path: string, label: string) {
  const { errors, lookups, update } = form;
  const common = {
    errors,
    path: `${path}.value`,
    label: 'Value',
    labelContext: label,
    nested: true,
  };
  const onChange = (value: string) => update(() => (step.text = value));
  switch (step.type) {
    case 'status':
      return selectField({
        ...common,
        value: step.text,
        choices: TICKET_STATUSES.map((status) => ({ value: status, label: STATUS_LABELS[status] })),
        onChange,
      });
    case 'priority':
      return selectField({
        ...common,
        value: step.text,
        choices: PRIORITIES.map((priority) => ({
          value: priority,
          label: PRIORITY_LABELS[priority],
        })),
        onChange,
      });
    case 'assign':
      return selectField({
        ...common,
        value: step.text,
        choices: [{ value: '', label: 'Nobody (unassign)' }, ...agentChoices(lookups.agents)],
        onChange,
      });
    case 'department':
      return selectField({
        ...common,
        value: step.text,
        choices: [{ value: '', label: 'No department' }, ...namedChoices(lookups.departments)],
        onChange,
      });
    case 'add_tags':
      return inputField({
        ...common,
        hint: 'Separate tag names with commas.',
        value: step.text,
        onInput: onChange,
      });
    default:
      return textAreaField({ ...common, value: step.text, onInput: onChange });
  }
}

const STEP_CHOICES: SelectOption[] = Object.entries(STEP_LABELS).map(([value, label]) => ({
  value,
  label,
}));

function renderSteps(form: FormContext<MacroDraft>): TemplateResult {
  const { draft, errors, update } = form;
  return html`<fieldset class="actions-list">
    <legend>Steps (applied in order)</legend>
    <div class="rows">
      ${draft.actions.map((step, index) => {
        const path = `actions.${index}`;
        const label = `Step ${index + 1}`;
        return html`<div class="row action" data-index=${index}>
          ${selectField({
            errors,
            path: `${path}.type`,
            label: 'Type',
            labelContext: label,
            value: step.type,
            choices: STEP_CHOICES,
            onChange: (type) => update(() => Object.assign(step, newStep(type))),
          })}
          ${stepValue(form, step, path, label)}
          <div class="row-buttons">
            <button type="button" @click=${() => update((macro) => macro.actions.splice(index, 1))}>
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
      @click=${() => update((macro) => macro.actions.push(newStep()))}
    >
      Add step
    </button>
  </fieldset>`;
}

/** Macros: ordered ticket changes an agent applies in one go, shared or personal. */
export const macroSpec = eraseSpec<ConfigItem<MacroInput>, MacroDraft>({
  collection: 'macros',
  title: 'Macros',
  noun: 'macro',
  lookups: ['agents', 'departments'],
  columns: [
    { header: 'Name', cell: (macro) => macro.name },
    { header: 'Steps', cell: (macro) => String(macro.actions.length) },
    { header: 'Sharing', cell: (macro, lookups) => sharingLabel(macro, lookups.agents) },
  ],
  compare: (a, b) => a.name.localeCompare(b.name),
  nameOf: (macro) => macro.name,
  newDraft: (session) => ({
    name: '',
    shared: true,
    ownerId: session?.id ?? '',
    actions: [newStep('status')],
  }),
  draftOf: (macro) => ({
    name: macro.name,
    shared: macro.shared,
    ownerId: macro.ownerId ?? '',
    actions: macro.actions.map(stepDraft),
  }),

  validate(draft) {
    const errors: FieldErrorMap = {};
    const name = validateText('Name', draft.name, 100);
    if (name) errors.name = name;
    checkOwner(draft, errors);
    if (draft.actions.length === 0) errors.actions = 'Add at least one step.';
    if (draft.actions.length > 20) errors.actions = 'Use at most 20 steps.';
    draft.actions.forEach((step, index) => checkStep(step, `actions.${index}`, errors));
    return errors;
  },

  payloadOf: (draft) => ({
    name: draft.name.trim(),
    shared: draft.shared,
    ownerId: draft.ownerId || null,
    actions: draft.actions.map(stepPayload),
  }),

  renderForm(form) {
    const { draft, errors, lookups, update } = form;
    return html`<div class="form-grid">
        ${inputField({
          errors,
          path: 'name',
          label: 'Name',
          value: draft.name,
          required: true,
          onInput: (value) => update((macro) => (macro.name = value)),
        })}
        ${selectField({
          errors,
          path: 'ownerId',
          label: 'Owner',
          value: draft.ownerId,
          choices: [{ value: '', label: 'No owner' }, ...agentChoices(lookups.agents)],
          onChange: (value) => update((macro) => (macro.ownerId = value)),
        })}
      </div>
      ${checkboxField({
        errors,
        path: 'shared',
        label: 'Shared with every agent',
        checked: draft.shared,
        onChange: (checked) => update((macro) => (macro.shared = checked)),
      })}
      ${renderSteps(form)}`;
  },
});
