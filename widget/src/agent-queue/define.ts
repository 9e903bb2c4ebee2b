import '../sla-badge/define.js';
import '../attachments/define.js';
import { defineElement } from '../shared/register.js';
import { EscalatedAgentComposer } from './agent-composer.js';
import { EscalatedAgentQueue } from './agent-queue.js';
import { EscalatedAgentTicket } from './agent-ticket.js';

// Nested elements first, so the queue's first render upgrades them at once.
defineElement('escalated-agent-composer', EscalatedAgentComposer);
defineElement('escalated-agent-ticket', EscalatedAgentTicket);
defineElement('escalated-agent-queue', EscalatedAgentQueue);
