import { html } from 'lit';
import { validateText } from '../../shared/validation.js';
import type { ConfigItem, EscalationRuleInput, FireMode } from '../admin-types.js';
import { eraseSpec, type FormContext } from '../collection-spec.js';
import { checkboxField, inputField, selectField } from '../form-controls.js';
import { readWholeNumber, type FieldErrorMap } from '../validation.js';
import {
  actionDraft,
  actionPayload,
  checkAction,
  newAction,
  renderActions,
  type ActionDraft,
} from './rule-actions.js';
import {
  checkCondition,
  conditionDraft,
  conditionPayload,
  newCondition,
  renderConditions,
  type ConditionDraft,
} from './rule-conditions.js';

/** Form state of an escalation rule. */
export interface RuleDraft {
  name: string;
  active: boolean;
  order: string;
  fireMode: FireMode;
  conditions: ConditionDraft[];
  actions: ActionDraft[];
}

const FIRE_MODE_LABELS: Readonly<Record<FireMode, string>> = {
  once: 'Once per ticket',
  once_per_cycle: 'Once per ticket and SLA cycle',
};

/** Maximum number of conditions, and of actions, in one rule. */
const MAX_ROWS = 20;

function readOrder(raw: string) {
  return readWholeNumber(raw, 'order', { min: 0, max: 100_000 });
}

/** Checks a rule draft as the API does. Messages are keyed like the API's field errors. */
export function validateRule(draft: RuleDraft): FieldErrorMap {
  const errors: FieldErrorMap = {};
  const name = validateText('Name', draft.name, 100);
  if (name) errors.name = name;
  const order = readOrder(draft.order).error;
  if (order) errors.order = order;
  if (draft.conditions.length === 0) errors.conditions = 'Add at least one condition.';
  if (draft.conditions.length > MAX_ROWS) errors.conditions = `Use at most ${MAX_ROWS} conditions.`;
  if (draft.actions.length === 0) errors.actions = 'Add at least one action.';
  if (draft.actions.length > MAX_ROWS) errors.actions = `Use at most ${MAX_ROWS} actions.`;
  draft.conditions.forEach((condition, index) =>
    checkCondition(condition, `conditions.${index}`, errors),
  );
  draft.actions.forEach((action, index) => checkAction(action, `actions.${index}`, errors));
  return errors;
}

/** Returns the request body for a rule draft that {@link validateRule} accepted. */
export function rulePayload(draft: RuleDraft): EscalationRuleInput {
  return {
    name: draft.name.trim(),
    active: draft.active,
    order: readOrder(draft.order).value ?? 0,
    fireMode: draft.fireMode,
    conditions: draft.conditions.map(conditionPayload),
    actions: draft.actions.map(actionPayload),
  };
}

function renderForm(form: FormContext<RuleDraft>) {
  const { draft, errors, update } = form;
  return html`<div class="form-grid">
      ${inputField({
        errors,
        path: 'name',
        label: 'Name',
        value: draft.name,
        required: true,
        onInput: (value) => update((rule) => (rule.name = value)),
      })}
      ${inputField({
        errors,
        path: 'order',
        label: 'Order',
        hint: 'Rules run from the lowest order up.',
        inputMode: 'numeric',
        value: draft.order,
        onInput: (value) => update((rule) => (rule.order = value)),
      })}
      ${selectField({
        errors,
        path: 'fireMode',
        label: 'Fires',
        value: draft.fireMode,
        choices: Object.entries(FIRE_MODE_LABELS).map(([value, label]) => ({ value, label })),
        onChange: (value) => update((rule) => (rule.fireMode = value as FireMode)),
      })}
    </div>
    ${checkboxField({
      errors,
      path: 'active',
      label: 'Active',
      checked: draft.active,
      onChange: (checked) => update((rule) => (rule.active = checked)),
    })}
    ${renderConditions(form, draft.conditions)} ${renderActions(form, draft.actions)}
    <escalated-admin-rule-preview
      .rule=${draft}
      .showErrors=${form.showErrors}
    ></escalated-admin-rule-preview>`;
}

/** Escalation rules: conditions on open tickets and the actions taken when they all hold. */
export const escalationRuleSpec = eraseSpec<ConfigItem<EscalationRuleInput>, RuleDraft>({
  collection: 'escalation-rules',
  title: 'Escalation rules',
  noun: 'escalation rule',
  lookups: ['agents', 'departments'],
  columns: [
    { header: 'Order', cell: (rule) => String(rule.order) },
    { header: 'Name', cell: (rule) => rule.name },
    { header: 'Active', cell: (rule) => (rule.active ? 'Yes' : 'No') },
    { header: 'Fires', cell: (rule) => FIRE_MODE_LABELS[rule.fireMode] ?? rule.fireMode },
  ],
  compare: (a, b) => a.order - b.order || a.name.localeCompare(b.name),
  nameOf: (rule) => rule.name,
  newDraft: (_session, lookups) => ({
    name: '',
    active: true,
    order: '0',
    fireMode: 'once',
    conditions: [newCondition('priority', lookups)],
    actions: [newAction('escalate')],
  }),
  draftOf: (rule) => ({
    name: rule.name,
    active: rule.active,
    order: String(rule.order),
    fireMode: rule.fireMode,
    conditions: rule.conditions.map(conditionDraft),
    actions: rule.actions.map(actionDraft),
  }),
  validate: validateRule,
  payloadOf: rulePayload,
  renderForm,
});
