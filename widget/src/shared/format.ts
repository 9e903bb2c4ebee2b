import { PRIORITY_LABELS, type Priority, type UserSummary } from './api-types.js';

const RELATIVE_UNITS: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** Formats an ISO instant as a date and time in the reader's locale, e.g. "13 Jan 2026, 09:30". */
export function formatDateTime(iso: string, locale?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** Formats an ISO instant relative to `now`, e.g. "5 minutes ago", or "just now" within a minute. */
export function formatRelative(iso: string, locale?: string, now = Date.now()): string {
  const time = new Date(iso).getTime();
  if (Number.isNaN(time)) return iso;
  const seconds = Math.round((time - now) / 1000);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, size] of RELATIVE_UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit);
  }
  return 'just now';
}

/** Returns the priority's label, or the raw value for one this build does not know. */
export function priorityLabel(priority: string): string {
  return priority in PRIORITY_LABELS ? PRIORITY_LABELS[priority as Priority] : priority;
}

/** Returns a display name for a user: the name, else the email, else the id. */
export function displayName(
  user: { id: string; name?: string | null; email?: string | null } | null | undefined,
): string {
  if (!user) return 'System';
  return user.name || user.email || user.id;
}

/** Returns the name of the agent with `id`, "Unassigned" for null, or the id when unknown. */
export function agentName(id: string | null | undefined, agents: readonly UserSummary[]): string {
  if (!id) return 'Unassigned';
  const agent = agents.find((candidate) => candidate.id === id);
  return agent ? displayName(agent) : id;
}

/** Returns the name of the department with `id`, or the id when `departments` lacks it. */
export function departmentName(
  id: string,
  departments: ReadonlyArray<{ id: string; name: string }>,
): string {
  return departments.find((department) => department.id === id)?.name ?? id;
}

/** Returns the count with the singular or plural noun, e.g. "1 ticket" or "3 tickets". */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
