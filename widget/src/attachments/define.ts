import { defineElement } from '../shared/register.js';
import { EscalatedAttachmentPicker } from './attachment-picker.js';

defineElement('escalated-attachment-picker', EscalatedAttachmentPicker);
