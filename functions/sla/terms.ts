import {
  addBusinessMinutes,
  addCalendarMinutes,
  businessMinutesBetween,
  calendarMinutesBetween,
  compileCalendar,
  DEFAULT_CALENDAR,
  type Calendar,
  type CompiledCalendar,
} from '../domain/calendar/index.js';
import type { Priority } from '../domain/enums.js';
import type { SlaTerms } from '../domain/sla/clock.js';
import { DEFAULT_POLICY, type SlaPolicy } from '../domain/sla/policy.js';
import type { ClockMath } from '../domain/sla/timer.js';
import { listConfigItems, type ConfigMeta } from '../store/config-items.js';
import { findDepartment } from '../store/configuration.js';
import { ensureSlaDefaults } from './defaults.js';

/** SLA configuration is cached this long per container, like the rest of the configuration. */
const CACHE_MS = 10_000;

interface SlaConfig {
  policies: Map<string, SlaPolicy & ConfigMeta>;
  calendars: Map<string, CompiledCalendar>;
  readAt: number;
}

let cache: SlaConfig | undefined;

async function slaConfig(now = Date.now()): Promise<SlaConfig> {
  if (cache && now - cache.readAt < CACHE_MS) return cache;
  await ensureSlaDefaults();
  const [policies, calendars] = await Promise.all([
    listConfigItems<SlaPolicy>('SLA_POLICY'),
    listConfigItems<Calendar>('CALENDAR'),
  ]);
  cache = {
    policies: new Map(policies.map((policy) => [policy.id, policy])),
    calendars: new Map(
      calendars.map(({ id, name, timezone, hours, holidays }) => [
        id,
        compileCalendar({ name, timezone, hours, holidays }),
      ]),
    ),
    readAt: now,
  };
  return cache;
}

/** Drops cached policies and calendars after an admin change. */
export function invalidateSlaCache(): void {
  cache = undefined;
}

/** The terms a ticket's clocks run under, with the arithmetic of its calendar. */
export interface ResolvedTerms {
  terms: SlaTerms;
  math: ClockMath;
}

/** Builds the minute arithmetic of a policy: business time on its calendar, or calendar time. */
export function clockMath(calendar: CompiledCalendar, businessHours: boolean): ClockMath {
  if (!businessHours) {
    return {
      add: (start, minutes, pauses) => addCalendarMinutes(start, minutes, pauses),
      between: (from, to) => calendarMinutesBetween(from, to),
    };
  }
  return {
    add: (start, minutes, pauses) => addBusinessMinutes(calendar, start, minutes, pauses),
    between: (from, to) => businessMinutesBetween(calendar, from, to),
  };
}

/**
 * Picks the SLA terms of a ticket: the department's policy, else the installation default
 * (`default`); the department's calendar, else the policy's, else the default calendar.
 */
export async function resolveTerms(ticket: {
  departmentId: string | null;
  priority: Priority;
}): Promise<ResolvedTerms> {
  const config = await slaConfig();
  const department = ticket.departmentId ? await findDepartment(ticket.departmentId) : undefined;
  const policyId =
    department?.slaPolicyId && config.policies.has(department.slaPolicyId)
      ? department.slaPolicyId
      : 'default';
  const policy = config.policies.get(policyId) ?? { ...DEFAULT_POLICY, id: 'default' };
  const calendarId =
    [department?.calendarId, policy.calendarId, 'default'].find(
      (id) => id && config.calendars.has(id),
    ) ?? 'default';
  const calendar = config.calendars.get(calendarId) ?? compileCalendar(DEFAULT_CALENDAR);
  return {
    terms: {
      policyId,
      calendarId,
      businessHours: policy.businessHours,
      warningMinutes: policy.warningMinutes,
      targets: policy.targets[ticket.priority] ?? {},
    },
    math: clockMath(calendar, policy.businessHours),
  };
}

/** Rebuilds the arithmetic of terms stored on a ticket, for counting time used under them. */
export async function mathOfTerms(terms: SlaTerms): Promise<ClockMath> {
  const config = await slaConfig();
  const calendar = config.calendars.get(terms.calendarId) ?? compileCalendar(DEFAULT_CALENDAR);
  return clockMath(calendar, terms.businessHours);
}
