import { html, nothing, type TemplateResult } from 'lit';
import {
  WEEKDAYS,
  type CalendarInput,
  type ConfigItem,
  type Holiday,
  type OpeningInterval,
  type Weekday,
} from '../admin-types.js';
import { eraseSpec, type FormContext } from '../collection-spec.js';
import { checkboxField, errorLine, inputField } from '../form-controls.js';
import {
  checkDayIntervals,
  isEndTime,
  isStartTime,
  isTimeZone,
  type FieldErrorMap,
} from '../validation.js';

/** Weekday names, Monday first. */
export const WEEKDAY_LABELS: Readonly<Record<Weekday, string>> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

/** A holiday as the form stores it, with '' for a time that is not set. */
interface HolidayDraft {
  date: string;
  recurring: boolean;
  from: string;
  to: string;
}

/** Form state of a calendar. Every weekday is present, empty when closed. */
export interface CalendarDraft {
  name: string;
  timezone: string;
  hours: Record<Weekday, OpeningInterval[]>;
  holidays: HolidayDraft[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

// Names for the time zone suggestions. Browsers without `Intl.supportedValuesOf` get none.
const TIME_ZONES: readonly string[] =
  typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

function hoursDraft(hours: CalendarInput['hours']): CalendarDraft['hours'] {
  const draft = {} as CalendarDraft['hours'];
  for (const day of WEEKDAYS) {
    draft[day] = (hours[day] ?? []).map(([start, end]): OpeningInterval => [start, end]);
  }
  return draft;
}

/** Returns the interval a new row starts with: an hour after the day's last interval, or 09:00–17:00. */
function nextInterval(intervals: readonly OpeningInterval[]): OpeningInterval {
  const last = intervals.at(-1);
  if (!last || !isEndTime(last[1]) || last[1] >= '23:00') return ['09:00', '17:00'];
  const hour = Number(last[1].slice(0, 2)) + 1;
  const start = `${String(hour).padStart(2, '0')}${last[1].slice(2)}`;
  return [start, hour + 4 >= 24 ? '24:00' : `${String(hour + 4).padStart(2, '0')}:00`];
}

/** Checks a calendar draft as the API does. Messages are keyed like the API's field errors. */
export function validateCalendar(draft: CalendarDraft): FieldErrorMap {
  const errors: FieldErrorMap = {};
  if (!draft.name.trim()) errors.name = 'Enter a name.';
  if (!isTimeZone(draft.timezone.trim())) {
    errors.timezone = 'Enter an IANA time zone such as Europe/Berlin or UTC.';
  }
  for (const day of WEEKDAYS) checkDayIntervals(draft.hours[day], `hours.${day}`, errors);
  draft.holidays.forEach((holiday, index) => checkHoliday(holiday, `holidays.${index}`, errors));
  return errors;
}

function checkHoliday(holiday: HolidayDraft, path: string, errors: FieldErrorMap): void {
  if (!DATE.test(holiday.date) || Number.isNaN(Date.parse(holiday.date))) {
    errors[`${path}.date`] = 'Enter a date as YYYY-MM-DD.';
  }
  const from = holiday.from.trim();
  const to = holiday.to.trim();
  if (!from && !to) return;
  if (!from) errors[`${path}.from`] = 'Enter a start time too, or clear both to close all day.';
  else if (!isStartTime(from)) errors[`${path}.from`] = 'Enter a start time from 00:00 to 23:59.';
  if (!to) errors[`${path}.to`] = 'Enter an end time too, or clear both to close all day.';
  else if (!isEndTime(to)) errors[`${path}.to`] = 'Enter an end time from 00:01 to 24:00.';
  else if (isStartTime(from) && from >= to) {
    errors[`${path}.to`] = `The end (${to}) must be after the start (${from}).`;
  }
}

/** Returns the request body for a calendar draft that {@link validateCalendar} accepted. */
export function calendarPayload(draft: CalendarDraft): CalendarInput {
  const hours: CalendarInput['hours'] = {};
  for (const day of WEEKDAYS) {
    hours[day] = draft.hours[day].map(([start, end]): OpeningInterval => [
      start.trim(),
      end.trim(),
    ]);
  }
  const holidays = draft.holidays.map((holiday): Holiday => {
    const entry: Holiday = { date: holiday.date };
    if (holiday.recurring) entry.recurring = true;
    if (holiday.from.trim() && holiday.to.trim()) {
      entry.from = holiday.from.trim();
      entry.to = holiday.to.trim();
    }
    return entry;
  });
  return { name: draft.name.trim(), timezone: draft.timezone.trim(), hours, holidays };
}

function timeInput(
  form: FormContext<CalendarDraft>,
  path: string,
  [labelContext, label]: [string, string],
  value: string,
  onInput: (value: string) => void,
): TemplateResult {
  return inputField({
    errors: form.errors,
    path,
    label,
    labelContext,
    value,
    placeholder: 'HH:MM',
    inputMode: 'numeric',
    onInput: (typed) => form.update(() => onInput(typed)),
  });
}

function renderDay(form: FormContext<CalendarDraft>, day: Weekday): TemplateResult {
  const { draft, errors, update } = form;
  const intervals = draft.hours[day];
  const label = WEEKDAY_LABELS[day];
  return html`<fieldset class="day" data-day=${day}>
    <legend>${label}</legend>
    <div class="rows">
      ${intervals.length === 0 ? html`<p class="muted">Closed</p>` : nothing}
      ${intervals.map((interval, index) => {
        const path = `hours.${day}.${index}`;
        return html`<div class="row interval" data-index=${index}>
          ${timeInput(
            form,
            `${path}.0`,
            [`${label} interval ${index + 1}`, 'Opens'],
            interval[0],
            (v) => {
              interval[0] = v;
            },
          )}
          ${timeInput(
            form,
            `${path}.1`,
            [`${label} interval ${index + 1}`, 'Closes'],
            interval[1],
            (v) => {
              interval[1] = v;
            },
          )}
          <div class="row-buttons">
            <button
              type="button"
              class="remove-interval"
              @click=${() => update((calendar) => calendar.hours[day].splice(index, 1))}
            >
              Remove<span class="visually-hidden"> ${label} interval ${index + 1}</span>
            </button>
          </div>
          <div class="row-error">${errorLine(errors, path, errors.take(path, true))}</div>
        </div>`;
      })}
      ${errorLine(errors, `hours.${day}`, errors.take(`hours.${day}`))}
    </div>
    <button
      type="button"
      class="add-interval"
      @click=${() => update((calendar) => calendar.hours[day].push(nextInterval(intervals)))}
    >
      Add interval<span class="visually-hidden"> on ${label}</span>
    </button>
  </fieldset>`;
}

function renderHoliday(
  form: FormContext<CalendarDraft>,
  holiday: HolidayDraft,
  index: number,
): TemplateResult {
  const { errors, update } = form;
  const path = `holidays.${index}`;
  const set = (change: (holiday: HolidayDraft) => void) => update(() => change(holiday));
  return html`<div class="row holiday">
    ${inputField({
      errors,
      path: `${path}.date`,
      label: 'Date',
      labelContext: `Holiday ${index + 1}`,
      type: 'date',
      value: holiday.date,
      onInput: (value) => set((entry) => (entry.date = value)),
    })}
    ${inputField({
      errors,
      path: `${path}.from`,
      label: 'Closed from (optional)',
      labelContext: `Holiday ${index + 1}`,
      placeholder: 'HH:MM',
      inputMode: 'numeric',
      value: holiday.from,
      onInput: (value) => set((entry) => (entry.from = value)),
    })}
    ${inputField({
      errors,
      path: `${path}.to`,
      label: 'Closed until (optional)',
      labelContext: `Holiday ${index + 1}`,
      placeholder: 'HH:MM',
      inputMode: 'numeric',
      value: holiday.to,
      onInput: (value) => set((entry) => (entry.to = value)),
    })}
    ${checkboxField({
      errors,
      path: `${path}.recurring`,
      label: 'Every year',
      labelContext: `Holiday ${index + 1}`,
      checked: holiday.recurring,
      onChange: (checked) => set((entry) => (entry.recurring = checked)),
    })}
    <div class="row-buttons">
      <button
        type="button"
        @click=${() => update((calendar) => calendar.holidays.splice(index, 1))}
      >
        Remove<span class="visually-hidden"> holiday ${index + 1}</span>
      </button>
    </div>
    <div class="row-error">${errorLine(errors, path, errors.take(path, true))}</div>
  </div>`;
}

function renderForm(form: FormContext<CalendarDraft>): TemplateResult {
  const { draft, errors, update } = form;
  return html`<div class="form-grid">
      ${inputField({
        errors,
        path: 'name',
        label: 'Name',
        value: draft.name,
        required: true,
        onInput: (value) => update((calendar) => (calendar.name = value)),
      })}
      ${inputField({
        errors,
        path: 'timezone',
        label: 'Time zone',
        hint: 'An IANA name such as Europe/Berlin or UTC.',
        list: 'time-zones',
        value: draft.timezone,
        required: true,
        onInput: (value) => update((calendar) => (calendar.timezone = value)),
      })}
      <datalist id="time-zones">
        ${TIME_ZONES.map((zone) => html`<option value=${zone}></option>`)}
      </datalist>
    </div>
    <fieldset>
      <legend>Opening hours</legend>
      <p class="hint">
        Times are HH:MM in the calendar’s time zone; 24:00 ends the day. Intervals must be in order
        and must not overlap.
      </p>
      <div class="rows">${WEEKDAYS.map((day) => renderDay(form, day))}</div>
      ${errorLine(errors, 'hours', errors.take('hours'))}
    </fieldset>
    <fieldset>
      <legend>Holidays</legend>
      <div class="rows">
        ${draft.holidays.length === 0 ? html`<p class="muted">No holidays.</p>` : nothing}
        ${draft.holidays.map((holiday, index) => renderHoliday(form, holiday, index))}
      </div>
      <button
        type="button"
        class="add-holiday"
        @click=${() =>
          update((calendar) =>
            calendar.holidays.push({ date: '', recurring: false, from: '', to: '' }),
          )}
      >
        Add holiday
      </button>
    </fieldset>
    <escalated-admin-calendar-preview
      .calendar=${draft}
      .showErrors=${form.showErrors}
    ></escalated-admin-calendar-preview>`;
}

/** Business calendars: opening hours per weekday in a time zone, and holidays. */
export const calendarSpec = eraseSpec<ConfigItem<CalendarInput>, CalendarDraft>({
  collection: 'calendars',
  title: 'Calendars',
  noun: 'calendar',
  lookups: [],
  builtInIds: ['default'],
  columns: [
    { header: 'Name', cell: (calendar) => calendar.name },
    { header: 'Time zone', cell: (calendar) => calendar.timezone },
    {
      header: 'Open days',
      cell: (calendar) =>
        WEEKDAYS.filter((day) => (calendar.hours[day] ?? []).length > 0)
          .map((day) => WEEKDAY_LABELS[day].slice(0, 3))
          .join(', ') || 'None',
    },
    { header: 'Holidays', cell: (calendar) => String(calendar.holidays?.length ?? 0) },
  ],
  compare: (a, b) => a.name.localeCompare(b.name),
  nameOf: (calendar) => calendar.name,
  newDraft: () => ({
    name: '',
    timezone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
    hours: hoursDraft({
      mon: [['09:00', '17:00']],
      tue: [['09:00', '17:00']],
      wed: [['09:00', '17:00']],
      thu: [['09:00', '17:00']],
      fri: [['09:00', '17:00']],
    }),
    holidays: [],
  }),
  draftOf: (calendar) => ({
    name: calendar.name,
    timezone: calendar.timezone,
    hours: hoursDraft(calendar.hours),
    holidays: (calendar.holidays ?? []).map((holiday) => ({
      date: holiday.date,
      recurring: holiday.recurring ?? false,
      from: holiday.from ?? '',
      to: holiday.to ?? '',
    })),
  }),
  validate: validateCalendar,
  payloadOf: calendarPayload,
  renderForm,
});
