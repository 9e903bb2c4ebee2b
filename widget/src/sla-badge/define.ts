import { defineElement } from '../shared/register.js';
import { EscalatedSlaBadge } from './sla-badge.js';

defineElement('escalated-sla-badge', EscalatedSlaBadge);
