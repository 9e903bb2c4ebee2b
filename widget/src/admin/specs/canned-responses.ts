import { html } from 'lit';
import { formatDateTime } from '../../shared/format.js';
import { validateText } from '../../shared/validation.js';
import type { AdminAgent, CannedResponseInput, ConfigItem } from '../admin-types.js';
import { agentChoices, eraseSpec } from '../collection-spec.js';
import { checkboxField, inputField, selectField, textAreaField } from '../form-controls.js';
import type { FieldErrorMap } from '../validation.js';

/** Form state of a canned response. An empty `ownerId` means none. */
interface CannedResponseDraft {
  title: string;
  body: string;
  shared: boolean;
  ownerId: string;
}

/** Returns "Shared", or "Personal to" the owner's name. */
export function sharingLabel(
  item: { shared: boolean; ownerId: string | null },
  agents: readonly AdminAgent[],
): string {
  if (item.shared) return 'Shared';
  const owner = agents.find((agent) => agent.id === item.ownerId);
  return `Personal to ${owner?.name ?? item.ownerId ?? 'nobody'}`;
}

/** Checks the owner of a personal item: without one, no agent could use it. */
export function checkOwner(draft: { shared: boolean; ownerId: string }, errors: FieldErrorMap) {
  if (!draft.shared && !draft.ownerId) {
    errors.ownerId = 'Choose an owner, or share it with every agent.';
  }
}

/** Canned responses: titled reply bodies with placeholders, shared or personal. */
export const cannedResponseSpec = eraseSpec<ConfigItem<CannedResponseInput>, CannedResponseDraft>({
  collection: 'canned-responses',
  title: 'Canned responses',
  noun: 'canned response',
  lookups: ['agents'],
  columns: [
    { header: 'Title', cell: (item) => item.title },
    { header: 'Sharing', cell: (item, lookups) => sharingLabel(item, lookups.agents) },
    { header: 'Updated', cell: (item) => formatDateTime(item.updatedAt) },
  ],
  compare: (a, b) => a.title.localeCompare(b.title),
  nameOf: (item) => item.title,
  newDraft: (session) => ({ title: '', body: '', shared: true, ownerId: session?.id ?? '' }),
  draftOf: (item) => ({
    title: item.title,
    body: item.body,
    shared: item.shared,
    ownerId: item.ownerId ?? '',
  }),

  validate(draft) {
    const errors: FieldErrorMap = {};
    const title = validateText('Title', draft.title, 100);
    const body = validateText('Text', draft.body, 65_535);
    if (title) errors.title = title;
    if (body) errors.body = body;
    checkOwner(draft, errors);
    return errors;
  },

  payloadOf: (draft) => ({
    title: draft.title.trim(),
    body: draft.body.trim(),
    shared: draft.shared,
    ownerId: draft.ownerId || null,
  }),

  renderForm({ draft, errors, lookups, update }) {
    return html`${inputField({
        errors,
        path: 'title',
        label: 'Title',
        value: draft.title,
        required: true,
        onInput: (value) => update((item) => (item.title = value)),
      })}
      ${textAreaField({
        errors,
        path: 'body',
        label: 'Text',
        hint: 'Placeholders: {{ticket.reference}}, {{ticket.subject}}, {{requester.name}}, {{agent.name}}.',
        value: draft.body,
        required: true,
        onInput: (value) => update((item) => (item.body = value)),
      })}
      <div class="form-grid">
        ${checkboxField({
          errors,
          path: 'shared',
          label: 'Shared with every agent',
          checked: draft.shared,
          onChange: (checked) => update((item) => (item.shared = checked)),
        })}
        ${selectField({
          errors,
          path: 'ownerId',
          label: 'Owner',
          value: draft.ownerId,
          choices: [{ value: '', label: 'No owner' }, ...agentChoices(lookups.agents)],
          onChange: (value) => update((item) => (item.ownerId = value)),
        })}
      </div>`;
  },
});
