import { consume } from '@lit/context';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { EscalatedApiError, errorMessage, isAbortError } from '../shared/api-error.js';
import {
  PRIORITIES,
  type AgentTicketDetail,
  type Attachment,
  type CannedResponse,
  type Department,
  type Macro,
  type Reply,
  type Tag,
  type TagDefinition,
  type Ticket,
  type TicketPatch,
  type UserSummary,
} from '../shared/api-types.js';
import {
  DEFAULT_MAX_ATTACHMENT_SIZE_KB,
  DEFAULT_MAX_ATTACHMENTS,
  saveBlob,
} from '../shared/attachments.js';
import { baseStyles } from '../shared/base-styles.js';
import type { EscalatedClient } from '../shared/client.js';
import { clientContext, sessionContext } from '../shared/context.js';
import { Announcer, RequestScope } from '../shared/controllers.js';
import { emit } from '../shared/events.js';
import {
  agentName,
  departmentName,
  displayName,
  formatDateTime,
  priorityLabel,
} from '../shared/format.js';
import { allowedTransitions, statusLabel } from '../shared/status.js';
import { renderThread, threadStyles } from '../shared/thread.js';
import type { SessionUser } from '../shared/token-source.js';
import { ESCALATED_VERSION } from '../shared/version.js';
import { activityStyles, renderActivity, type ActivityNames } from './activity.js';
import type { ComposerMode, EscalatedAgentComposer } from './agent-composer.js';
import { applyMacro, setFollowing, togglePin } from './agent-api.js';
import { agentTicketStyles } from './agent-queue.styles.js';
import { PresenceController, presenceStyles, renderPresence } from './presence.js';
import { renderSlaClocks, slaClockStyles } from './sla-clocks.js';
import { renderTicketFacts, ticketFactsStyles } from './ticket-facts.js';
import {
  renderAgentRating,
  renderMacroPicker,
  renderPinnedNotes,
  renderTagEditor,
  ticketSideStyles,
} from './ticket-side.js';

type LoadState = 'idle' | 'loading' | 'ready' | 'error';

