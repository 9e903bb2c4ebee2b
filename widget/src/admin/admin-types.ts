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
  'webhooks',
  'api-keys',
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

/** A webhook as admins write it. `events` lists event types, or is `["*"]` for every type. */
export interface WebhookInput {
  url: string;
  events: string[];
  active: boolean;
  description?: string;
}

/** Outcome of one delivery attempt of a webhook. */
export type DeliveryOutcome = 'delivered' | 'failed' | 'refused' | 'cancelled';

/** One attempt of a webhook delivery, as `GET /admin/webhooks/{id}/deliveries` lists them. */
export interface DeliveryAttempt {
  id: string;
  deliveryId: string;
  webhookId: string;
  eventId: string;
  eventType: string;
  reference: string | null;
  attempt: number;
  at: string;
  outcome: DeliveryOutcome;
  statusCode: number | null;
  durationMs: number | null;
  error: string | null;
  /** The first 500 characters of the receiver's response body. */
  responseBody: string | null;
  nextAttemptAt: string | null;
}

/** What an API key may do: `sync` between installations, act as an agent, or as an admin. */
export type ApiKeyAbility = 'sync' | 'agent' | 'admin';

/** An API key as admins write it. */
export interface ApiKeyInput {
  name: string;
  abilities: ApiKeyAbility[];
}

/** A stored API key. Only the first characters of the key are kept for display. */
export interface ApiKeyItem extends ApiKeyInput, ConfigMeta {
  keyPrefix: string;
}

/** Median and 90th percentile of a set of durations in minutes. Both are null when `count` is 0. */
export interface DurationSummary {
  count: number;
  median: number | null;
  p90: number | null;
}

/** The same durations measured on the calendar clock and in business hours. */
export interface DurationPair {
  calendarMinutes: DurationSummary;
  businessMinutes: DurationSummary;
}

/** Keys of `backlog.byAge` in the report, youngest first. */
export const BACKLOG_AGES = [
  'under1Day',
  '1to3Days',
  '3to7Days',
  '7to30Days',
  'over30Days',
] as const;

/** One age bucket of the open backlog. */
export type BacklogAge = (typeof BACKLOG_AGES)[number];

/** One row of the per-agent table of a report. */
export interface AgentReportRow {
  agentId: string;
  name: string | null;
  replies: number;
  resolved: number;
  firstResponseMinutes: DurationSummary;
  resolutionMinutes: DurationSummary;
}

/** Activity of one UTC day in a report. */
export interface ReportDay {
  day: string;
  created: number;
  resolved: number;
  breaches: number;
}

/** The report of `GET /admin/reports` over UTC days `from` to `to`, both included. */
export interface AdminReport {
  from: string;
  to: string;
  departmentId: string | null;
  created: number;
  resolved: number;
  firstResponse: DurationPair;
  resolution: DurationPair;
  sla: {
    ticketsWithPolicy: number;
    ticketsBreached: number;
    /** Percent of tickets with a policy that never breached, 100 when none had a policy. */
    compliance: number;
    breaches: Record<SlaTarget, number>;
  };
  csat: {
    ratings: number;
    average: number | null;
    distribution: Record<'1' | '2' | '3' | '4' | '5', number>;
    /** Percent of resolved tickets that were rated, null when none was resolved. */
    responseRate: number | null;
  };
  series: ReportDay[];
  agents: AgentReportRow[];
  /** Open tickets now, whatever the period. `capped` is true when the count stopped at a limit. */
  backlog: { open: number; capped: boolean; byAge: Record<BacklogAge, number> };
}

/** Query of `GET /admin/reports`: UTC days as `YYYY-MM-DD`, and an optional department. */
export interface ReportQuery {
  from: string;
  to: string;
  departmentId?: string;
}
