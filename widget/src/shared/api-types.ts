import type { TicketStatus } from './status.js';

/** Ticket priorities, lowest first. */
export const PRIORITIES = ['low', 'medium', 'high', 'urgent', 'critical'] as const;

/** A ticket priority as the API spells it. */
export type Priority = (typeof PRIORITIES)[number];

/** Human-readable priority names. */
export const PRIORITY_LABELS: Readonly<Record<Priority, string>> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  urgent: 'Urgent',
  critical: 'Critical',
};

/** The priority a new ticket gets when the requester does not choose one. */
export const DEFAULT_PRIORITY: Priority = 'medium';

/** Role claim carried by the host application's token. An admin is also an agent. */
export type UserRole = 'customer' | 'agent' | 'admin';

/** The channel a ticket arrived through. */
export type Channel = 'portal' | 'guest' | 'email' | 'api';

/** The person who opened a ticket. */
export interface Requester {
  id: string;
  name: string | null;
  email: string | null;
  guest: boolean;
}

/** A label attached to a ticket. */
export interface Tag {
  id: string;
  name: string;
  color: string | null;
}

/** Overall SLA state of a ticket, computed by the API when it returns the ticket. */
export type SlaState = 'on_track' | 'warning' | 'breached' | 'paused' | 'met';

/**
 * SLA clocks of a ticket, every instant an ISO-8601 UTC string. A due date stays set after its
 * clock stopped, except `nextResponseDueAt`, which is null while no next-response cycle runs.
 */
export interface TicketSla {
  policyId: string | null;
  firstResponseDueAt: string | null;
  nextResponseDueAt: string | null;
  resolutionDueAt: string | null;
  firstResponseBreachedAt: string | null;
  nextResponseBreachedAt: string | null;
  resolutionBreachedAt: string | null;
  pausedAt: string | null;
  state: SlaState;
}

/** A support ticket. `version` goes into `If-Match` on agent updates. */
export interface Ticket {
  reference: string;
  subject: string;
  body: string;
  status: TicketStatus;
  priority: Priority;
  channel: Channel;
  departmentId: string | null;
  assigneeId: string | null;
  requester: Requester;
  tags: Tag[];
  followerIds: string[];
  createdAt: string;
  updatedAt: string;
  firstResponseAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  version: number;
  sla: TicketSla | null;
  /** Files attached when the ticket was opened. */
  attachments?: Attachment[];
  /** On a hub: the installation that keeps this ticket, where it is changed. */
  source?: TicketSource | null;
}

/** The installation that keeps a ticket a hub shows: its name and its own reference. */
export interface TicketSource {
  installationName: string;
  reference: string;
}

/** Author of a reply or actor of an activity entry. */
export interface Actor {
  id: string;
  name: string | null;
  role: UserRole | 'system';
}

/** A file attached to a reply. */
export interface Attachment {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
}

/** A public reply or, when `internal` is true, an internal note that customers never see. */
export interface Reply {
  id: string;
  body: string;
  internal: boolean;
  pinned: boolean;
  author: Actor | null;
  attachments: Attachment[];
  createdAt: string;
}

/**
 * One entry of a ticket's activity timeline. For changes the system makes on its own, `actor`
 * is `{ id: 'system', name: 'Escalated' }` or null. `note` explains an automatic change, e.g.
 * "Assigned by round-robin in Repairs", except on `reply.created` and `note.created`, where it
 * contains the id of the reply or note.
 */
export interface Activity {
  id: string;
  type: string;
  actor: Actor | null;
  field?: string;
  before?: unknown;
  after?: unknown;
  note?: string;
  createdAt: string;
}

/** The requester's satisfaction rating of a resolved or closed ticket, 1 to 5 stars. */
export interface Rating {
  rating: number;
  comment: string | null;
  submittedAt: string;
  updatedAt: string;
}

/** Body of `POST /tickets/{reference}/rating`. `comment` is at most 2,000 characters. */
export interface RatingInput {
  rating: number;
  comment?: string;
}

/** Another agent who currently has the ticket open, and whether they are typing. */
export interface Viewer {
  id: string;
  name?: string | null;
  typing?: boolean;
}

/** Answer of `POST /agent/tickets/{reference}/presence`: the other agents on the ticket. */
export interface Presence {
  viewers: Viewer[];
  typers: Viewer[];
}

/** `GET /tickets/{reference}`: the ticket with its public replies. */
export interface CustomerTicketDetail {
  ticket: Ticket;
  replies: Reply[];
  rating: Rating | null;
}

/** `GET /agent/tickets/{reference}`: the ticket with replies, notes, activity and viewers. */
export interface AgentTicketDetail extends CustomerTicketDetail {
  activity: Activity[];
  viewers: Viewer[];
}

/** One page of a cursor-paginated list. `nextCursor` is null on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** An entry of `GET /agent/agents`. */
export interface UserSummary {
  id: string;
  name: string | null;
  email: string | null;
  role: UserRole;
}

