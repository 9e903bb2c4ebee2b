import { config } from '../lib/config.js';
import { cloudDriver } from './cloud.js';
import { localAgent } from './local-agent.js';
import { localCustomer, localGuest } from './local-customer.js';
import type { TicketDriver } from './types.js';

/**
 * Tickets in this installation's table. In `synced` mode the same writes also queue sync
 * events for the hub, in the same transaction (see `functions/sync/outbox.ts`).
 */
function localDriver(mode: 'self_hosted' | 'synced'): TicketDriver {
  return { mode, customer: localCustomer, guest: localGuest, agent: localAgent };
}

let current: TicketDriver | undefined;

/** Returns the driver `ESCALATED_MODE` selects: the only way routes read and write tickets. */
export function ticketDriver(): TicketDriver {
  if (!current) {
    const { mode } = config();
    current = mode === 'cloud' ? cloudDriver : localDriver(mode);
  }
  return current;
}
