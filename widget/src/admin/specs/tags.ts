import { html } from 'lit';
import { customProperties } from '../../shared/custom-properties.js';
import { validateText } from '../../shared/validation.js';
import type { ConfigItem, TagInput } from '../admin-types.js';
import { eraseSpec } from '../collection-spec.js';
import { inputField } from '../form-controls.js';
import { isHexColour, type FieldErrorMap } from '../validation.js';

/** Colour the API gives a tag created without one. */
const DEFAULT_TAG_COLOUR = '#64748b';

/** Renders a small square in `color` before a name, coloured through the CSSOM for the CSP. */
export function swatch(color: string) {
  return html`<span
    class="swatch"
    aria-hidden="true"
    ${customProperties({ '--escalated-admin-swatch': color })}
  ></span>`;
}

/** The tag catalogue: names and colours agents pick from. */
export const tagSpec = eraseSpec<ConfigItem<TagInput>, TagInput>({
  collection: 'tags',
  title: 'Tags',
  noun: 'tag',
  lookups: [],
  columns: [
    {
      header: 'Name',
      cell: (tag) => html`${swatch(tag.color)}${tag.name}`,
    },
    { header: 'Colour', cell: (tag) => tag.color },
  ],
  compare: (a, b) => a.name.localeCompare(b.name),
  nameOf: (tag) => tag.name,
  newDraft: () => ({ name: '', color: DEFAULT_TAG_COLOUR }),
  draftOf: (tag) => ({ name: tag.name, color: tag.color }),

  validate(draft) {
    const errors: FieldErrorMap = {};
    const name = validateText('Name', draft.name, 50);
    if (name) errors.name = name;
    if (!isHexColour(draft.color)) errors.color = 'Choose a colour written as #rrggbb.';
    return errors;
  },

  payloadOf: (draft) => ({ name: draft.name.trim(), color: draft.color.toLowerCase() }),

  renderForm({ draft, errors, update }) {
    return html`<div class="form-grid">
      ${inputField({
        errors,
        path: 'name',
        label: 'Name',
        value: draft.name,
        required: true,
        onInput: (value) => update((tag) => (tag.name = value)),
      })}
      ${inputField({
        errors,
        path: 'color',
        label: 'Colour',
        type: 'color',
        value: draft.color,
        onInput: (value) => update((tag) => (tag.color = value)),
      })}
    </div>`;
  },
});
