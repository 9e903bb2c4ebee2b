import { DEFAULT_CALENDAR, type Calendar } from '../domain/calendar/index.js';
import { DEFAULT_POLICY, type SlaPolicy } from '../domain/sla/policy.js';
import { SYSTEM_AUTHOR } from '../tickets/items.js';
import { createConfigItem, getConfigItem } from '../store/config-items.js';
import { ApiError } from '../lib/errors.js';

let ensured = false;

async function ensureItem<T extends object>(
  kind: string,
  collection: string,
  data: T,
): Promise<void> {
  if (await getConfigItem(kind, 'default')) return;
  try {
    await createConfigItem({ kind, collection, actor: SYSTEM_AUTHOR }, data, 'default');
  } catch (error) {
    // Another request created it first, which is the state we want.
    if (!(error instanceof ApiError)) throw error;
  }
}

/**
 * Creates the default calendar (Mon–Fri 09:00–17:00 UTC) and the default policy the first time
 * any SLA configuration is read. Both have the id `default`; admins may edit but not delete them.
 */
export async function ensureSlaDefaults(): Promise<void> {
  if (ensured) return;
  await ensureItem<Calendar>('CALENDAR', 'calendars', DEFAULT_CALENDAR);
  await ensureItem<SlaPolicy>('SLA_POLICY', 'sla-policies', DEFAULT_POLICY);
  ensured = true;
}
