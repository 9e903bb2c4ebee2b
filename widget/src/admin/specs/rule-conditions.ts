import { html, type TemplateResult } from 'lit';
import { PRIORITIES, PRIORITY_LABELS } from '../../shared/api-types.js';
import { STATUS_LABELS, TICKET_STATUSES } from '../../shared/status.js';
import type { RuleCondition } from '../admin-types.js';
import { namedChoices, type FormContext, type Lookups } from '../collection-spec.js';
import {
  checkboxGroup,
  errorLine,
  inputField,
  selectField,
  type SelectOption,
} from '../form-controls.js';
import { readWholeNumber, splitNames, type FieldErrorMap } from '../validation.js';

/** Kind of value a condition field compares with, which decides the value control. */
type ValueKind =
  'status' | 'priority' | 'channel' | 'department' | 'tag' | 'boolean' | 'minutes' | 'slaTarget';

interface FieldDefinition {
  label: string;
  ops: readonly string[];
  kind: ValueKind;
}

/** Condition fields of the API with their comparisons, first comparison the default. */
const CONDITION_FIELDS: Readonly<Record<string, FieldDefinition>> = {
  status: { label: 'Status', ops: ['in', 'not_in', 'eq'], kind: 'status' },
  priority: { label: 'Priority', ops: ['in', 'not_in', 'eq'], kind: 'priority' },
  departmentId: { label: 'Department', ops: ['in', 'not_in', 'eq'], kind: 'department' },
  tag: { label: 'Tag', ops: ['eq', 'in', 'not_in'], kind: 'tag' },
  channel: { label: 'Channel', ops: ['in', 'not_in', 'eq'], kind: 'channel' },
  unassigned: { label: 'Unassigned', ops: ['eq'], kind: 'boolean' },
  ageMinutes: { label: 'Age in minutes', ops: ['gte', 'lte'], kind: 'minutes' },
  noFirstResponseMinutes: {
    label: 'Minutes without a first response',
    ops: ['gte', 'lte'],
    kind: 'minutes',
  },
  noAgentReplyMinutes: {
    label: 'Minutes since the requester’s last message without an agent reply',
    ops: ['gte', 'lte'],
    kind: 'minutes',
  },
  slaWarning: { label: 'SLA warning on', ops: ['eq'], kind: 'slaTarget' },
  slaBreached: { label: 'SLA breached on', ops: ['eq'], kind: 'slaTarget' },
};

const OP_LABELS: Readonly<Record<string, string>> = {
  eq: 'is',
  in: 'is one of',
  not_in: 'is none of',
  gte: 'is at least',
  lte: 'is at most',
};

const CHANNEL_CHOICES: SelectOption[] = [
  { value: 'portal', label: 'Portal' },
  { value: 'guest', label: 'Guest form' },
  { value: 'email', label: 'Email' },
  { value: 'api', label: 'API' },
];

const SLA_TARGET_CHOICES: SelectOption[] = [
  { value: 'any', label: 'Any target' },
  { value: 'firstResponse', label: 'First response' },
  { value: 'nextResponse', label: 'Next response' },
  { value: 'resolution', label: 'Resolution' },
];

const BOOLEAN_CHOICES: SelectOption[] = [
  { value: 'true', label: 'Yes' },
  { value: 'false', label: 'No' },
];

/** The largest number of minutes a time condition accepts (about ten years). */
const MAX_CONDITION_MINUTES = 5_256_000;

/**
 * A condition as the form stores it: `text` is the single value (or comma-separated tags),
 * `choices` the values picked from a list for `in` and `not_in`.
 */
export interface ConditionDraft {
  field: string;
  op: string;
  text: string;
  choices: string[];
}

function choicesFor(kind: ValueKind, lookups: Lookups): SelectOption[] {
  switch (kind) {
    case 'status':
      return TICKET_STATUSES.map((status) => ({ value: status, label: STATUS_LABELS[status] }));
    case 'priority':
      return PRIORITIES.map((priority) => ({ value: priority, label: PRIORITY_LABELS[priority] }));
    case 'channel':
      return CHANNEL_CHOICES;
    case 'department':
      return namedChoices(lookups.departments);
    case 'boolean':
      return BOOLEAN_CHOICES;
    case 'slaTarget':
      return SLA_TARGET_CHOICES;
    default:
      return [];
  }
}

function definitionOf(field: string): FieldDefinition {
  return CONDITION_FIELDS[field] ?? CONDITION_FIELDS.priority!;
}

/** True when the condition's value is a list picked from choices. */
function isChoiceList(condition: ConditionDraft): boolean {
  const kind = definitionOf(condition.field).kind;
  return kind !== 'tag' && (condition.op === 'in' || condition.op === 'not_in');
}

/** Returns a new condition on `field` with its first comparison and a default value. */
export function newCondition(field = 'priority', lookups?: Lookups): ConditionDraft {
  const definition = definitionOf(field);
  const first = lookups ? choicesFor(definition.kind, lookups)[0]?.value : undefined;
  const text = definition.kind === 'minutes' ? '60' : (first ?? '');
  return { field, op: definition.ops[0]!, text, choices: [] };
}

/** Returns the form state of a stored condition. */
export function conditionDraft(condition: RuleCondition): ConditionDraft {
  const value = condition.value;
  if (Array.isArray(value)) {
    const names = value.map(String);
    const isTag = condition.field === 'tag';
    return {
      field: condition.field,
      op: condition.op,
      text: isTag ? names.join(', ') : '',
      choices: isTag ? [] : names,
    };
  }
  return { field: condition.field, op: condition.op, text: String(value ?? ''), choices: [] };
}

