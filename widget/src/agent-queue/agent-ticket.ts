import { consume } from '@lit/context';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { EscalatedApiError, errorMessage, fieldErrors, isAbortError } from '../shared/api-error.js';
import {
  PRIORITIES,
  type AgentTicketDetail,
  type Department,
  type Ticket,
  type TicketPatch,
  type UserSummary,
} from '../shared/api-types.js';
import { baseStyles } from '../shared/base-styles.js';
import type { EscalatedClient } from '../shared/client.js';
import { clientContext, sessionContext } from '../shared/context.js';
import { Announcer, RequestScope } from '../shared/controllers.js';
import { emit } from '../shared/events.js';
import { renderFieldError } from '../shared/form-field.js';
import { agentName, displayName, formatDateTime, priorityLabel } from '../shared/format.js';
import { IdempotencyKeys } from '../shared/idempotency.js';
import { allowedTransitions, statusLabel } from '../shared/status.js';
import { renderThread, threadStyles } from '../shared/thread.js';
import type { SessionUser } from '../shared/token-source.js';
import { validateReplyBody } from '../shared/validation.js';
import { ESCALATED_VERSION } from '../shared/version.js';
import { activityStyles, renderActivity, type ActivityNames } from './activity.js';
import { agentTicketStyles } from './agent-queue.styles.js';
import { renderSlaClocks, slaClockStyles } from './sla-clocks.js';
import { renderTicketFacts, ticketFactsStyles } from './ticket-facts.js';

type LoadState = 'idle' | 'loading' | 'ready' | 'error';

type ComposerMode = 'reply' | 'note';

/**
 * One ticket in the agent workspace, used inside `<escalated-agent-queue>`: the conversation
 * with internal notes, a composer for replies and notes, status, priority and assignee
 * controls, and the activity timeline. Changes carry the loaded `version` in `If-Match`. When
 * someone else changed the ticket first, the API's message is shown and the ticket reloads.
 *
 * @summary An agent's view of one ticket.
 * @csspart header - Subject, reference, requester, status and SLA badge.
 * @csspart facts - Department, tags and number of followers.
 * @csspart tag - One tag chip.
 * @csspart sla - The SLA badge (an `<escalated-sla-badge>`).
 * @csspart sla-clocks - The list of SLA clocks with their due and breach times.
 * @csspart controls - The status, priority and assignee selects.
 * @csspart thread - The list of messages.
 * @csspart reply - A public message.
 * @csspart note - An internal note.
 * @csspart link - A link in a message.
 * @csspart composer - The reply and note form.
 * @csspart activity - The activity timeline.
 * @fires escalated-reply-created - `{ reference, replyId, internal }` after a reply or note.
 * @fires escalated-ticket-updated - `{ reference, ticket }` after a status, priority or assignee change.
 * @since 0.1.0
 */
export class EscalatedAgentTicket extends LitElement {
  static readonly escalatedVersion = ESCALATED_VERSION;

  static override styles = [
    baseStyles,
    threadStyles,
    activityStyles,
    slaClockStyles,
    ticketFactsStyles,
    agentTicketStyles,
  ];

  /** Reference of the ticket to show, e.g. `ESC-00042`. */
  @property() reference = '';

  /** Agents the ticket can be assigned to, from `GET /agent/agents`. */
  @property({ attribute: false }) agents: readonly UserSummary[] = [];

  /** Departments whose names replace department ids, from `GET /agent/departments`. */
  @property({ attribute: false }) departments: readonly Department[] = [];

  /** BCP 47 locale for dates. */
  @property() locale = '';

  @consume({ context: clientContext, subscribe: true })
  @state()
  private client: EscalatedClient | null = null;

  @consume({ context: sessionContext, subscribe: true })
  @state()
  private session: SessionUser | null = null;

  @state() private detail: AgentTicketDetail | null = null;
  @state() private loadState: LoadState = 'idle';
  @state() private loadError = '';
  @state() private updateError = '';
  @state() private updating = false;
  @state() private mode: ComposerMode = 'reply';
  @state() private composerError = '';
  @state() private sending = false;

  @query('#composer-body') private composerBody?: HTMLTextAreaElement;

  private readonly requests = new RequestScope(this);
  private readonly announcer = new Announcer(this);
  private readonly keys = new IdempotencyKeys();
  private loading: Promise<void> = Promise.resolve();
  // True once the client changed under the current reference: the ticket belongs to the
  // previous user or API, so it is not requested again until a new reference is set.
  private staleReference = false;

