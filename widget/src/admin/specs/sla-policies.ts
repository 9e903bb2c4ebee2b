import { html, type TemplateResult } from 'lit';
import { PRIORITIES, PRIORITY_LABELS, type Priority } from '../../shared/api-types.js';
import { validateText } from '../../shared/validation.js';
import {
  SLA_TARGETS,
  type ConfigItem,
  type SlaPolicyInput,
  type SlaTarget,
  type TargetSet,
} from '../admin-types.js';
import { eraseSpec, nameIn, namedChoices, type FormContext } from '../collection-spec.js';
import { checkboxField, inputField, selectField } from '../form-controls.js';
import { minutesAsHours, readWholeNumber, type FieldErrorMap } from '../validation.js';

/** Target names as column headers. */
export const TARGET_LABELS: Readonly<Record<SlaTarget, string>> = {
  firstResponse: 'First response',
  nextResponse: 'Next response',
  resolution: 'Resolution',
};

/** Form state of a policy: numbers as typed, '' for "no target" and for the default calendar. */
interface PolicyDraft {
  name: string;
  calendarId: string;
  businessHours: boolean;
  warningMinutes: string;
  targets: Record<Priority, Record<SlaTarget, string>>;
}

/** The largest target the API accepts: a year of minutes. */
const MAX_TARGET_MINUTES = 525_600;

function readTarget(raw: string) {
  return readWholeNumber(raw, 'target', {
    min: 1,
    max: MAX_TARGET_MINUTES,
    optional: true,
    unit: 'minutes',
  });
}

function readWarning(raw: string) {
  return readWholeNumber(raw, 'warning time', { min: 0, max: 10_080, unit: 'minutes' });
}

function targetDraft(targets: Partial<Record<Priority, TargetSet>>) {
  const draft = {} as PolicyDraft['targets'];
  for (const priority of PRIORITIES) {
    const set = targets[priority] ?? {};
    draft[priority] = {} as Record<SlaTarget, string>;
    for (const target of SLA_TARGETS) {
      const minutes = set[target];
      draft[priority][target] = minutes == null ? '' : String(minutes);
    }
  }
  return draft;
}

function renderTargetGrid({ draft, errors, update }: FormContext<PolicyDraft>): TemplateResult {
  const cell = (priority: Priority, target: SlaTarget) => {
    const raw = draft.targets[priority][target];
    const reading = readTarget(raw);
    const hours = reading.value === null ? '' : minutesAsHours(reading.value);
    return html`<td>
      ${inputField({
        errors,
        path: `targets.${priority}.${target}`,
        label: `${PRIORITY_LABELS[priority]} priority, ${TARGET_LABELS[target].toLowerCase()} target in minutes`,
        hiddenLabel: true,
        hint: hours ? `= ${hours}` : ' ',
        inputMode: 'numeric',
        value: raw,
        onInput: (value) => update((policy) => (policy.targets[priority][target] = value)),
      })}
    </td>`;
  };
  return html`<div class="table-wrap target-grid">
    <table>
      <caption>
        Targets in minutes (leave empty for no target)
      </caption>
      <thead>
        <tr>
          <th scope="col">Priority</th>
          ${SLA_TARGETS.map((target) => html`<th scope="col">${TARGET_LABELS[target]}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${PRIORITIES.map(
          (priority) =>
            html`<tr>
              <th scope="row">${PRIORITY_LABELS[priority]}</th>
              ${SLA_TARGETS.map((target) => cell(priority, target))}
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

/** SLA policies: targets per priority, counted on a calendar, with a warning threshold. */
export const slaPolicySpec = eraseSpec<ConfigItem<SlaPolicyInput>, PolicyDraft>({
  collection: 'sla-policies',
  title: 'SLA policies',
  noun: 'SLA policy',
  lookups: ['calendars'],
  builtInIds: ['default'],
  columns: [
    { header: 'Name', cell: (policy) => policy.name },
    {
      header: 'Calendar',
      cell: (policy, lookups) => nameIn(lookups.calendars, policy.calendarId, 'Default calendar'),
    },
    {
      header: 'Counts',
      cell: (policy) => (policy.businessHours ? 'Business hours' : 'All hours'),
    },
    { header: 'Warning', cell: (policy) => `${policy.warningMinutes} min before` },
  ],
  compare: (a, b) => a.name.localeCompare(b.name),
  nameOf: (policy) => policy.name,
  newDraft: () => ({
    name: '',
    calendarId: '',
    businessHours: true,
    warningMinutes: '30',
    targets: targetDraft({}),
  }),
  draftOf: (policy) => ({
    name: policy.name,
    calendarId: policy.calendarId ?? '',
    businessHours: policy.businessHours,
    warningMinutes: String(policy.warningMinutes),
    targets: targetDraft(policy.targets),
  }),

  validate(draft) {
    const errors: FieldErrorMap = {};
    const name = validateText('Name', draft.name, 100);
    if (name) errors.name = name;
    const warning = readWarning(draft.warningMinutes).error;
    if (warning) errors.warningMinutes = warning;
    for (const priority of PRIORITIES) {
      for (const target of SLA_TARGETS) {
        const problem = readTarget(draft.targets[priority][target]).error;
        if (problem) errors[`targets.${priority}.${target}`] = problem;
      }
    }
    return errors;
  },

  payloadOf(draft) {
    const targets: Partial<Record<Priority, TargetSet>> = {};
    for (const priority of PRIORITIES) {
      const set: TargetSet = {};
      for (const target of SLA_TARGETS)
        set[target] = readTarget(draft.targets[priority][target]).value;
      targets[priority] = set;
    }
    return {
      name: draft.name.trim(),
      calendarId: draft.calendarId || null,
      businessHours: draft.businessHours,
      warningMinutes: readWarning(draft.warningMinutes).value ?? 0,
      targets,
    };
  },

  renderForm(form) {
    const { draft, errors, lookups, update } = form;
    return html`<div class="form-grid">
        ${inputField({
          errors,
          path: 'name',
          label: 'Name',
          value: draft.name,
          required: true,
          onInput: (value) => update((policy) => (policy.name = value)),
        })}
        ${selectField({
          errors,
          path: 'calendarId',
          label: 'Calendar',
          value: draft.calendarId,
          choices: [{ value: '', label: 'Default calendar' }, ...namedChoices(lookups.calendars)],
          onChange: (value) => update((policy) => (policy.calendarId = value)),
        })}
        ${inputField({
          errors,
          path: 'warningMinutes',
          label: 'Warn before the deadline (minutes)',
          inputMode: 'numeric',
          value: draft.warningMinutes,
          required: true,
          onInput: (value) => update((policy) => (policy.warningMinutes = value)),
        })}
      </div>
      ${checkboxField({
        errors,
        path: 'businessHours',
        label: 'Count business hours only (off: every minute counts)',
        checked: draft.businessHours,
        onChange: (checked) => update((policy) => (policy.businessHours = checked)),
      })}
      ${renderTargetGrid(form)}`;
  },
});
