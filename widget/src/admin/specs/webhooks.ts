import { html, nothing } from 'lit';
import { formatDateTime } from '../../shared/format.js';
import type { ConfigItem, WebhookInput } from '../admin-types.js';
import { eraseSpec } from '../collection-spec.js';
import { checkboxField, checkboxGroup, inputField, textAreaField } from '../form-controls.js';
import type { FieldErrorMap } from '../validation.js';

/** Event types a webhook can subscribe to, in the order the form lists them. */
export const WEBHOOK_EVENTS = [
  'ticket.created',
  'ticket.updated',
  'ticket.status_changed',
  'ticket.assigned',
  'ticket.unassigned',
  'ticket.priority_changed',
  'ticket.department_changed',
  'ticket.escalated',
  'ticket.resolved',
  'ticket.closed',
  'ticket.reopened',
  'reply.created',
  'note.created',
  'sla.warning',
  'sla.breached',
  'tag.added',
  'tag.removed',
  'rating.submitted',
] as const;

/** Form state of a webhook. `allEvents` stands for `events: ["*"]`. */
interface WebhookDraft {
  url: string;
  description: string;
  active: boolean;
  allEvents: boolean;
  events: string[];
}

type Webhook = ConfigItem<WebhookInput>;

function isHttpUrl(text: string): boolean {
  try {
    return /^https?:$/.test(new URL(text).protocol);
  } catch {
    return false;
  }
}

function eventsLabel(events: readonly string[]): string {
  return events.includes('*') ? 'All events' : events.join(', ');
}

/** Webhooks: URLs that receive signed event deliveries. */
export const webhookSpec = eraseSpec<Webhook, WebhookDraft>({
  collection: 'webhooks',
  title: 'Webhooks',
  noun: 'webhook',
  lookups: [],
  columns: [
    { header: 'URL', cell: (hook) => html`<span class="url">${hook.url}</span>` },
    { header: 'Events', cell: (hook) => eventsLabel(hook.events) },
    { header: 'Active', cell: (hook) => (hook.active ? 'On' : 'Off') },
    { header: 'Description', cell: (hook) => hook.description || '—' },
    {
      header: 'Created',
      cell: (hook) =>
        html`<time datetime=${hook.createdAt}>${formatDateTime(hook.createdAt)}</time>`,
    },
  ],
  nameOf: (hook) => hook.url,
  newDraft: () => ({ url: '', description: '', active: true, allEvents: true, events: [] }),
  draftOf: (hook) => ({
    url: hook.url,
    description: hook.description ?? '',
    active: hook.active,
    allEvents: hook.events.includes('*'),
    events: hook.events.filter((event) => event !== '*'),
  }),

  validate(draft) {
    const errors: FieldErrorMap = {};
    const url = draft.url.trim();
    if (!url) errors.url = 'Enter the URL that receives the deliveries.';
    else if (!isHttpUrl(url)) {
      errors.url = 'Enter a full http or https URL, e.g. https://example.com/hooks/escalated.';
    }
    if (!draft.allEvents && draft.events.length === 0) {
      errors.events = 'Choose at least one event, or all events.';
    }
    if (draft.description.length > 500) {
      errors.description = 'Description must be at most 500 characters.';
    }
    return errors;
  },

  payloadOf: (draft) => ({
    url: draft.url.trim(),
    events: draft.allEvents ? ['*'] : draft.events,
    active: draft.active,
    description: draft.description.trim(),
  }),

  revealOnCreate: (saved) => {
    const secret = (saved as Webhook & { secret?: string }).secret;
    return secret ? { label: `Signing secret of ${saved.url}`, value: secret } : undefined;
  },

  rowActions: [
    {
      label: 'Rotate secret',
      className: 'rotate-secret',
      confirm: (hook) => `Replace the secret of ${hook.url}? The old one stops signing at once.`,
      async run(hook, api, signal) {
        const secret = await api.rotateSecret(hook.id, { signal });
        return {
          message: `Rotated the signing secret of ${hook.url}.`,
          reveal: { label: `New signing secret of ${hook.url}`, value: secret },
        };
      },
    },
  ],

  detail: {
    label: 'Deliveries',
    heading: (hook) => `Deliveries to ${hook.url}`,
    render: (hook) =>
      html`<escalated-admin-webhook-deliveries
        exportparts="list, row, empty"
        webhook-id=${hook.id}
      ></escalated-admin-webhook-deliveries>`,
  },

  renderForm({ draft, errors, update }) {
    return html`<div class="form-grid">
        ${inputField({
          errors,
          path: 'url',
          label: 'URL',
          value: draft.url,
          required: true,
          placeholder: 'https://example.com/hooks/escalated',
          hint: 'Must be https on a public address unless the settings allow private targets.',
          onInput: (value) => update((hook) => (hook.url = value)),
        })}
        ${checkboxField({
          errors,
          path: 'active',
          label: 'Active',
          checked: draft.active,
          onChange: (checked) => update((hook) => (hook.active = checked)),
        })}
      </div>
      ${textAreaField({
        errors,
        path: 'description',
        label: 'Description',
        value: draft.description,
        onInput: (value) => update((hook) => (hook.description = value)),
      })}
      ${checkboxField({
        errors,
        path: 'allEvents',
        label: 'All events, including types added later',
        checked: draft.allEvents,
        onChange: (checked) => update((hook) => (hook.allEvents = checked)),
      })}
      ${
        draft.allEvents
          ? nothing
          : checkboxGroup({
              errors,
              path: 'events',
              legend: 'Events',
              choices: WEBHOOK_EVENTS.map((event) => ({ value: event, label: event })),
              selected: draft.events,
              onChange: (selected) => update((hook) => (hook.events = selected)),
            })
      }`;
  },
});