  /** Moves focus to the ticket's heading once the ticket has loaded. */
  async focusHeading(): Promise<void> {
    await this.updateComplete;
    await this.loading;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  // Disconnecting aborted any running request, so a moved element loads its data again.
  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) void this.load(true);
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('reference')) {
      this.staleReference = false;
    } else if (changed.has('client') && changed.get('client')) {
      this.requests.abortAll();
      this.staleReference = true;
      this.detail = null;
      this.loadState = 'idle';
    }
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('client') || changed.has('reference')) void this.load();
    this.syncSelects();
  }

  /**
   * Makes the selects show the stored values. A failed or rejected change would otherwise
   * leave the value the agent picked on screen, because Lit re-renders only changed bindings.
   */
  private syncSelects(): void {
    const ticket = this.detail?.ticket;
    if (!ticket) return;
    const values = {
      status: ticket.status,
      priority: ticket.priority,
      assignee: ticket.assigneeId ?? '',
    };
    for (const [id, value] of Object.entries(values)) {
      const select = this.renderRoot.querySelector<HTMLSelectElement>(`#${id}`);
      if (select && select.value !== value) select.value = value;
    }
  }

  /** Reloads the ticket. With `quiet`, the current content stays visible meanwhile. */
  load(quiet = false): Promise<void> {
    const client = this.client;
    if (!client || !this.reference || this.staleReference) return this.loading;
    this.loading = this.fetchDetail(client, quiet);
    return this.loading;
  }

  private async fetchDetail(client: EscalatedClient, quiet: boolean): Promise<void> {
    const signal = this.requests.start('load');
    if (!quiet) this.loadState = 'loading';
    try {
      this.detail = await client.getAgentTicket(this.reference, { signal });
      this.loadState = 'ready';
    } catch (error) {
      if (isAbortError(error)) return;
      this.loadError = errorMessage(error);
      this.loadState = 'error';
    }
  }

  override render(): TemplateResult {
    if (this.loadState === 'error') {
      return html`<div class="error" role="alert">
          <span>${this.loadError}</span>
          <button type="button" @click=${() => this.load()}>Try again</button>
        </div>
        ${this.announcer.render()}`;
    }
    if (!this.detail || this.loadState !== 'ready') {
      return html`<p class="muted" aria-busy="true">Loading ticket…</p>
        ${this.announcer.render()}`;
    }
    const { ticket, replies, activity } = this.detail;
    const locale = this.locale || undefined;
    return html`<div class="ticket-layout">
      <div class="main stack">
        ${this.renderHeader(ticket)}
        ${renderThread(ticket, replies, { viewerId: this.session?.id, locale })}
        ${this.renderComposer()}
      </div>
      <aside class="side stack" aria-label="Ticket details">
        ${this.renderControls(ticket)}
        <section class="stack">
          <h3>SLA</h3>
          ${renderSlaClocks(ticket, locale, Date.now())}
        </section>
        <section class="stack">
          <h3>Activity</h3>
          ${renderActivity(activity, this.activityNames(), locale)}
        </section>
      </aside>
      ${this.announcer.render()}
    </div>`;
  }

  private activityNames(): ActivityNames {
    return { agents: this.agents, departments: this.departments };
  }

  private renderHeader(ticket: Ticket): TemplateResult {
    const others = (this.detail?.viewers ?? []).filter((viewer) => viewer.id !== this.session?.id);
    return html`<div class="ticket-header" part="header">
      <h2 class="subject" tabindex="-1">${ticket.subject}</h2>
      <p class="meta">
        <span class="reference">${ticket.reference}</span>
        <span class="chip status-${ticket.status}" part="status"
          >${statusLabel(ticket.status)}</span
        >
        <span class="chip priority-${ticket.priority}">${priorityLabel(ticket.priority)}</span>
        <escalated-sla-badge
          part="sla"
          .ticket=${ticket}
          locale=${this.locale}
        ></escalated-sla-badge>
        <span>From ${displayName(ticket.requester)}</span>
        <span class="muted"
          >Opened ${formatDateTime(ticket.createdAt, this.locale || undefined)}</span
        >
      </p>
      ${renderTicketFacts(ticket, this.departments)}
      ${
        others.length
          ? html`<p class="muted">
              Also viewing: ${others.map((viewer) => displayName(viewer)).join(', ')}
            </p>`
          : nothing
      }
    </div>`;
  }

  private renderControls(ticket: Ticket): TemplateResult {
    return html`<section class="controls stack" part="controls" aria-label="Ticket settings">
      ${this.updateError ? html`<div class="error" role="alert">${this.updateError}</div>` : nothing}
      <div class="field">
        <label for="status">Status</label>
        <select id="status" ?disabled=${this.updating} @change=${this.onStatusChange}>
          <option value=${ticket.status}>${statusLabel(ticket.status)} (current)</option>
          ${allowedTransitions(ticket.status).map(
            (status) => html`<option value=${status}>${statusLabel(status)}</option>`,
          )}
        </select>
      </div>
      <div class="field">
        <label for="priority">Priority</label>
        <select id="priority" ?disabled=${this.updating} @change=${this.onPriorityChange}>
          ${PRIORITIES.map(
            (priority) => html`<option value=${priority}>${priorityLabel(priority)}</option>`,
          )}
        </select>
      </div>
      <div class="field">
        <label for="assignee">Assignee</label>
        <select id="assignee" ?disabled=${this.updating} @change=${this.onAssigneeChange}>
          <option value="">Unassigned</option>
          ${this.assigneeOptions(ticket).map(
            (agent) => html`<option value=${agent.id}>${agentName(agent.id, this.agents)}</option>`,
          )}
        </select>
      </div>
    </section>`;
  }

  /** Returns the known agents, plus the current assignee when the agent list lacks them. */
  private assigneeOptions(ticket: Ticket): Array<{ id: string }> {
    const options: Array<{ id: string }> = [...this.agents];
    if (ticket.assigneeId && !this.agents.some((agent) => agent.id === ticket.assigneeId)) {
      options.push({ id: ticket.assigneeId });
    }
    return options;
  }

  private renderComposer(): TemplateResult {
    const note = this.mode === 'note';
    const classes = { composer: true, stack: true, 'note-mode': note };
    return html`<form class=${classMap(classes)} part="composer" novalidate @submit=${this.onSend}>
      <fieldset class="mode" part="composer-mode">
        <legend>Message type</legend>
        <label>
          <input
            type="radio"
            name="mode"
            value="reply"
            .checked=${!note}
            @change=${() => this.setMode('reply')}
          />
          Reply to customer
        </label>
        <label>
          <input
            type="radio"
            name="mode"
            value="note"
            .checked=${note}
            @change=${() => this.setMode('note')}
          />
          Internal note
        </label>
      </fieldset>
      <div class="field">
        <label for="composer-body">${note ? 'Internal note (agents only)' : 'Reply'}</label>
        <textarea
          id="composer-body"
          aria-invalid=${this.composerError ? 'true' : 'false'}
          aria-describedby="composer-body-error"
        ></textarea>
        ${renderFieldError('composer-body-error', this.composerError)}
      </div>
      <div class="toolbar">
        <button class="primary" type="submit" ?disabled=${this.sending}>
          ${note ? 'Add internal note' : 'Send reply'}
        </button>
      </div>
    </form>`;
  }

  private setMode(mode: ComposerMode): void {
    this.mode = mode;
  }

  private async onSend(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const client = this.client;
    const textarea = this.composerBody;
    if (!client || !textarea || this.sending) return;
    const body = textarea.value.trim();
    this.composerError = validateReplyBody(body).body ?? '';
    if (this.composerError) {
      textarea.focus();
      return;
    }
    await this.send(client, textarea, { body, internal: this.mode === 'note' });
  }

  private async send(
    client: EscalatedClient,
    textarea: HTMLTextAreaElement,
    input: { body: string; internal: boolean },
  ): Promise<void> {
    this.sending = true;
    try {
      const idempotencyKey = this.keys.keyFor({ reference: this.reference, ...input });
      const signal = this.requests.start('send');
      const { reply } = await client.addAgentReply(this.reference, input, {
        signal,
        idempotencyKey,
      });
      this.keys.complete();
      textarea.value = '';
      await this.load(true);
      void this.announcer.say(input.internal ? 'Internal note added.' : 'Reply sent.');
      emit(this, 'escalated-reply-created', {
        reference: this.reference,
        replyId: reply.id,
        internal: input.internal,
      });
    } catch (error) {
      if (isAbortError(error)) return;
      this.composerError = fieldErrors(error).body ?? errorMessage(error);
    } finally {
      this.sending = false;
    }
    textarea.focus();
  }

  private onStatusChange(event: Event): Promise<void> {
    const value = (event.target as HTMLSelectElement).value;
    return this.applyChange(
      { status: value as Ticket['status'] },
      `Status changed to ${statusLabel(value)}.`,
    );
  }

  private onPriorityChange(event: Event): Promise<void> {
    const value = (event.target as HTMLSelectElement).value;
    return this.applyChange(
      { priority: value as Ticket['priority'] },
      `Priority changed to ${priorityLabel(value)}.`,
    );
  }

  private onAssigneeChange(event: Event): Promise<void> {
    const assigneeId = (event.target as HTMLSelectElement).value || null;
    const message = assigneeId
      ? `Assigned to ${agentName(assigneeId, this.agents)}.`
      : 'Ticket unassigned.';
    return this.applyChange({ assigneeId }, message);
  }

  /** Sends a change with the loaded version, and on a conflict shows why and reloads. */
  private async applyChange(patch: TicketPatch, success: string): Promise<void> {
    const client = this.client;
    const ticket = this.detail?.ticket;
    if (!client || !ticket || this.updating) return;
    this.updating = true;
    this.updateError = '';
    try {
      const signal = this.requests.start('update');
      const result = await client.updateTicket(this.reference, patch, ticket.version, { signal });
      await this.load(true);
      void this.announcer.say(success);
      emit(this, 'escalated-ticket-updated', { reference: this.reference, ticket: result.ticket });
    } catch (error) {
      if (isAbortError(error)) return;
      this.updateError = errorMessage(error);
      // 409 means someone changed the ticket since it was loaded, so reload to show their
      // change and the new version. Without an HTTP response there is nothing new to load.
      if (error instanceof EscalatedApiError && error.status !== 0) await this.load(true);
    } finally {
      this.updating = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'escalated-agent-ticket': EscalatedAgentTicket;
  }
}
