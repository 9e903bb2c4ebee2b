import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { errorMessage, fieldErrors, isAbortError } from '../shared/api-error.js';
import { AdminPanel } from './admin-panel.js';
import { FormErrors, inputField, type FieldMessages } from './form-controls.js';
import { calendarPayload, validateCalendar, type CalendarDraft } from './specs/calendars.js';
import { isInstant, readWholeNumber } from './validation.js';

/** The largest number of minutes the preview route accepts: a year. */
const MAX_PREVIEW_MINUTES = 525_600;

/** Returns the current minute as an ISO instant without seconds, e.g. `2025-01-10T16:30:00Z`. */
function currentMinute(): string {
  return `${new Date().toISOString().slice(0, 16)}:00Z`;
}

/** Formats an instant as a full date and time in `timeZone`, or returns null for an unknown zone. */
function formatInZone(iso: string, timeZone: string, locale: string | undefined): string | null {
  try {
    return new Intl.DateTimeFormat(locale, {
      dateStyle: 'full',
      timeStyle: 'long',
      timeZone,
    }).format(new Date(iso));
  } catch {
    return null;
  }
}

/** Splits the preview route's field errors into the calendar's (prefix removed) and the rest. */
function splitFields(fields: FieldMessages): { calendar: FieldMessages; own: FieldMessages } {
  const calendar: Record<string, string> = {};
  const own: Record<string, string> = {};
  for (const [path, message] of Object.entries(fields)) {
    if (path.startsWith('calendar.')) calendar[path.slice('calendar.'.length)] = message;
    else own[path] = message;
  }
  return { calendar, own };
}

/**
 * Computes a deadline on the calendar being edited, before it is saved: a start instant plus
 * business minutes gives the due instant, shown in the calendar's time zone and in UTC.
 * Problems in the calendar itself are shown next to the calendar form's controls.
 *
 * @summary Deadline preview of a business calendar being edited.
 * @tagname escalated-admin-calendar-preview
 * @csspart preview - The preview form.
 */
export class EscalatedAdminCalendarPreview extends AdminPanel {
  /** The calendar form's current state. */
  @property({ attribute: false }) calendar: CalendarDraft | undefined;

  /** Callback, set by the calendar form, that shows field messages next to its controls. */
  @property({ attribute: false }) showErrors:
    ((fields: FieldMessages, message: string) => void) | undefined;

  /** BCP 47 locale of the shown date, or empty for the browser's default. */
  @property() locale = '';

  @state() private start = currentMinute();
  @state() private minutes = '60';
  @state() private fields: FieldMessages = {};
  @state() private message = '';
  @state() private result: { due: string; timeZone: string } | null = null;
  @state() private running = false;

  override render(): TemplateResult {
    const errors = new FormErrors(this.fields, 'preview');
    return html`<form
      class="preview"
      part="preview"
      novalidate
      aria-labelledby="preview-heading"
      @submit=${this.run}
    >
      <h4 id="preview-heading">Preview a deadline</h4>
      <p class="hint">
        Adds business minutes to a start instant on this calendar as the form shows it now, saved or
        not.
      </p>
      <div class="form-grid">
        ${inputField({
          errors,
          path: 'start',
          label: 'Start instant',
          hint: 'ISO 8601 with an offset, e.g. 2025-01-10T16:30:00Z.',
          value: this.start,
          onInput: (value) => (this.start = value),
        })}
        ${inputField({
          errors,
          path: 'minutes',
          label: 'Business minutes to add',
          inputMode: 'numeric',
          value: this.minutes,
          onInput: (value) => (this.minutes = value),
        })}
      </div>
      <div>
        <button type="submit" class="run-preview" ?disabled=${this.running}>
          ${this.running ? 'Computing…' : 'Preview'}
        </button>
      </div>
      ${this.message ? html`<p class="error" role="alert">${this.message}</p>` : nothing}
      <div class="preview-result" aria-live="polite">${this.renderResult()}</div>
    </form>`;
  }

  private renderResult(): TemplateResult | typeof nothing {
    const result = this.result;
    if (!result) return nothing;
    const local = formatInZone(result.due, result.timeZone, this.locale || undefined);
    return html`<p>
        Due
        <time datetime=${result.due} class="due-local"
          >${local ?? result.due} (${result.timeZone})</time
        >
      </p>
      <p>In UTC: <code class="due-utc">${result.due}</code></p>`;
  }

  private readInputs(): { minutes: number; problems: FieldMessages } {
    const problems: Record<string, string> = {};
    if (!isInstant(this.start.trim())) {
      problems.start = 'Enter an instant such as 2025-01-10T16:30:00Z.';
    }
    const minutes = readWholeNumber(this.minutes, 'minutes', {
      min: 0,
      max: MAX_PREVIEW_MINUTES,
    });
    if (minutes.error) problems.minutes = minutes.error;
    return { minutes: minutes.value ?? 0, problems };
  }

  private async run(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const { api, calendar } = this;
    if (!api || !calendar) return;
    this.result = null;

    const calendarProblems = validateCalendar(calendar);
    if (Object.keys(calendarProblems).length > 0) {
      this.fields = {};
      this.message = 'Correct the calendar above, then preview again.';
      this.showErrors?.(
        calendarProblems,
        'The calendar has problems, so no deadline was computed.',
      );
      return;
    }
    const { minutes, problems } = this.readInputs();
    this.fields = problems;
    this.message = '';
    if (Object.keys(problems).length > 0) return;

    this.running = true;
    const signal = this.requests.start('preview');
    const body = { calendar: calendarPayload(calendar), start: this.start.trim(), minutes };
    try {
      const due = await api.previewCalendar(body, { signal });
      this.result = { due, timeZone: body.calendar.timezone };
    } catch (error) {
      if (isAbortError(error)) return;
      const split = splitFields(fieldErrors(error));
      this.fields = split.own;
      this.message = errorMessage(error);
      if (Object.keys(split.calendar).length > 0) {
        this.showErrors?.(
          split.calendar,
          'The API rejected the calendar, so no deadline was computed.',
        );
      }
    } finally {
      this.running = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'escalated-admin-calendar-preview': EscalatedAdminCalendarPreview;
  }
}
