import { defineElement } from '../shared/register.js';
import { EscalatedTicketRating } from './ticket-rating.js';

defineElement('escalated-ticket-rating', EscalatedTicketRating);