/** Returns the API form of a condition that {@link checkCondition} accepted. */
export function conditionPayload(condition: ConditionDraft): RuleCondition {
  const { field, op } = condition;
  const kind = definitionOf(field).kind;
  if (kind === 'boolean') return { field, op, value: condition.text === 'true' };
  if (kind === 'minutes') return { field, op, value: Number(condition.text.trim()) };
  if (kind === 'tag' && op !== 'eq') return { field, op, value: splitNames(condition.text) };
  if (isChoiceList(condition)) return { field, op, value: condition.choices };
  return { field, op, value: condition.text.trim() };
}

/** Checks one condition as the API does, putting value messages under `path.value`. */
export function checkCondition(condition: ConditionDraft, path: string, errors: FieldErrorMap) {
  const definition = CONDITION_FIELDS[condition.field];
  if (!definition) {
    errors[`${path}.field`] = 'Choose a field.';
    return;
  }
  if (!definition.ops.includes(condition.op)) {
    errors[`${path}.op`] = 'Choose a comparison.';
    return;
  }
  const valuePath = `${path}.value`;
  if (definition.kind === 'minutes') {
    const minutes = readWholeNumber(condition.text, 'minutes', {
      min: 0,
      max: MAX_CONDITION_MINUTES,
    });
    if (minutes.error) errors[valuePath] = minutes.error;
  } else if (definition.kind === 'tag') {
    const names = condition.op === 'eq' ? [condition.text.trim()] : splitNames(condition.text);
    if (names.length === 0 || names[0] === '') errors[valuePath] = 'Enter a tag name.';
    else if (names.length > 50) errors[valuePath] = 'Enter at most 50 tag names.';
    else if (names.some((name) => name.length > 50)) {
      errors[valuePath] = 'Tag names must be at most 50 characters.';
    }
  } else if (isChoiceList(condition)) {
    if (condition.choices.length === 0) errors[valuePath] = 'Choose at least one value.';
  } else if (!condition.text) {
    errors[valuePath] = 'Choose a value.';
  }
}

function renderValue(
  form: FormContext<unknown>,
  condition: ConditionDraft,
  path: string,
  label: string,
): TemplateResult {
  const { errors, lookups, update } = form;
  const kind = definitionOf(condition.field).kind;
  const valuePath = `${path}.value`;
  if (kind === 'minutes' || kind === 'tag') {
    const list = kind === 'tag' && condition.op !== 'eq';
    return inputField({
      errors,
      path: valuePath,
      label: 'Value',
      labelContext: label,
      nested: true,
      inputMode: kind === 'minutes' ? 'numeric' : undefined,
      hint: list ? 'Separate tag names with commas.' : undefined,
      value: condition.text,
      onInput: (value) => update(() => (condition.text = value)),
    });
  }
  const choices = choicesFor(kind, lookups);
  if (isChoiceList(condition)) {
    return checkboxGroup({
      errors,
      path: valuePath,
      legend: 'Values',
      legendContext: label,
      choices,
      selected: condition.choices,
      empty: 'Nothing to choose from yet.',
      onChange: (selected) => update(() => (condition.choices = selected)),
    });
  }
  return selectField({
    errors,
    path: valuePath,
    label: 'Value',
    labelContext: label,
    value: condition.text,
    choices: condition.text ? choices : [{ value: '', label: 'Choose…' }, ...choices],
    onChange: (value) => update(() => (condition.text = value)),
  });
}

const FIELD_CHOICES: SelectOption[] = Object.entries(CONDITION_FIELDS).map(([value, field]) => ({
  value,
  label: field.label,
}));

/** Renders the condition rows with add and remove buttons. */
export function renderConditions(
  form: FormContext<unknown>,
  conditions: ConditionDraft[],
): TemplateResult {
  const { errors, update } = form;
  return html`<fieldset class="conditions">
    <legend>Conditions (all must hold)</legend>
    <div class="rows">
      ${conditions.map((condition, index) => {
        const path = `conditions.${index}`;
        const label = `Condition ${index + 1}`;
        const definition = definitionOf(condition.field);
        return html`<div class="row condition" data-index=${index}>
          ${selectField({
            errors,
            path: `${path}.field`,
            label: 'Field',
            labelContext: label,
            value: condition.field,
            choices: FIELD_CHOICES,
            onChange: (field) =>
              update(() => Object.assign(condition, newCondition(field, form.lookups))),
          })}
          ${selectField({
            errors,
            path: `${path}.op`,
            label: 'Comparison',
            labelContext: label,
            value: condition.op,
            choices: definition.ops.map((op) => ({ value: op, label: OP_LABELS[op] ?? op })),
            onChange: (op) =>
              update(() => {
                condition.op = op;
                if (isChoiceList(condition) && condition.choices.length === 0 && condition.text) {
                  condition.choices = [condition.text];
                }
              }),
          })}
          ${renderValue(form, condition, path, label)}
          <div class="row-buttons">
            <button type="button" @click=${() => update(() => conditions.splice(index, 1))}>
              Remove<span class="visually-hidden"> ${label.toLowerCase()}</span>
            </button>
          </div>
          <div class="row-error">${errorLine(errors, path, errors.take(path, true))}</div>
        </div>`;
      })}
      ${errorLine(errors, 'conditions', errors.take('conditions'))}
    </div>
    <button
      type="button"
      class="add-condition"
      @click=${() => update(() => conditions.push(newCondition('priority', form.lookups)))}
    >
      Add condition
    </button>
  </fieldset>`;
}
