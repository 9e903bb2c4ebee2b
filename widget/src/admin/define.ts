import { defineElement } from '../shared/register.js';
import { EscalatedAdmin } from './admin.js';

defineElement('escalated-admin', EscalatedAdmin);
