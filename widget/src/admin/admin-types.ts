import type { Priority } from '../shared/api-types.js';

/** Fields the API adds to every configuration item it stores. */
export interface ConfigMeta {
  id: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** Names of the admin configuration collections, as they appear in the URL. */
export const ADMIN_COLLECTIONS = [
  'departments',
  'calendars',
  'sla-policies',
  'escalation-rules',
  'tags',
  'canned-responses',
  'macros',
] as const;

/** An admin configuration collection. */
export type AdminCollection = (typeof ADMIN_COLLECTIONS)[number];

/** A department as admins write it. `maxOpenPerAgent: null` means no cap. */
export interface DepartmentInput {
  name: string;
  agentIds: string[];
  autoAssign: boolean;
  maxOpenPerAgent: number | null;
  slaPolicyId: string | null;
  calendarId: string | null;
}

/** Weekday keys of a calendar's `hours`, Monday first. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** A weekday key of a calendar's `hours`. */
export type Weekday = (typeof WEEKDAYS)[number];

/** Opening interval `[start, end]` as `HH:MM` local times, the end excluded. */
export type OpeningInterval = [string, string];

/** A closed date, or the part of it from `from` to `to`. `recurring` repeats it every year. */
export interface Holiday {
  date: string;
  recurring?: boolean;
  from?: string;
  to?: string;
}

/** A business calendar as admins write it. */
export interface CalendarInput {
  name: string;
  timezone: string;
  hours: Partial<Record<Weekday, OpeningInterval[]>>;
  holidays?: Holiday[];
}

/** The three clocks an SLA policy sets targets for. */
export const SLA_TARGETS = ['firstResponse', 'nextResponse', 'resolution'] as const;

/** One of the SLA clocks. */
export type SlaTarget = (typeof SLA_TARGETS)[number];

/** Targets of one priority in minutes. Null or missing means no target. */
export type TargetSet = Partial<Record<SlaTarget, number | null>>;

/** An SLA policy as admins write it. */
export interface SlaPolicyInput {
  name: string;
  calendarId: string | null;
  businessHours: boolean;
  warningMinutes: number;
  targets: Partial<Record<Priority, TargetSet>>;
}

/** One condition of an escalation rule, e.g. `{ field: 'priority', op: 'in', value: [...] }`. */
export interface RuleCondition {
  field: string;
  op: string;
  value: unknown;
}

/** One action of an escalation rule. `escalate` has no value. */
export interface RuleAction {
  type: string;
  value?: unknown;
}

/** How often a rule may fire: once per ticket, or once per ticket and SLA cycle. */
export type FireMode = 'once' | 'once_per_cycle';

/** An escalation rule as admins write it. */
export interface EscalationRuleInput {
  name: string;
  active: boolean;
  order: number;
  fireMode: FireMode;
  conditions: RuleCondition[];
  actions: RuleAction[];
}

/** A tag of the catalogue with its `#rrggbb` colour. */
export interface TagInput {
  name: string;
  color: string;
}

/** A canned response: shared with every agent, or personal to `ownerId`. */
export interface CannedResponseInput {
  title: string;
  body: string;
  shared: boolean;
  ownerId: string | null;
}

/** One step of a macro. */
export interface MacroAction {
  type: string;
  value: unknown;
}

/** A macro: ordered actions, shared with every agent or personal to `ownerId`. */
export interface MacroInput {
  name: string;
  shared: boolean;
  ownerId: string | null;
  actions: MacroAction[];
}

/** A stored item of any collection: its fields plus the API's metadata. */
export type ConfigItem<T = object> = T & ConfigMeta;

/** A user whose token carried the agent or admin role, as `GET /admin/agents` lists them. */
export interface AdminAgent {
  id: string;
  name: string;
  email: string | null;
  role: 'agent' | 'admin' | 'customer';
  departmentIds: string[];
  away: boolean;
  lastSeenAt: string;
}

/** Installation settings of `GET /admin/settings`. */
export interface AdminSettings {
  referencePrefix: string;
  defaultPriority: Priority;
  allowCustomerPriority: boolean;
  allowCustomerClose: boolean;
  reopenWindowDays: number;
  autoCloseResolvedAfterDays: number;
  activityRetentionDays: number;
  maxAttachmentSizeKb: number;
  maxAttachmentsPerReply: number;
  guestTicketsEnabled: boolean;
  departmentScoping: boolean;
  availabilityWindowMinutes: number;
  allowPrivateWebhookTargets: boolean;
  brandName: string;
  brandColor: string;
}

/** One entry of the audit log: who changed what, with the item before and after. */
export interface AuditEntry {
  id: string;
  at: string;
  actor: { id: string; name: string | null; role: string } | null;
  action: string;
  collection: string;
  targetId: string;
  before: unknown;
  after: unknown;
}

/** Result of `POST /admin/escalation-rules/preview`. */
export interface RulePreview {
  references: string[];
  checked: number;
}
