import type { Channel, EventType, Priority, Role, Status } from './enums.js';
import type { SlaClock } from './sla/clock.js';

/** The caller of a request, from a verified token. */
export interface Principal {
  id: string;
  name: string;
  email: string | null;
  role: Role;
  /** Department ids from the token, used when department scoping is on. */
  departments: string[];
  /** Set for guest tokens: the one ticket this caller may act on. */
  ticketReference?: string;
  guest: boolean;
  /** Set when another installation called with an `esk_` API key. */
  apiKey?: { id: string; abilities: Array<'sync' | 'agent' | 'admin'> };
}

/** A person as a ticket shows them. */
export interface PersonRef {
  id: string;
  name: string;
  email: string | null;
  guest: boolean;
}

/** A tag as tickets carry it. */
export interface TagRef {
  id: string;
  name: string;
  color: string;
}

/** SLA clocks of a ticket; null fields are clocks that are not running or not set. */
export interface TicketSla {
  policyId: string | null;
  firstResponseDueAt: string | null;
  nextResponseDueAt: string | null;
  resolutionDueAt: string | null;
  firstResponseBreachedAt: string | null;
  nextResponseBreachedAt: string | null;
  resolutionBreachedAt: string | null;
  pausedAt: string | null;
  state: 'on_track' | 'warning' | 'breached' | 'paused' | 'met';
}

/** A ticket as the API returns it to agents. */
export interface Ticket {
  id: string;
  reference: string;
  subject: string;
  body: string;
  status: Status;
  priority: Priority;
  channel: Channel;
  departmentId: string | null;
  assigneeId: string | null;
  requester: PersonRef;
  tags: TagRef[];
  followerIds: string[];
  createdAt: string;
  updatedAt: string;
  firstResponseAt: string | null;
  lastAgentReplyAt: string | null;
  lastRequesterReplyAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  linkedFrom: string | null;
  /** Files attached when the ticket was opened. */
  attachments?: AttachmentRef[];
  /** Set when an admin deleted the ticket; it is then hidden everywhere. */
  deletedAt?: string | null;
  version: number;
  /** SLA clocks as stored; the public `sla` object is computed from them when read. */
  slaClock: SlaClock | null;
  /** When the escalation sweep must next evaluate this ticket; set to the time of each change. */
  rulesCheckAt?: string | null;
  /** Fire keys of the escalation rules that have fired on this ticket. */
  firedRules?: string[];
  /** On a hub, the installation a synced ticket comes from; it can only be changed there. */
  source?: TicketSource | null;
  /**
   * Id of the API key of the installation whose customer opened the ticket through this one
   * (cloud mode): only customers acting through that key may see it. Null for this one's own,
   * which customers acting through a key never see.
   */
  installationId?: string | null;
}

/** The installation that created and keeps a ticket a hub shows. */
export interface TicketSource {
  /** Id of the API key the installation sends its events with. */
  installationId: string;
  /** Name of that key, as the hub's admin named the installation. */
  installationName: string;
  /** The ticket's reference on that installation. */
  reference: string;
  /** The installation's version of the ticket the hub shows. */
  version: number;
}

/** The author of a reply or note. */
export interface Author {
  id: string;
  name: string;
  role: Role | 'system';
}

/** A file attached to a ticket or reply. */
export interface AttachmentRef {
  id: string;
  fileName: string;
  contentType: string;
  /** Bytes, as stored. */
  size: number;
}

/** A public reply or an internal note. */
export interface Reply {
  id: string;
  body: string;
  internal: boolean;
  pinned: boolean;
  author: Author;
  attachments: AttachmentRef[];
  createdAt: string;
}

/** One entry of a ticket's activity timeline. */
export interface Activity {
  id: string;
  type: EventType;
  actor: Author | null;
  field?: string;
  before?: unknown;
  after?: unknown;
  note?: string;
  createdAt: string;
}

/** A user known to this installation from the tokens they have sent. */
export interface UserProfile {
  id: string;
  name: string;
  email: string | null;
  role: Role;
  departmentIds: string[];
  away: boolean;
  lastSeenAt: string;
  /** Set for a user who came through another installation's key (cloud mode). */
  installationId?: string;
}

/** A department with its agents and routing settings. */
export interface Department {
  id: string;
  name: string;
  agentIds: string[];
  autoAssign: boolean;
  maxOpenPerAgent: number | null;
  slaPolicyId: string | null;
  calendarId: string | null;
}