/**
 * One ticket in the agent workspace, used inside `<escalated-agent-queue>`. It shows the
 * conversation with internal notes and pinned notes, the composer, and the status, priority,
 * assignee and department controls. It also shows tags, macros, following, the other agents
 * on the ticket, the rating, the SLA clocks and the activity timeline. Changes carry the
 * loaded `version` in `If-Match`. When someone else changed the ticket first, the API's
 * message is shown and the ticket reloads.
 *
 * @summary An agent's view of one ticket.
 * @tagname escalated-agent-ticket
 * @csspart header - Subject, reference, requester, status and SLA badge.
 * @csspart facts - Department, tags and number of followers.
 * @csspart source - On a hub, the installation that keeps a synced ticket and its reference there.
 * @csspart kept-elsewhere - On a hub, where to answer a synced ticket, shown in place of the composer.
 * @csspart tag - One tag chip.
 * @csspart presence - The other agents viewing or typing on the ticket.
 * @csspart follow - The follow button.
 * @csspart pinned - The pinned internal notes above the thread.
 * @csspart sla - The SLA badge (an `<escalated-sla-badge>`).
 * @csspart sla-clocks - The list of SLA clocks with their due and breach times.
 * @csspart controls - The status, priority, assignee and department selects.
 * @csspart tag-editor - The tags with remove buttons and the field that adds one.
 * @csspart macro - The macro select and its Apply button.
 * @csspart rating - The requester's satisfaction rating.
 * @csspart thread - The list of messages.
 * @csspart reply - A public message.
 * @csspart note - An internal note.
 * @csspart link - A link in a message.
 * @csspart attachments - The files of a message.
 * @csspart composer - The reply and note form.
 * @csspart activity - The activity timeline.
 * @fires {CustomEvent<ReplyCreatedDetail>} escalated-reply-created - `{ reference, replyId,
 *   internal }` after a reply or note.
 * @fires {CustomEvent<TicketUpdatedDetail>} escalated-ticket-updated - `{ reference, ticket }`
 *   after a change to the ticket.
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
    presenceStyles,
    ticketSideStyles,
    agentTicketStyles,
  ];

  /** Reference of the ticket to show, e.g. `ESC-00042`. */
  @property() reference = '';

  /** Agents the ticket can be assigned to, from `GET /agent/agents`. */
  @property({ attribute: false }) agents: readonly UserSummary[] = [];

  /** Departments to choose from, from `GET /agent/departments`. */
  @property({ attribute: false }) departments: readonly Department[] = [];

  /** The tag catalogue offered when adding a tag, from `GET /agent/tags`. */
  @property({ attribute: false }) tags: readonly TagDefinition[] = [];

  /** Canned responses offered in the composer, from `GET /agent/canned-responses`. */
  @property({ attribute: false }) cannedResponses: readonly CannedResponse[] = [];

  /** Macros offered in the side panel, from `GET /agent/macros`. */
  @property({ attribute: false }) macros: readonly Macro[] = [];

  /** Maximum size of one attachment, in KB. */
  @property({ type: Number, attribute: 'max-attachment-size-kb' })
  maxAttachmentSizeKb: number = DEFAULT_MAX_ATTACHMENT_SIZE_KB;

  /** Maximum number of attachments per message. */
  @property({ type: Number, attribute: 'max-attachments' })
  maxAttachments: number = DEFAULT_MAX_ATTACHMENTS;

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

  @query('escalated-agent-composer') private composer?: EscalatedAgentComposer;

  private readonly requests = new RequestScope(this);
  private readonly announcer = new Announcer(this);
  private readonly presence = new PresenceController(this);
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

  /** Moves focus to the composer, switched to a public reply or an internal note. */
  async focusComposer(mode: ComposerMode): Promise<void> {
    await this.updateComplete;
    await this.composer?.focusMessage(mode);
  }

  /** Moves focus to the status or priority select. */
  focusControl(control: 'status' | 'priority'): void {
    this.renderRoot.querySelector<HTMLElement>(`#${control}`)?.focus();
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
    if (changed.has('client') || changed.has('reference')) {
      void this.load();
      const watching = this.client && this.reference && !this.staleReference;
      this.presence.watch(watching ? { client: this.client!, reference: this.reference } : null);
    }
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
      department: ticket.departmentId ?? '',
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
      if (!quiet && this.presence.viewers.length === 0) {
        this.presence.viewers = [...(this.detail.viewers ?? [])];
      }
    } catch (error) {
      if (isAbortError(error)) return;
      this.loadError = errorMessage(error);
      this.loadState = 'error';
    }
  }

  /** The status, priority, assignee and department menus, the tag editor and the macros. */
  private renderEditors(ticket: Ticket): TemplateResult {
    return html`${this.renderControls(ticket)}
    ${renderTagEditor(ticket.tags, this.tags, this.updating, {
      onAdd: this.onAddTag,
      onRemove: this.onRemoveTag,
    })}
    ${renderMacroPicker(this.macros, this.updating, this.onApplyMacro)}`;
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
        ${this.renderHeader(ticket)} ${renderPinnedNotes(replies, locale, this.onPin)}
        ${renderThread(ticket, replies, {
          viewerId: this.session?.id,
          locale,
          onDownload: this.onDownload,
          renderActions: this.renderPinButton,
        })}
        ${
          ticket.source
            ? html`<p class="muted" part="kept-elsewhere">
                Reply to and change this ticket on ${ticket.source.installationName}, where it is
                ${ticket.source.reference}.
              </p>`
            : html`<escalated-agent-composer
                exportparts="composer, composer-mode, conflict, dropzone, files, file, rejections"
                max-attachment-size-kb=${this.maxAttachmentSizeKb}
                max-attachments=${this.maxAttachments}
                .detail=${this.detail}
                .cannedResponses=${this.cannedResponses}
                .reloadTicket=${this.reloadQuietly}
                @input=${this.onComposerInput}
              ></escalated-agent-composer>`
        }
      </div>
      <aside class="side stack" aria-label="Ticket details">
        ${ticket.source ? null : this.renderEditors(ticket)}
        ${renderAgentRating(this.detail.rating ?? null, locale)}
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
    const following = this.isFollowing(ticket);
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
        <button
          id="follow"
          part="follow"
          type="button"
          aria-pressed=${following ? 'true' : 'false'}
          ?disabled=${this.updating}
          @click=${() => this.toggleFollow()}
        >
          ${following ? 'Following' : 'Follow'}
        </button>
      </p>
      ${renderTicketFacts(ticket, this.departments)}
      ${renderPresence(this.presence.viewers, this.session?.id)}
    </div>`;
  }

  private isFollowing(ticket: Ticket): boolean {
    const id = this.session?.id;
    return Boolean(id && (ticket.followerIds ?? []).includes(id));
  }

  private readonly renderPinButton = (reply: Reply): TemplateResult | typeof nothing => {
    if (!reply.internal) return nothing;
    return html`<button type="button" class="link pin" @click=${() => this.onPin(reply)}>
      ${reply.pinned ? 'Unpin note' : 'Pin note'}
    </button>`;
  };

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
          ${this.optionsWith(this.agents, ticket.assigneeId).map(
            (agent) => html`<option value=${agent.id}>${agentName(agent.id, this.agents)}</option>`,
          )}
        </select>
      </div>
      <div class="field">
        <label for="department">Department</label>
        <select id="department" ?disabled=${this.updating} @change=${this.onDepartmentChange}>
          <option value="">None</option>
          ${this.optionsWith(this.departments, ticket.departmentId).map(
            (department) =>
              html`<option value=${department.id}>
                ${departmentName(department.id, this.departments)}
              </option>`,
          )}
        </select>
      </div>
    </section>`;
  }

  /** Returns the known entries, plus the ticket's current value when the list lacks it. */
  private optionsWith(known: ReadonlyArray<{ id: string }>, current: string | null) {
    const options: Array<{ id: string }> = [...known];
    if (current && !known.some((entry) => entry.id === current)) options.push({ id: current });
    return options;
  }

  private readonly reloadQuietly = (): Promise<void> => this.load(true);

  // Only typing in the message counts, not a change of mode or of the attached files.
  private onComposerInput(event: Event): void {
    if (event.composedPath()[0] instanceof HTMLTextAreaElement) this.presence.typing();
  }

  private readonly onDownload = (attachment: Attachment): void => {
    void this.download(attachment);
  };

  private async download(attachment: Attachment): Promise<void> {
    const client = this.client;
    if (!client) return;
    try {
      const signal = this.requests.start(`download-${attachment.id}`);
      saveBlob(await client.downloadAttachment(attachment.id, { signal }), attachment.fileName);
    } catch (error) {
      if (!isAbortError(error)) void this.announcer.say(errorMessage(error));
    }
  }

  /** Follows the ticket or stops following it. */
  async toggleFollow(): Promise<void> {
    const ticket = this.detail?.ticket;
    if (!ticket) return;
    const following = !this.isFollowing(ticket);
    await this.run(
      (client, signal) => setFollowing(client, this.reference, following, { signal }),
      following ? 'You are following this ticket.' : 'You stopped following this ticket.',
    );
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#follow')?.focus();
  }

  private readonly onPin = (reply: Reply): void => {
    void this.run(
      (client, signal) => togglePin(client, this.reference, reply.id, { signal }),
      reply.pinned ? 'Note unpinned.' : 'Note pinned.',
    );
  };

  private readonly onApplyMacro = (event: SubmitEvent): void => {
    event.preventDefault();
    const select = (event.target as HTMLFormElement).elements.namedItem('macro');
    const macro = this.macros.find((entry) => entry.id === (select as HTMLSelectElement).value);
    if (!macro) return;
    void this.run(
      (client, signal) => applyMacro(client, this.reference, macro.id, { signal }),
      `Macro ${macro.name} applied.`,
    );
  };

  private readonly onAddTag = (event: SubmitEvent): void => {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).elements.namedItem('tag') as HTMLInputElement;
    const name = input.value.trim();
    if (!name) {
      input.focus();
      return;
    }
    void this.applyChange({ addTags: [name] }, `Tag ${name} added.`).then((done) => {
      if (done) input.value = '';
    });
  };

  private readonly onRemoveTag = (tag: Tag): void => {
    void this.applyChange({ removeTags: [tag.name] }, `Tag ${tag.name} removed.`).then(() => {
      this.renderRoot.querySelector<HTMLElement>('#tag-input')?.focus();
    });
  };

  private onStatusChange(event: Event): Promise<boolean> {
    const value = (event.target as HTMLSelectElement).value;
    return this.applyChange(
      { status: value as Ticket['status'] },
      `Status changed to ${statusLabel(value)}.`,
    );
  }

  private onPriorityChange(event: Event): Promise<boolean> {
    const value = (event.target as HTMLSelectElement).value;
    return this.applyChange(
      { priority: value as Ticket['priority'] },
      `Priority changed to ${priorityLabel(value)}.`,
    );
  }

  private onAssigneeChange(event: Event): Promise<boolean> {
    const assigneeId = (event.target as HTMLSelectElement).value || null;
    const message = assigneeId
      ? `Assigned to ${agentName(assigneeId, this.agents)}.`
      : 'Ticket unassigned.';
    return this.applyChange({ assigneeId }, message);
  }

  private onDepartmentChange(event: Event): Promise<boolean> {
    const departmentId = (event.target as HTMLSelectElement).value || null;
    const message = departmentId
      ? `Moved to ${departmentName(departmentId, this.departments)}.`
      : 'Department removed.';
    return this.applyChange({ departmentId }, message);
  }

  /** Sends a change with the loaded version, and on a conflict shows why and reloads. */
  private applyChange(patch: TicketPatch, success: string): Promise<boolean> {
    const version = this.detail?.ticket.version;
    if (version === undefined) return Promise.resolve(false);
    return this.run(async (client, signal) => {
      const result = await client.updateTicket(this.reference, patch, version, { signal });
      return result.ticket;
    }, success);
  }

  /**
   * Runs one change to the ticket, reloads it, announces `success` and fires
   * `escalated-ticket-updated`. On failure it shows the API's message and reloads, because a
   * 409 means someone else changed the ticket first. Returns whether the change succeeded.
   */
  private async run(
    change: (client: EscalatedClient, signal: AbortSignal) => Promise<unknown>,
    success: string,
  ): Promise<boolean> {
    const client = this.client;
    if (!client || !this.detail || this.updating) return false;
    this.updating = true;
    this.updateError = '';
    try {
      await change(client, this.requests.start('update'));
      await this.load(true);
      void this.announcer.say(success);
      const ticket = this.detail?.ticket;
      if (ticket) emit(this, 'escalated-ticket-updated', { reference: this.reference, ticket });
      return true;
    } catch (error) {
      if (isAbortError(error)) return false;
      this.updateError = errorMessage(error);
      // Without an HTTP response there is nothing new to load.
      if (error instanceof EscalatedApiError && error.status !== 0) await this.load(true);
      return false;
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