/** An entry of `GET /agent/departments`. `maxOpenPerAgent: null` means no cap. */
export interface Department {
  id: string;
  name: string;
  agentIds: string[];
  autoAssign: boolean;
  maxOpenPerAgent: number | null;
}

/** Body of `POST /tickets`. */
export interface CreateTicketInput {
  subject: string;
  body: string;
  priority?: Priority;
  departmentId?: string;
  attachmentIds?: string[];
}

/** Body of `POST /guest/tickets`: a ticket from a visitor without an account. */
export interface GuestTicketInput extends CreateTicketInput {
  name: string;
  email: string;
}

/** Answer of `POST /guest/tickets`: the ticket and a bearer token for that ticket only. */
export interface GuestTicketResult {
  ticket: Ticket;
  accessToken: string;
}

/** Body of `POST /tickets/{reference}/replies`. */
export interface CustomerReplyInput {
  body: string;
  attachmentIds?: string[];
}

/** Body of `POST /agent/tickets/{reference}/replies`. */
export interface AgentReplyInput {
  body: string;
  internal: boolean;
  attachmentIds?: string[];
}

/** Body of `POST /attachments`: the file to be uploaded. `size` is in bytes. */
export interface AttachmentRequest {
  fileName: string;
  contentType: string;
  size: number;
}

/**
 * Answer of `POST /attachments`: a presigned S3 POST. The file goes to `upload.url` as
 * `multipart/form-data` with every entry of `upload.fields` first and the file last.
 */
export interface AttachmentUpload {
  attachmentId: string;
  upload: { url: string; fields: Record<string, string> };
  maxSize: number;
  expiresAt: string;
}

/** A tag of the catalogue, from `GET /agent/tags`. `color` is a CSS colour or null. */
export interface TagDefinition {
  id: string;
  name: string;
  color: string | null;
}

/** A canned response, from `GET /agent/canned-responses`. `body` may contain placeholders. */
export interface CannedResponse {
  id: string;
  title: string;
  body: string;
}

/** A macro, from `GET /agent/macros`: named actions applied to a ticket in one step. */
export interface Macro {
  id: string;
  name: string;
  actions: unknown[];
}

/** Actions of `POST /agent/tickets/bulk`. `delete` is allowed to admins only. */
export const BULK_ACTIONS = [
  'assign',
  'unassign',
  'status',
  'priority',
  'add_tags',
  'remove_tags',
  'department',
  'close',
  'delete',
] as const;

/** One of {@link BULK_ACTIONS}. */
export type BulkAction = (typeof BULK_ACTIONS)[number];

/** Body of `POST /agent/tickets/bulk`, for 1 to 100 references. */
export interface BulkInput {
  references: string[];
  action: BulkAction;
  value?: string | string[] | null;
}

/** The outcome of a bulk action on one ticket. */
export type BulkItemResult =
  | { reference: string; ok: true }
  | { reference: string; ok: false; error: { code: string; message: string } };

/** Answer of `POST /agent/tickets/bulk`: a result per ticket and the totals. */
export interface BulkResult {
  results: BulkItemResult[];
  updated: number;
  failed: number;
}

/** Answer of `GET /agent/dashboard`. Each list has at most 5 tickets. */
export interface Dashboard {
  counts: {
    open: number;
    mine: number;
    unassigned: number;
    urgent: number;
    breached: number;
    following: number;
    resolvedToday: number;
  };
  lists: { mine: Ticket[]; unassigned: Ticket[]; breaching: Ticket[] };
}

/** Body of `PATCH /agent/tickets/{reference}`. `assigneeId: null` unassigns. Tags go by name. */
export interface TicketPatch {
  status?: TicketStatus;
  priority?: Priority;
  assigneeId?: string | null;
  departmentId?: string | null;
  addTags?: string[];
  removeTags?: string[];
}

/**
 * Query of `GET /agent/tickets`. `view: 'sla_breaching'` lists tickets whose SLA is in warning
 * or breached, most urgent first, and `view: 'urgent'` those of priority urgent or critical.
 * `q` searches reference, subject and requester. `createdFrom` and `createdTo` are ISO
 * instants. `sort` is `updated` (newest first, the default), `created` or `sla` (earliest
 * running SLA deadline first).
 */
export interface QueueQuery {
  status?: TicketStatus;
  priority?: Priority;
  assigneeId?: string;
  departmentId?: string;
  tag?: string;
  q?: string;
  createdFrom?: string;
  createdTo?: string;
  view?: 'mine' | 'unassigned' | 'urgent' | 'sla_breaching' | 'following';
  sort?: 'updated' | 'created' | 'sla';
  limit?: number;
  cursor?: string;
}

/** Query of `GET /tickets`. */
export interface OwnTicketsQuery {
  status?: TicketStatus;
  limit?: number;
  cursor?: string;
}

/** The error envelope every failed API call returns. */
export interface ApiErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
  requestId?: string;
}
