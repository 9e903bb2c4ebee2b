import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { errorMessage, fieldErrors, isAbortError } from '../shared/api-error.js';
import { PRIORITIES, PRIORITY_LABELS } from '../shared/api-types.js';
import { countOf } from '../shared/format.js';
import { AdminPanel, type LoadState } from './admin-panel.js';
import type { AdminSettings } from './admin-types.js';
import {
  checkboxField,
  FormErrors,
  inputField,
  selectField,
  type FieldMessages,
} from './form-controls.js';
import { isHexColour, readWholeNumber, type FieldErrorMap } from './validation.js';

type NumberSetting =
  | 'reopenWindowDays'
  | 'autoCloseResolvedAfterDays'
  | 'activityRetentionDays'
  | 'maxAttachmentSizeKb'
  | 'maxAttachmentsPerReply'
  | 'availabilityWindowMinutes';

type FlagSetting =
  | 'allowCustomerPriority'
  | 'allowCustomerClose'
  | 'guestTicketsEnabled'
  | 'departmentScoping'
  | 'allowPrivateWebhookTargets';

/** Label, unit and accepted range of each numeric setting, as the API checks them. */
const NUMBER_SETTINGS: Readonly<
  Record<NumberSetting, { label: string; unit: string; min: number; max: number; hint?: string }>
> = {
  reopenWindowDays: {
    label: 'Reopen window',
    unit: 'days',
    min: 0,
    max: 3650,
    hint: 'How long after closing a requester’s reply reopens the ticket.',
  },
  autoCloseResolvedAfterDays: {
    label: 'Close resolved tickets after',
    unit: 'days',
    min: 0,
    max: 3650,
    hint: '0 never closes them automatically.',
  },
  activityRetentionDays: { label: 'Keep activity for', unit: 'days', min: 1, max: 3650 },
  maxAttachmentSizeKb: { label: 'Largest attachment', unit: 'KB', min: 1, max: 51_200 },
  maxAttachmentsPerReply: { label: 'Attachments per reply', unit: 'files', min: 0, max: 20 },
  availabilityWindowMinutes: {
    label: 'Agent counts as available for',
    unit: 'minutes',
    min: 1,
    max: 1440,
    hint: 'After their last request, for auto-assignment.',
  },
};

const FLAG_LABELS: Readonly<Record<FlagSetting, string>> = {
  allowCustomerPriority: 'Customers may choose the priority',
  allowCustomerClose: 'Customers may close their tickets',
  guestTicketsEnabled: 'Visitors without an account may open tickets',
  departmentScoping: 'Agents see only their departments’ tickets',
  allowPrivateWebhookTargets: 'Webhooks may call private network addresses',
};

/** Settings as the form stores them, with numbers as typed. */
type SettingsDraft = Omit<AdminSettings, NumberSetting> & Record<NumberSetting, string>;

const REFERENCE_PREFIX = /^[A-Za-z0-9]{1,10}$/;

function draftOf(settings: AdminSettings): SettingsDraft {
  const draft = { ...settings } as unknown as SettingsDraft;
  for (const name of Object.keys(NUMBER_SETTINGS) as NumberSetting[]) {
    draft[name] = String(settings[name]);
  }
  return draft;
}

function readNumber(draft: SettingsDraft, name: NumberSetting) {
  const { label, unit, min, max } = NUMBER_SETTINGS[name];
  return readWholeNumber(draft[name], label.toLowerCase(), { min, max, unit });
}

function validate(draft: SettingsDraft): FieldErrorMap {
  const errors: FieldErrorMap = {};
  if (!REFERENCE_PREFIX.test(draft.referencePrefix)) {
    errors.referencePrefix = 'Use 1 to 10 letters or digits, e.g. ESC.';
  }
  const brandName = draft.brandName.trim();
  if (!brandName) errors.brandName = 'Enter the brand name.';
  else if (brandName.length > 100) errors.brandName = 'Use at most 100 characters.';
  if (!isHexColour(draft.brandColor)) errors.brandColor = 'Choose a colour written as #rrggbb.';
  for (const name of Object.keys(NUMBER_SETTINGS) as NumberSetting[]) {
    const problem = readNumber(draft, name).error;
    if (problem) errors[name] = problem;
  }
  return errors;
}

