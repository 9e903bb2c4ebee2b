import type { z } from 'zod';
import type { Priority } from '../domain/enums.js';
import type { Principal } from '../domain/types.js';
import type { ApiResponse } from '../lib/http.js';
import type {
  agentPatchBody,
  agentReplyBody,
  createTicketBody,
  customerListQuery,
  customerReplyBody,
  queueQuery,
  ratingBody,
} from '../schemas/tickets.js';
import type { BulkRequest } from '../tickets/bulk.js';

/** Hosting mode: tickets in this installation's table, there with a hub feed, or on the hub. */
export type HostingMode = 'self_hosted' | 'synced' | 'cloud';

/** Options every write accepts: the caller's `Idempotency-Key`, when sent. */
export interface WriteOptions {
  idempotencyKey?: string;
}

/** A guest ticket's options: the installation key it came through, in cloud mode. */
export interface GuestOptions extends WriteOptions {
  viaKey?: Principal['apiKey'];
}

/** The agent queue's query as validated. */
export type QueueQuery = z.infer<typeof queueQuery>;

/** A customer's list query as validated. */
export type CustomerListQuery = z.infer<typeof customerListQuery>;

/** A guest's new ticket: their name and email beside the ticket fields. */
export interface GuestTicketInput {
  name: string;
  email: string;
  subject: string;
  body: string;
  priority?: Priority;
  departmentId?: string | null;
}

/**
 * Every read and write of tickets, as the routes perform them. Each operation returns the
 * response the route sends, so a driver that forwards to a hub returns the hub's response as is.
 */
export interface TicketDriver {
  readonly mode: HostingMode;
  customer: {
    list(principal: Principal, query: CustomerListQuery): Promise<ApiResponse>;
    get(principal: Principal, reference: string): Promise<ApiResponse>;
    create(
      principal: Principal,
      body: z.infer<typeof createTicketBody>,
      options: WriteOptions,
    ): Promise<ApiResponse>;
    reply(
      principal: Principal,
      reference: string,
      body: z.infer<typeof customerReplyBody>,
      options: WriteOptions,
    ): Promise<ApiResponse>;
    rate(
      principal: Principal,
      reference: string,
      body: z.infer<typeof ratingBody>,
    ): Promise<ApiResponse>;
    close(principal: Principal, reference: string): Promise<ApiResponse>;
    reopen(principal: Principal, reference: string): Promise<ApiResponse>;
  };
  guest: {
    create(input: GuestTicketInput, options: GuestOptions): Promise<ApiResponse>;
  };
  agent: {
    list(principal: Principal, query: QueueQuery): Promise<ApiResponse>;
    get(principal: Principal, reference: string): Promise<ApiResponse>;
    update(
      principal: Principal,
      reference: string,
      body: z.infer<typeof agentPatchBody>,
      options: { ifMatch?: string },
    ): Promise<ApiResponse>;
    reply(
      principal: Principal,
      reference: string,
      body: z.infer<typeof agentReplyBody>,
      options: WriteOptions,
    ): Promise<ApiResponse>;
    follow(principal: Principal, reference: string, following?: boolean): Promise<ApiResponse>;
    pin(principal: Principal, reference: string, replyId: string): Promise<ApiResponse>;
    macro(principal: Principal, reference: string, macroId: string): Promise<ApiResponse>;
    bulk(principal: Principal, body: BulkRequest): Promise<ApiResponse>;
    dashboard(principal: Principal): Promise<ApiResponse>;
  };
}
