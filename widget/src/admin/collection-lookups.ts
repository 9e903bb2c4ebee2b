import { isAbortError } from '../shared/api-error.js';
import type { AdminApi } from './admin-api.js';
import type { LookupName, Lookups } from './collection-spec.js';

/** Returns lookup lists that are all empty, as before any has loaded. */
export function emptyLookups(): Lookups {
  return { agents: [], departments: [], calendars: [], policies: [] };
}

/** Loads the named lookup lists. A list that fails to load stays empty, so the form still works. */
export async function loadLookups(
  api: AdminApi,
  names: readonly LookupName[],
  signal: AbortSignal,
): Promise<Lookups> {
  const lookups = emptyLookups();
  const loaders: Record<LookupName, () => Promise<void>> = {
    agents: async () => void (lookups.agents = await api.listAgents({ signal })),
    departments: async () => void (lookups.departments = await api.list('departments', { signal })),
    calendars: async () => void (lookups.calendars = await api.list('calendars', { signal })),
    policies: async () => void (lookups.policies = await api.list('sla-policies', { signal })),
  };
  await Promise.all(
    names.map((name) =>
      loaders[name]().catch((error: unknown) => {
        if (isAbortError(error)) throw error;
      }),
    ),
  );
  return lookups;
}
