import { EscalatedApiError } from './api-error.js';
import type {
  AgentReplyInput,
  AgentTicketDetail,
  AttachmentRequest,
  AttachmentUpload,
  CreateTicketInput,
  CustomerReplyInput,
  CustomerTicketDetail,
  Department,
  GuestTicketInput,
  GuestTicketResult,
  OwnTicketsQuery,
  Page,
  QueueQuery,
  Rating,
  RatingInput,
  Reply,
  Ticket,
  TicketPatch,
  UserSummary,
} from './api-types.js';
import type { TokenSource } from './token-source.js';

/** Options every client call takes: the signal that cancels it. */
export interface RequestOptions {
  signal: AbortSignal;
}

/**
 * Options of calls that create something. Reusing `idempotencyKey` when retrying the same
 * submission makes the API return the first result instead of creating a duplicate.
 */
export interface CreateOptions extends RequestOptions {
  idempotencyKey: string;
}

/** Options of {@link EscalatedClient.request}. `body` is sent as JSON. */
export interface SendOptions extends RequestOptions {
  method: 'GET' | 'POST' | 'PATCH';
  body?: unknown;
  headers?: Record<string, string>;
}

/** Result of calls that change a ticket. */
export interface TicketResult {
  ticket: Ticket;
}

/** Result of creating a reply or note. */
export interface ReplyResult {
  reply: Reply;
  ticket: Ticket;
}

/**
 * Browser client for the Escalated HTTP API. Routes are appended to `baseUrl` (for example
 * `http://127.0.0.1:3000/api/v1`). A 401 is retried once with a renewed token when the
 * token source can renew, and any other non-2xx answer throws an {@link EscalatedApiError}.
 *
 * @example
 * const client = new EscalatedClient('https://help.example.com/api/v1', tokens);
 * const { items } = await client.listOwnTickets({}, { signal: controller.signal });
 */
export class EscalatedClient {
  readonly baseUrl: string;

