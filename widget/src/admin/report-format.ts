import type { BacklogAge } from './admin-types.js';

const MINUTES_PER_DAY = 24 * 60;

/**
 * Formats a duration in minutes as days, hours and minutes, e.g. 135 as "2 h 15 m" and 1500
 * as "1 d 1 h". Minutes are rounded to whole ones, and a duration under half a minute but above
 * zero reads "< 1 m". Null reads "—".
 */
export function formatMinutes(minutes: number | null): string {
  if (minutes === null || !Number.isFinite(minutes)) return '—';
  if (minutes > 0 && minutes < 0.5) return '< 1 m';
  const whole = Math.round(minutes);
  const days = Math.floor(whole / MINUTES_PER_DAY);
  const hours = Math.floor((whole % MINUTES_PER_DAY) / 60);
  const rest = whole % 60;
  const parts: string[] = [];
  if (days > 0) parts.push(`${days} d`);
  if (hours > 0) parts.push(`${hours} h`);
  if (rest > 0 || parts.length === 0) parts.push(`${rest} m`);
  return parts.join(' ');
}

/** Formats a percentage with at most one decimal, e.g. "98.5 %". Null reads "—". */
export function formatPercent(percent: number | null): string {
  if (percent === null) return '—';
  return `${Math.round(percent * 10) / 10} %`;
}

/** Labels of the backlog age buckets. */
export const BACKLOG_AGE_LABELS: Readonly<Record<BacklogAge, string>> = {
  under1Day: 'Under 1 day',
  '1to3Days': '1–3 days',
  '3to7Days': '3–7 days',
  '7to30Days': '7–30 days',
  over30Days: 'Over 30 days',
};

/** Returns the UTC day `days` before `day`, both written `YYYY-MM-DD`. */
export function daysBefore(day: string, days: number): string {
  const time = Date.parse(`${day}T00:00:00Z`) - days * 86_400_000;
  return new Date(time).toISOString().slice(0, 10);
}

/** Returns today's UTC day as `YYYY-MM-DD`. */
export function todayUtc(now = Date.now()): string {
  return new Date(now).toISOString().slice(0, 10);
}

/** True when `value` is a real calendar day written `YYYY-MM-DD`. */
export function isDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return Number.isFinite(time) && new Date(time).toISOString().startsWith(value);
}
