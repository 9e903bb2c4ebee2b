import { html } from 'lit';
import { validateText } from '../../shared/validation.js';
import type { ConfigItem, DepartmentInput } from '../admin-types.js';
import { agentChoices, eraseSpec, nameIn, namedChoices } from '../collection-spec.js';
import { checkboxField, checkboxGroup, inputField, selectField } from '../form-controls.js';
import { readWholeNumber, type FieldErrorMap } from '../validation.js';

/** Form state of a department: the cap as typed, and '' for "none" in the selects. */
interface DepartmentDraft {
  name: string;
  agentIds: string[];
  autoAssign: boolean;
  maxOpenPerAgent: string;
  slaPolicyId: string;
  calendarId: string;
}

function readCap(draft: DepartmentDraft) {
  return readWholeNumber(draft.maxOpenPerAgent, 'cap of open tickets', {
    min: 1,
    max: 10_000,
    optional: true,
  });
}

/** Departments: their agents, auto-assignment, and default SLA policy and calendar. */
export const departmentSpec = eraseSpec<ConfigItem<DepartmentInput>, DepartmentDraft>({
  collection: 'departments',
  title: 'Departments',
  noun: 'department',
  lookups: ['agents', 'policies', 'calendars'],
  columns: [
    { header: 'Name', cell: (department) => department.name },
    { header: 'Agents', cell: (department) => String(department.agentIds.length) },
    { header: 'Auto-assign', cell: (department) => (department.autoAssign ? 'On' : 'Off') },
    {
      header: 'SLA policy',
      cell: (department, lookups) =>
        nameIn(lookups.policies, department.slaPolicyId, 'Installation default'),
    },
  ],
  compare: (a, b) => a.name.localeCompare(b.name),
  nameOf: (department) => department.name,
  newDraft: () => ({
    name: '',
    agentIds: [],
    autoAssign: false,
    maxOpenPerAgent: '',
    slaPolicyId: '',
    calendarId: '',
  }),
  draftOf: (department) => ({
    name: department.name,
    agentIds: [...department.agentIds],
    autoAssign: department.autoAssign,
    maxOpenPerAgent: department.maxOpenPerAgent === null ? '' : String(department.maxOpenPerAgent),
    slaPolicyId: department.slaPolicyId ?? '',
    calendarId: department.calendarId ?? '',
  }),

  validate(draft) {
    const errors: FieldErrorMap = {};
    const name = validateText('Name', draft.name, 100);
    if (name) errors.name = name;
    const cap = readCap(draft).error;
    if (cap) errors.maxOpenPerAgent = cap;
    if (draft.agentIds.length > 200) errors.agentIds = 'Choose at most 200 agents.';
    return errors;
  },

  payloadOf: (draft) => ({
    name: draft.name.trim(),
    agentIds: draft.agentIds,
    autoAssign: draft.autoAssign,
    maxOpenPerAgent: readCap(draft).value,
    slaPolicyId: draft.slaPolicyId || null,
    calendarId: draft.calendarId || null,
  }),

  renderForm({ draft, errors, lookups, update }) {
    return html`<div class="form-grid">
        ${inputField({
          errors,
          path: 'name',
          label: 'Name',
          value: draft.name,
          required: true,
          onInput: (value) => update((department) => (department.name = value)),
        })}
        ${inputField({
          errors,
          path: 'maxOpenPerAgent',
          label: 'Open tickets per agent (cap)',
          hint: 'Leave empty for no cap.',
          inputMode: 'numeric',
          value: draft.maxOpenPerAgent,
          onInput: (value) => update((department) => (department.maxOpenPerAgent = value)),
        })}
        ${selectField({
          errors,
          path: 'slaPolicyId',
          label: 'SLA policy',
          value: draft.slaPolicyId,
          choices: [
            { value: '', label: 'Installation default' },
            ...namedChoices(lookups.policies),
          ],
          onChange: (value) => update((department) => (department.slaPolicyId = value)),
        })}
        ${selectField({
          errors,
          path: 'calendarId',
          label: 'Calendar',
          value: draft.calendarId,
          choices: [
            { value: '', label: 'The SLA policy’s calendar' },
            ...namedChoices(lookups.calendars),
          ],
          onChange: (value) => update((department) => (department.calendarId = value)),
        })}
      </div>
      ${checkboxField({
        errors,
        path: 'autoAssign',
        label: 'Assign new tickets automatically (round-robin)',
        checked: draft.autoAssign,
        onChange: (checked) => update((department) => (department.autoAssign = checked)),
      })}
      ${checkboxGroup({
        errors,
        path: 'agentIds',
        legend: 'Agents, in round-robin order of selection',
        choices: agentChoices(lookups.agents),
        selected: draft.agentIds,
        empty: 'No agents yet. Agents appear here after their first sign-in.',
        onChange: (selected) => update((department) => (department.agentIds = selected)),
      })}`;
  },
});