  constructor(
    baseUrl: string,
    private readonly tokens: TokenSource,
    private readonly fetchImpl: typeof fetch = (input, init) => fetch(input, init),
  ) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
  }

  /** Lists the signed-in customer's own tickets, most recent activity first. */
  listOwnTickets(query: OwnTicketsQuery, options: RequestOptions): Promise<Page<Ticket>> {
    return this.send(`/tickets${queryString({ ...query })}`, { ...options, method: 'GET' });
  }

  /** Opens a ticket as the signed-in customer. */
  createTicket(input: CreateTicketInput, options: CreateOptions): Promise<TicketResult> {
    return this.send('/tickets', withKey({ ...options, method: 'POST', body: input }));
  }

  /** Reads one of the customer's tickets with its public replies. */
  getTicket(reference: string, options: RequestOptions): Promise<CustomerTicketDetail> {
    return this.send(ticketPath('/tickets', reference), { ...options, method: 'GET' });
  }

  /** Adds the customer's reply, with the ids of files uploaded for it, to their ticket. */
  replyToTicket(
    reference: string,
    input: CustomerReplyInput,
    options: CreateOptions,
  ): Promise<ReplyResult> {
    const path = `${ticketPath('/tickets', reference)}/replies`;
    return this.send(path, withKey({ ...options, method: 'POST', body: input }));
  }

  /** Opens a ticket for a visitor without an account; no token is needed. */
  createGuestTicket(input: GuestTicketInput, options: CreateOptions): Promise<GuestTicketResult> {
    return this.send('/guest/tickets', withKey({ ...options, method: 'POST', body: input }));
  }

  /**
   * Rates the customer's resolved or closed ticket, or changes the rating within 7 days of the
   * first one. Otherwise the API returns 409 `rating.notAllowed` or `rating.locked`.
   */
  async rateTicket(
    reference: string,
    input: RatingInput,
    options: RequestOptions,
  ): Promise<Rating | null> {
    const path = `${ticketPath('/tickets', reference)}/rating`;
    const body = await this.send<unknown>(path, { ...options, method: 'POST', body: input });
    return ratingOf(body);
  }

  /** Registers a file before its upload and returns the presigned S3 POST to send it with. */
  createAttachment(input: AttachmentRequest, options: RequestOptions): Promise<AttachmentUpload> {
    return this.send('/attachments', { ...options, method: 'POST', body: input });
  }

  /**
   * Downloads an attachment. The API redirects to a short-lived S3 address, which `fetch`
   * follows, so the file arrives here with the bearer token checked on the way.
   */
  async downloadAttachment(attachmentId: string, options: RequestOptions): Promise<Blob> {
    const path = `/attachments/${encodeURIComponent(attachmentId)}`;
    const response = await this.fetchChecked(path, { ...options, method: 'GET' }, '*/*');
    try {
      return await response.blob();
    } catch (cause) {
      if (options.signal.aborted) throw cause;
      throw EscalatedApiError.network(cause);
    }
  }

  /** Closes the customer's ticket, when the installation allows customers to. */
  closeTicket(reference: string, options: RequestOptions): Promise<TicketResult> {
    const path = `${ticketPath('/tickets', reference)}/close`;
    return this.send(path, { ...options, method: 'POST', body: {} });
  }

  /** Reopens the customer's resolved or closed ticket. */
  reopenTicket(reference: string, options: RequestOptions): Promise<TicketResult> {
    const path = `${ticketPath('/tickets', reference)}/reopen`;
    return this.send(path, { ...options, method: 'POST', body: {} });
  }

  /** Lists the agent queue with the given filters. */
  listQueue(query: QueueQuery, options: RequestOptions): Promise<Page<Ticket>> {
    return this.send(`/agent/tickets${queryString({ ...query })}`, { ...options, method: 'GET' });
  }

  /** Reads a ticket with replies, internal notes, activity and viewers. */
  getAgentTicket(reference: string, options: RequestOptions): Promise<AgentTicketDetail> {
    return this.send(ticketPath('/agent/tickets', reference), { ...options, method: 'GET' });
  }

  /** Changes a ticket. The API rejects a stale `version` with 409. */
  updateTicket(
    reference: string,
    patch: TicketPatch,
    version: number,
    options: RequestOptions,
  ): Promise<TicketResult> {
    const headers = { 'If-Match': String(version) };
    const path = ticketPath('/agent/tickets', reference);
    return this.send(path, { ...options, method: 'PATCH', body: patch, headers });
  }

  /** Adds an agent's public reply or, with `internal: true`, an internal note. */
  addAgentReply(
    reference: string,
    input: AgentReplyInput,
    options: CreateOptions,
  ): Promise<ReplyResult> {
    const path = `${ticketPath('/agent/tickets', reference)}/replies`;
    return this.send(path, withKey({ ...options, method: 'POST', body: input }));
  }

  /** Lists the agents a ticket can be assigned to. */
  async listAgents(options: RequestOptions): Promise<UserSummary[]> {
    return itemsOf(await this.send<unknown>('/agent/agents', { ...options, method: 'GET' }));
  }

  /** Lists the departments. */
  async listDepartments(options: RequestOptions): Promise<Department[]> {
    return itemsOf(await this.send<unknown>('/agent/departments', { ...options, method: 'GET' }));
  }

  /**
   * Sends a request to a route under `baseUrl` and returns the parsed JSON body, for routes
   * that have no method of their own here (the agent workspace keeps its calls in its own
   * chunk). Errors are thrown as for every other call.
   */
  request<T>(path: string, options: SendOptions): Promise<T> {
    return this.send(path, options);
  }

  private async send<T>(path: string, options: SendOptions): Promise<T> {
    const response = await this.fetchChecked(path, options, 'application/json');
    if (response.status === 204) return undefined as T;
    try {
      return (await response.json()) as T;
    } catch (cause) {
      if (options.signal.aborted) throw cause;
      throw EscalatedApiError.unreadable(response.status, cause);
    }
  }

  /** Sends the request, once more with a renewed token after a 401, and throws unless 2xx. */
  private async fetchChecked(path: string, options: SendOptions, accept: string) {
    let response = await this.fetchWithToken(path, options, accept, await this.token(false));
    if (response.status === 401 && this.tokens.canRenew) {
      response = await this.fetchWithToken(path, options, accept, await this.token(true));
    }
    if (!response.ok) throw await EscalatedApiError.fromResponse(response);
    return response;
  }

  private async token(renew: boolean): Promise<string | undefined> {
    try {
      return renew ? await this.tokens.renew() : await this.tokens.current();
    } catch (cause) {
      throw EscalatedApiError.noToken(cause);
    }
  }

  private async fetchWithToken(
    path: string,
    options: SendOptions,
    accept: string,
    token: string | undefined,
  ): Promise<Response> {
    const headers: Record<string, string> = { Accept: accept, ...options.headers };
    if (token) headers.Authorization = `Bearer ${token}`;
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    try {
      return await this.fetchImpl(`${this.baseUrl}${path}`, {
        method: options.method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: options.signal,
        credentials: 'omit',
      });
    } catch (error) {
      if (options.signal.aborted) throw error;
      throw EscalatedApiError.network(error);
    }
  }
}

/** Moves `idempotencyKey` into the `Idempotency-Key` header. */
export function withKey(options: SendOptions & CreateOptions): SendOptions {
  const { idempotencyKey, ...rest } = options;
  return { ...rest, headers: { ...rest.headers, 'Idempotency-Key': idempotencyKey } };
}

/** Returns the path of a ticket under `prefix`, e.g. `/agent/tickets/ESC-00042`. */
export function ticketPath(prefix: string, reference: string): string {
  return `${prefix}/${encodeURIComponent(reference)}`;
}

/** Returns `?name=value&…` for the set, non-empty entries of `query`, or an empty string. */
export function queryString(query: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

// NOTE: API.md does not fix the envelope of the lookup routes, so both a bare array and a
// `{ items }` page are accepted here.
export function itemsOf<T>(body: unknown): T[] {
  if (Array.isArray(body)) return body as T[];
  const items = (body as { items?: unknown } | null)?.items;
  return Array.isArray(items) ? (items as T[]) : [];
}

// The rating route answers `{ rating: {…} }`; a bare rating object is accepted as well.
function ratingOf(body: unknown): Rating | null {
  const nested = (body as { rating?: unknown } | null)?.rating;
  if (nested && typeof nested === 'object') return nested as Rating;
  if (typeof nested === 'number') return body as Rating;
  return null;
}
