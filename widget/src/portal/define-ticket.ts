import { defineElement } from '../shared/register.js';
import { EscalatedPortalTicket } from './portal-ticket.js';

defineElement('escalated-portal-ticket', EscalatedPortalTicket);
