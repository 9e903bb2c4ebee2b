import type { Settings } from '../domain/settings.js';
import type { Principal, Ticket } from '../domain/types.js';
import { ticketNotFound } from '../lib/errors.js';
import { getUser } from '../store/users.js';

/** Returns whether a customer or guest may see a ticket: only their own, or their one ticket. */
export function customerCanSee(principal: Principal, ticket: Ticket): boolean {
  // A ticket synced from another installation belongs to that installation's customers.
  if (ticket.deletedAt || ticket.source) return false;
  // A ticket opened through an installation's key (cloud mode) belongs to that installation,
  // and one opened here belongs to this one. Customers get only their own installation's.
  if ((ticket.installationId ?? null) !== (principal.apiKey?.id ?? null)) return false;
  if (principal.guest)
    return principal.ticketReference === ticket.reference && ticket.requester.id === principal.id;
  return ticket.requester.id === principal.id;
}

/**
 * Returns the departments an agent may see under department scoping, or undefined when the
 * agent sees every ticket (scoping off, or the caller is an admin). Membership set by an
 * admin wins over the token's `departments` claim.
 */
export async function scopedDepartments(
  principal: Principal,
  settings: Settings,
): Promise<string[] | undefined> {
  if (!settings.departmentScoping || principal.role === 'admin') return undefined;
  const profile = await getUser(principal.id);
  return profile?.departmentIds.length ? profile.departmentIds : principal.departments;
}

/** Returns whether an agent may see a ticket, given their scoped departments. */
export function agentCanSee(scope: string[] | undefined, ticket: Ticket): boolean {
  if (ticket.deletedAt) return false;
  if (!scope) return true;
  return ticket.departmentId === null || scope.includes(ticket.departmentId);
}

/** Throws the hiding 404 unless `visible`. */
export function assertVisible(visible: boolean, reference: string): void {
  if (!visible) throw ticketNotFound(reference);
}
