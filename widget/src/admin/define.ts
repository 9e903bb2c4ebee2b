import { defineElement } from '../shared/register.js';
import { EscalatedAdmin } from './admin.js';
import { EscalatedAdminAgents } from './agents-panel.js';
import { EscalatedAdminAuditLog } from './audit-log-panel.js';
import { EscalatedAdminCalendarPreview } from './calendar-preview.js';
import { EscalatedAdminCollection } from './collection-panel.js';
import { EscalatedAdminWebhookDeliveries } from './deliveries-panel.js';
import { EscalatedAdminReports } from './reports-panel.js';
import { EscalatedAdminRulePreview } from './rule-preview.js';
import { EscalatedAdminSettings } from './settings-panel.js';

// Nested elements first, so the admin's first render upgrades them at once.
defineElement('escalated-admin-calendar-preview', EscalatedAdminCalendarPreview);
defineElement('escalated-admin-rule-preview', EscalatedAdminRulePreview);
defineElement('escalated-admin-webhook-deliveries', EscalatedAdminWebhookDeliveries);
defineElement('escalated-admin-collection', EscalatedAdminCollection);
defineElement('escalated-admin-agents', EscalatedAdminAgents);
defineElement('escalated-admin-settings', EscalatedAdminSettings);
defineElement('escalated-admin-reports', EscalatedAdminReports);
defineElement('escalated-admin-audit-log', EscalatedAdminAuditLog);
defineElement('escalated-admin', EscalatedAdmin);
