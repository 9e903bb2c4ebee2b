import { defineElement } from '../shared/register.js';
import { EscalatedPortalTicket } from './portal-ticket.js';
import { EscalatedPortal } from './portal.js';
import { EscalatedTicketForm } from './ticket-form.js';

// Nested elements first, so the portal's first render upgrades them at once.
defineElement('escalated-ticket-form', EscalatedTicketForm);
defineElement('escalated-portal-ticket', EscalatedPortalTicket);
defineElement('escalated-portal', EscalatedPortal);
