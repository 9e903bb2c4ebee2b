import { html } from 'lit';
import { formatDateTime } from '../../shared/format.js';
import { validateText } from '../../shared/validation.js';
import type { ApiKeyAbility, ApiKeyInput, ApiKeyItem } from '../admin-types.js';
import { eraseSpec } from '../collection-spec.js';
import { checkboxGroup, inputField } from '../form-controls.js';
import type { FieldErrorMap } from '../validation.js';

const ABILITY_LABELS: Readonly<Record<ApiKeyAbility, string>> = {
  sync: 'Sync between installations',
  agent: 'Act as customers and agents',
  admin: 'Act as anyone, admins included',
};

const ABILITIES = Object.keys(ABILITY_LABELS) as ApiKeyAbility[];

/**
 * API keys that other installations call with. The API stores only a hash of each key, so a
 * key cannot be changed or shown again, and deleting it revokes it.
 */
export const apiKeySpec = eraseSpec<ApiKeyItem, ApiKeyInput>({
  collection: 'api-keys',
  title: 'API keys',
  noun: 'API key',
  lookups: [],
  editable: false,
  deleteWords: { verb: 'Revoke', done: 'Revoked' },
  columns: [
    { header: 'Name', cell: (key) => key.name },
    { header: 'Key', cell: (key) => html`<code class="key-prefix">${key.keyPrefix}…</code>` },
    { header: 'Abilities', cell: (key) => key.abilities.join(', ') },
    {
      header: 'Created',
      cell: (key) => html`<time datetime=${key.createdAt}>${formatDateTime(key.createdAt)}</time>`,
    },
  ],
  compare: (a, b) => b.createdAt.localeCompare(a.createdAt),
  nameOf: (key) => key.name,
  newDraft: () => ({ name: '', abilities: ['agent'] }),
  draftOf: (key) => ({ name: key.name, abilities: [...key.abilities] }),

  validate(draft) {
    const errors: FieldErrorMap = {};
    const name = validateText('Name', draft.name, 100);
    if (name) errors.name = name;
    if (draft.abilities.length === 0) errors.abilities = 'Choose at least one ability.';
    return errors;
  },

  payloadOf: (draft) => ({ name: draft.name.trim(), abilities: draft.abilities }),

  revealOnCreate: (saved) => {
    const key = (saved as ApiKeyItem & { key?: string }).key;
    return key ? { label: `API key “${saved.name}”`, value: key } : undefined;
  },

  renderForm({ draft, errors, update }) {
    return html`<div class="form-grid">
      ${inputField({
        errors,
        path: 'name',
        label: 'Name',
        value: draft.name,
        required: true,
        hint: 'Where the key is used, e.g. "EU installation".',
        onInput: (value) => update((key) => (key.name = value)),
      })}
      ${checkboxGroup({
        errors,
        path: 'abilities',
        legend: 'Abilities',
        choices: ABILITIES.map((ability) => ({
          value: ability,
          label: `${ability}: ${ABILITY_LABELS[ability]}`,
        })),
        selected: draft.abilities,
        onChange: (selected) => update((key) => (key.abilities = selected as ApiKeyAbility[])),
      })}
    </div>`;
  },
});
