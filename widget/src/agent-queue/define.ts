import { defineElement } from '../shared/register.js';
import { EscalatedAgentQueue } from './agent-queue.js';
import { EscalatedAgentTicket } from './agent-ticket.js';

// The nested ticket view first, so the queue's first render upgrades it at once.
defineElement('escalated-agent-ticket', EscalatedAgentTicket);
defineElement('escalated-agent-queue', EscalatedAgentQueue);