/** Returns the settings of `draft` whose value differs from `saved`. */
function changedSettings(draft: SettingsDraft, saved: AdminSettings): Partial<AdminSettings> {
  const next: AdminSettings = {
    ...draft,
    brandName: draft.brandName.trim(),
  } as unknown as AdminSettings;
  for (const name of Object.keys(NUMBER_SETTINGS) as NumberSetting[]) {
    next[name] = readNumber(draft, name).value ?? 0;
  }
  const changed: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(next)) {
    if (value !== saved[name as keyof AdminSettings]) changed[name] = value;
  }
  return changed as Partial<AdminSettings>;
}

/**
 * The installation settings form. Saving sends only the settings that changed.
 *
 * @summary Admin tab with the installation settings form.
 * @tagname escalated-admin-settings
 * @csspart form - The settings form.
 * @csspart form-error - The summary of what blocked saving.
 * @csspart field-error - The message under a control.
 */
export class EscalatedAdminSettings extends AdminPanel {
  @state() private saved: AdminSettings | null = null;
  @state() private draft: SettingsDraft | null = null;
  @state() private loadState: LoadState = 'idle';
  @state() private loadError = '';
  @state() private fieldMessages: FieldMessages = {};
  @state() private formMessage = '';
  @state() private saveStatus = '';
  @state() private saving = false;

  protected override async load(): Promise<void> {
    const api = this.api;
    if (!api) return;
    const signal = this.requests.start('load');
    this.loadState = 'loading';
    try {
      const settings = await api.getSettings({ signal });
      this.saved = settings;
      this.draft = draftOf(settings);
      this.loadState = 'ready';
    } catch (error) {
      if (isAbortError(error)) return;
      this.loadError = errorMessage(error);
      this.loadState = 'error';
    }
  }

  override render(): TemplateResult {
    return html`<div class="panel-header"><h3 id="list-heading">Settings</h3></div>
      ${this.renderBody()}`;
  }

  private renderBody(): TemplateResult {
    if (this.loadState === 'error') {
      return html`<div class="error" role="alert">
        <span>${this.loadError}</span>
        <button type="button" @click=${() => this.load()}>Try again</button>
      </div>`;
    }
    const draft = this.draft;
    if (this.loadState !== 'ready' || !draft) {
      return html`<p class="muted" aria-busy="true">Loading settings…</p>`;
    }
    const errors = new FormErrors(this.fieldMessages, 'settings');
    const fields = this.renderFields(draft, errors);
    const unshown = errors.unshown();
    return html`<form novalidate part="form" @submit=${this.onSubmit}>
      ${fields}
      ${
        this.formMessage || unshown.length > 0
          ? html`<div class="error form-error" role="alert" part="form-error">
              <p>${this.formMessage}</p>
              ${
                unshown.length > 0
                  ? html`<ul>
                      ${unshown.map(([path, message]) => html`<li>${path}: ${message}</li>`)}
                    </ul>`
                  : nothing
              }
            </div>`
          : nothing
      }
      <div class="actions-row">
        <button class="primary save" type="submit" ?disabled=${this.saving}>
          ${this.saving ? 'Saving…' : 'Save settings'}
        </button>
        <span class="muted save-status" role="status">${this.saveStatus}</span>
      </div>
    </form>`;
  }

