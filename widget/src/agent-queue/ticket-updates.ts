import type { ReactiveControllerHost } from 'lit';
import { EscalatedApiError, errorMessage, isAbortError } from '../shared/api-error.js';
import type { Macro, Reply, Ticket, TicketPatch } from '../shared/api-types.js';
import type { EscalatedClient } from '../shared/client.js';
import type { Announcer, RequestScope } from '../shared/controllers.js';
import { emit } from '../shared/events.js';
import { applyMacro, setFollowing, togglePin } from './agent-api.js';

/** An element that shows one ticket and fires `escalated-ticket-updated` from itself. */
export type TicketUpdatesHost = ReactiveControllerHost & EventTarget;

/** The shown ticket and the client that changes it, read by {@link TicketUpdates} per change. */
export interface ShownTicket {
  /** Returns the element's current client, or null when no user is signed in. */
  client: () => EscalatedClient | null;
  /** Returns the reference of the shown ticket. */
  reference: () => string;
  /** Returns the loaded ticket, or undefined before it has loaded. */
  ticket: () => Ticket | undefined;
  /** Reloads the ticket and keeps the current one on screen meanwhile. */
  reload: () => Promise<void>;
}

/**
 * The changes an agent makes to the shown ticket, one at a time. After each change the ticket
 * reloads, the outcome is announced and `escalated-ticket-updated` fires. Each method returns
 * whether its change succeeded.
 */
export class TicketUpdates {
  private sending = false;
  private failure = '';

  /** @param requests - The element's request scope, so a new client aborts a running change. */
  constructor(
    private readonly host: TicketUpdatesHost,
    private readonly requests: RequestScope,
    private readonly announcer: Announcer,
    private readonly source: ShownTicket,
  ) {}

  /** True while a change is sent. The controls stay disabled meanwhile. */
  get updating(): boolean {
    return this.sending;
  }

  /** The error message of the last failed change, or empty. */
  get error(): string {
    return this.failure;
  }

  /** Follows the ticket, or stops following it when `following` is false. */
  setFollowing(following: boolean): Promise<boolean> {
    return this.run(
      (client, signal) => setFollowing(client, this.source.reference(), following, { signal }),
      following ? 'You are following this ticket.' : 'You stopped following this ticket.',
    );
  }

  /** Pins the internal note `reply`, or unpins it when it is pinned. */
  togglePin(reply: Reply): Promise<boolean> {
    return this.run(
      (client, signal) => togglePin(client, this.source.reference(), reply.id, { signal }),
      reply.pinned ? 'Note unpinned.' : 'Note pinned.',
    );
  }

  /** Applies `macro`'s actions to the ticket. */
  applyMacro(macro: Macro): Promise<boolean> {
    return this.run(
      (client, signal) => applyMacro(client, this.source.reference(), macro.id, { signal }),
      `Macro ${macro.name} applied.`,
    );
  }

  /** Adds the tag `name` to the ticket. */
  addTag(name: string): Promise<boolean> {
    return this.apply({ addTags: [name] }, `Tag ${name} added.`);
  }

  /** Removes the tag `name` from the ticket. */
  removeTag(name: string): Promise<boolean> {
    return this.apply({ removeTags: [name] }, `Tag ${name} removed.`);
  }

  /** Sends a change with the loaded version, and on a conflict shows why and reloads. */
  apply(patch: TicketPatch, success: string): Promise<boolean> {
    const version = this.source.ticket()?.version;
    if (version === undefined) return Promise.resolve(false);
    return this.run(async (client, signal) => {
      const result = await client.updateTicket(this.source.reference(), patch, version, {
        signal,
      });
      return result.ticket;
    }, success);
  }

  /**
   * Runs one change to the ticket, reloads it, announces `success` and fires
   * `escalated-ticket-updated`. On failure it shows the API's message and reloads, because a
   * 409 means someone else changed the ticket first.
   */
  private async run(
    change: (client: EscalatedClient, signal: AbortSignal) => Promise<unknown>,
    success: string,
  ): Promise<boolean> {
    const client = this.source.client();
    if (!client || !this.source.ticket() || this.sending) return false;
    this.sending = true;
    this.failure = '';
    this.host.requestUpdate();
    try {
      await change(client, this.requests.start('update'));
      await this.source.reload();
      void this.announcer.say(success);
      const ticket = this.source.ticket();
      const reference = this.source.reference();
      if (ticket) emit(this.host, 'escalated-ticket-updated', { reference, ticket });
      return true;
    } catch (error) {
      if (isAbortError(error)) return false;
      this.failure = errorMessage(error);
      this.host.requestUpdate();
      // Without an HTTP response there is nothing new to load.
      if (error instanceof EscalatedApiError && error.status !== 0) await this.source.reload();
      return false;
    } finally {
      this.sending = false;
      this.host.requestUpdate();
    }
  }
}
