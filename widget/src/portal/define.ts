import { defineElement } from '../shared/register.js';
import { EscalatedPortal } from './portal.js';
import { EscalatedTicketForm } from './ticket-form.js';

// Nested elements first, so the portal's first render upgrades them at once. The ticket view
// registers itself from its own chunk (see define-ticket.ts) the first time a ticket opens.
defineElement('escalated-ticket-form', EscalatedTicketForm);
defineElement('escalated-portal', EscalatedPortal);