  private renderFields(draft: SettingsDraft, errors: FormErrors): TemplateResult {
    const set = (change: (draft: SettingsDraft) => void) => {
      change(draft);
      this.saveStatus = '';
      this.requestUpdate();
    };
    const number = (name: NumberSetting) => {
      const { label, unit, hint } = NUMBER_SETTINGS[name];
      return inputField({
        errors,
        path: name,
        label: `${label} (${unit})`,
        hint,
        inputMode: 'numeric',
        value: draft[name],
        onInput: (value) => set((settings) => (settings[name] = value)),
      });
    };
    const flag = (name: FlagSetting) =>
      checkboxField({
        errors,
        path: name,
        label: FLAG_LABELS[name],
        checked: draft[name],
        onChange: (checked) => set((settings) => (settings[name] = checked)),
      });
    return html`<fieldset>
        <legend>Tickets</legend>
        <div class="form-grid">
          ${inputField({
            errors,
            path: 'referencePrefix',
            label: 'Reference prefix',
            hint: 'Letters and digits before the number, e.g. ESC in ESC-00042.',
            value: draft.referencePrefix,
            onInput: (value) => set((settings) => (settings.referencePrefix = value)),
          })}
          ${selectField({
            errors,
            path: 'defaultPriority',
            label: 'Default priority',
            value: draft.defaultPriority,
            choices: PRIORITIES.map((value) => ({ value, label: PRIORITY_LABELS[value] })),
            onChange: (value) =>
              set(
                (settings) =>
                  (settings.defaultPriority = value as AdminSettings['defaultPriority']),
              ),
          })}
          ${number('reopenWindowDays')} ${number('autoCloseResolvedAfterDays')}
        </div>
        ${flag('allowCustomerPriority')} ${flag('allowCustomerClose')}
        ${flag('guestTicketsEnabled')}
      </fieldset>
      <fieldset>
        <legend>Attachments and retention</legend>
        <div class="form-grid">
          ${number('maxAttachmentSizeKb')} ${number('maxAttachmentsPerReply')}
          ${number('activityRetentionDays')}
        </div>
      </fieldset>
      <fieldset>
        <legend>Agents and webhooks</legend>
        <div class="form-grid">${number('availabilityWindowMinutes')}</div>
        ${flag('departmentScoping')} ${flag('allowPrivateWebhookTargets')}
      </fieldset>
      <fieldset>
        <legend>Brand</legend>
        <div class="form-grid">
          ${inputField({
            errors,
            path: 'brandName',
            label: 'Brand name',
            hint: 'Shown in emails.',
            value: draft.brandName,
            onInput: (value) => set((settings) => (settings.brandName = value)),
          })}
          ${inputField({
            errors,
            path: 'brandColor',
            label: 'Brand colour',
            type: 'color',
            value: draft.brandColor,
            onInput: (value) => set((settings) => (settings.brandColor = value)),
          })}
        </div>
      </fieldset>`;
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const { api, draft, saved } = this;
    if (!api || !draft || !saved || this.saving) return;
    this.saveStatus = '';

    const problems = validate(draft);
    const count = Object.keys(problems).length;
    if (count > 0) {
      this.fieldMessages = problems;
      this.formMessage = `Nothing was saved. Correct ${countOf(count, 'setting')} and save again.`;
      await this.focusLater('[aria-invalid="true"]');
      return;
    }
    this.fieldMessages = {};
    this.formMessage = '';
    const changes = changedSettings(draft, saved);
    if (Object.keys(changes).length === 0) {
      this.saveStatus = 'No changes to save.';
      return;
    }

    this.saving = true;
    try {
      const settings = await api.putSettings(changes, { signal: this.requests.start('save') });
      this.saved = settings;
      this.draft = draftOf(settings);
      this.saveStatus = `Saved ${countOf(Object.keys(changes).length, 'change')}.`;
    } catch (error) {
      if (isAbortError(error)) return;
      this.fieldMessages = fieldErrors(error);
      this.formMessage = `Nothing was saved. ${errorMessage(error)}`;
      await this.focusLater('[aria-invalid="true"], .form-error');
    } finally {
      this.saving = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'escalated-admin-settings': EscalatedAdminSettings;
  }
}
