import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';

/** Field path → message, keyed like the API's 422 `fields` (`hours.mon.1`, `targets.high.resolution`). */
export type FieldMessages = Readonly<Record<string, string>>;

/** Returns `message` as a sentence: first letter upper case, ending in a full stop. */
export function asSentence(message: string): string {
  const text = message.trim();
  if (!text) return text;
  const capitalised = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

/**
 * Field messages of one form render. Each control takes the message of its own path, so the
 * paths no control showed can be listed in the form's summary and no message is lost.
 */
export class FormErrors {
  private readonly shown = new Set<string>();

  constructor(
    private readonly messages: FieldMessages,
    private readonly idPrefix: string,
  ) {}

  /** True when some field has a message. */
  get any(): boolean {
    return Object.keys(this.messages).length > 0;
  }

  /**
   * Returns the message of `path` and marks it shown. With `nested`, a message of a path below
   * it (`conditions.0.value.1` under `conditions.0`) counts too, unless a control shown earlier
   * took it, so a row can show what failed inside it.
   */
  take(path: string, nested = false): string | undefined {
    const key =
      path in this.messages
        ? path
        : nested
          ? Object.keys(this.messages).find(
              (name) => name.startsWith(`${path}.`) && !this.shown.has(name),
            )
          : undefined;
    if (key === undefined || this.shown.has(key)) return undefined;
    this.shown.add(key);
    return asSentence(this.messages[key]!);
  }

  /** Returns the messages no control has shown, with their paths. */
  unshown(): Array<[string, string]> {
    return Object.entries(this.messages)
      .filter(([path]) => !this.shown.has(path))
      .map(([path, message]) => [path, asSentence(message)]);
  }

  /** Returns the DOM id of the control for `path`. */
  controlId(path: string): string {
    return `${this.idPrefix}-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  }

  /** Returns the DOM id of the error line of `path`. */
  errorId(path: string): string {
    return `${this.controlId(path)}-error`;
  }
}

/** Renders the error line of `path`, empty while the field has no message. */
export function errorLine(errors: FormErrors, path: string, message: string | undefined) {
  return html`<span id=${errors.errorId(path)} class="field-error" part="field-error"
    >${message ?? ''}</span
  >`;
}

/** Options every labelled control takes. */
export interface ControlOptions {
  errors: FormErrors;
  path: string;
  label: string;
  hint?: string;
  /** Hides the label visually while keeping it as the accessible name, e.g. in grid cells. */
  hiddenLabel?: boolean;
  /** Words read before the label but not shown, e.g. "Monday interval 2" before "Opens". */
  labelContext?: string;
  /** Takes messages of nested paths too, see {@link FormErrors.take}. */
  nested?: boolean;
}

/** Options of {@link inputField}. */
export interface InputOptions extends ControlOptions {
  value: string;
  onInput: (value: string) => void;
  type?: 'text' | 'number' | 'email' | 'date' | 'color';
  inputMode?: 'numeric' | 'text' | 'email';
  placeholder?: string;
  min?: number;
  max?: number;
  required?: boolean;
  list?: string;
  autocomplete?: string;
}

function describedBy(errors: FormErrors, path: string, hint: string | undefined): string {
  const hintId = hint ? ` ${errors.controlId(path)}-hint` : '';
  return `${errors.errorId(path)}${hintId}`;
}

function labelFor(options: ControlOptions): TemplateResult {
  const context = options.labelContext
    ? html`<span class="visually-hidden">${options.labelContext} </span>`
    : nothing;
  return html`<label
    for=${options.errors.controlId(options.path)}
    class=${options.hiddenLabel ? 'visually-hidden' : ''}
    >${context}${options.label}</label
  >`;
}

function hintFor(options: ControlOptions): TemplateResult | typeof nothing {
  if (!options.hint) return nothing;
  return html`<span id="${options.errors.controlId(options.path)}-hint" class="hint"
    >${options.hint}</span
  >`;
}

/** Renders a labelled input with its hint and error line. */
export function inputField(options: InputOptions): TemplateResult {
  const { errors, path } = options;
  const message = errors.take(path, options.nested);
  return html`<div class="field">
    ${labelFor(options)}
    <input
      id=${errors.controlId(path)}
      type=${options.type ?? 'text'}
      inputmode=${ifDefined(options.inputMode)}
      placeholder=${ifDefined(options.placeholder)}
      min=${ifDefined(options.min)}
      max=${ifDefined(options.max)}
      list=${ifDefined(options.list)}
      autocomplete=${options.autocomplete ?? 'off'}
      ?required=${options.required ?? false}
      aria-invalid=${message ? 'true' : 'false'}
      aria-describedby=${describedBy(errors, path, options.hint)}
      .value=${live(options.value)}
      @input=${(event: Event) => options.onInput((event.target as HTMLInputElement).value)}
    />
    ${hintFor(options)} ${errorLine(errors, path, message)}
  </div>`;
}

/** Options of {@link textAreaField}. */
export interface TextAreaOptions extends ControlOptions {
  value: string;
  onInput: (value: string) => void;
  required?: boolean;
}

/** Renders a labelled textarea with its hint and error line. */
export function textAreaField(options: TextAreaOptions): TemplateResult {
  const { errors, path } = options;
  const message = errors.take(path, options.nested);
  return html`<div class="field">
    ${labelFor(options)}
    <textarea
      id=${errors.controlId(path)}
      ?required=${options.required ?? false}
      aria-invalid=${message ? 'true' : 'false'}
      aria-describedby=${describedBy(errors, path, options.hint)}
      .value=${live(options.value)}
      @input=${(event: Event) => options.onInput((event.target as HTMLTextAreaElement).value)}
    ></textarea>
    ${hintFor(options)} ${errorLine(errors, path, message)}
  </div>`;
}

/** One option of a select. */
export interface SelectOption {
  value: string;
  label: string;
}

/** Options of {@link selectField}. */
export interface SelectOptions extends ControlOptions {
  value: string;
  choices: readonly SelectOption[];
  onChange: (value: string) => void;
}

/**
 * Renders a labelled select. A current value that is not among `choices` (an id whose item was
 * deleted since) stays selected as "Unknown (id)", so saving does not change it silently.
 */
export function selectField(options: SelectOptions): TemplateResult {
  const { errors, path, value } = options;
  const message = errors.take(path, options.nested);
  const known = options.choices.some((choice) => choice.value === value);
  const choices = known
    ? options.choices
    : [...options.choices, { value, label: `Unknown (${value})` }];
  return html`<div class="field">
    ${labelFor(options)}
    <select
      id=${errors.controlId(path)}
      aria-invalid=${message ? 'true' : 'false'}
      aria-describedby=${describedBy(errors, path, options.hint)}
      .value=${live(value)}
      @change=${(event: Event) => options.onChange((event.target as HTMLSelectElement).value)}
    >
      ${choices.map(
        (choice) =>
          html`<option value=${choice.value} ?selected=${choice.value === value}>
            ${choice.label}
          </option>`,
      )}
    </select>
    ${hintFor(options)} ${errorLine(errors, path, message)}
  </div>`;
}

/** Options of {@link checkboxField}. */
export interface CheckboxOptions {
  errors: FormErrors;
  path: string;
  label: string;
  /** Words read before the label but not shown. */
  labelContext?: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: string;
}

/** Renders a checkbox with its label after it, and its error line. */
export function checkboxField(options: CheckboxOptions): TemplateResult {
  const { errors, path } = options;
  const message = errors.take(path);
  return html`<div class="field checkbox-field">
    <label class="check">
      <input
        id=${errors.controlId(path)}
        type="checkbox"
        aria-invalid=${message ? 'true' : 'false'}
        aria-describedby=${describedBy(errors, path, options.hint)}
        .checked=${live(options.checked)}
        @change=${(event: Event) => options.onChange((event.target as HTMLInputElement).checked)}
      />
      <span
        >${
          options.labelContext
            ? html`<span class="visually-hidden">${options.labelContext} </span>`
            : nothing
        }${options.label}</span
      >
    </label>
    ${hintFor({ ...options })} ${errorLine(errors, path, message)}
  </div>`;
}

/** Options of {@link checkboxGroup}. */
export interface CheckboxGroupOptions {
  errors: FormErrors;
  path: string;
  legend: string;
  /** Words read before the legend but not shown. */
  legendContext?: string;
  choices: readonly SelectOption[];
  selected: readonly string[];
  onChange: (selected: string[]) => void;
  empty?: string;
  hiddenLegend?: boolean;
}

/**
 * Renders a fieldset of checkboxes, one per choice, for picking several values. Values that
 * are selected but not among the choices stay selected and are listed as unknown.
 */
export function checkboxGroup(options: CheckboxGroupOptions): TemplateResult {
  const { errors, path, selected } = options;
  const message = errors.take(path, true);
  const unknown = selected.filter((id) => !options.choices.some((choice) => choice.value === id));
  const choices = [
    ...options.choices,
    ...unknown.map((value) => ({ value, label: `Unknown (${value})` })),
  ];
  const toggle = (value: string, checked: boolean) => {
    const next = selected.filter((id) => id !== value);
    options.onChange(checked ? [...next, value] : next);
  };
  return html`<fieldset
    class="field checkbox-group ${message ? 'invalid' : ''}"
    aria-describedby=${errors.errorId(path)}
  >
    <legend class=${options.hiddenLegend ? 'visually-hidden' : ''}>
      ${
        options.legendContext
          ? html`<span class="visually-hidden">${options.legendContext} </span>`
          : nothing
      }${options.legend}
    </legend>
    ${choices.length === 0 ? html`<p class="muted">${options.empty ?? 'Nothing to choose.'}</p>` : ''}
    ${choices.map(
      (choice) =>
        html`<label class="check">
          <input
            type="checkbox"
            value=${choice.value}
            .checked=${live(selected.includes(choice.value))}
            @change=${(event: Event) =>
              toggle(choice.value, (event.target as HTMLInputElement).checked)}
          />
          <span>${choice.label}</span>
        </label>`,
    )}
    ${errorLine(errors, path, message)}
  </fieldset>`;
}
