import { consume } from '@lit/context';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { errorMessage, isAbortError } from '../shared/api-error.js';
import type {
  AgentTicketDetail,
  Attachment,
  CannedResponse,
  Department,
  Macro,
  Reply,
  TagDefinition,
  Ticket,
  UserSummary,
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
import { renderThread, threadStyles } from '../shared/thread.js';
import type { SessionUser } from '../shared/token-source.js';
import { ESCALATED_VERSION } from '../shared/version.js';
import { activityStyles, renderActivity, type ActivityNames } from './activity.js';
import type { ComposerMode, EscalatedAgentComposer } from './agent-composer.js';
import { agentTicketStyles } from './agent-queue.styles.js';
import { PresenceController, presenceStyles } from './presence.js';
import { renderSlaClocks, slaClockStyles } from './sla-clocks.js';
import {
  renderTicketEditors,
  syncTicketControls,
  type TicketEditorsContext,
} from './ticket-editors.js';
import { ticketFactsStyles } from './ticket-facts.js';
import { renderTicketHeader } from './ticket-header.js';
import { renderAgentRating, renderPinnedNotes, ticketSideStyles } from './ticket-side.js';
import { TicketUpdates } from './ticket-updates.js';

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
 * @csspart kept-elsewhere - On a hub, where to reply to a synced ticket, shown in place of the composer.
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

  @query('escalated-agent-composer') private composer?: EscalatedAgentComposer;

  private readonly requests = new RequestScope(this);
  private readonly announcer = new Announcer(this);
  private readonly presence = new PresenceController(this);
  private readonly updates = new TicketUpdates(this, this.requests, this.announcer, {
    client: () => this.client,
    reference: () => this.reference,
    ticket: () => this.detail?.ticket,
    reload: () => this.load(true),
  });
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
    // A failed or rejected change would otherwise leave the value the agent picked on screen.
    const ticket = this.detail?.ticket;
    if (ticket) syncTicketControls(this.renderRoot, ticket);
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
        ${ticket.source ? null : renderTicketEditors(ticket, this.editorsContext())}
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

  private editorsContext(): TicketEditorsContext {
    const { agents, departments, tags, macros, updates, renderRoot: root } = this;
    return { agents, departments, tags, macros, updates, root };
  }

  private activityNames(): ActivityNames {
    return { agents: this.agents, departments: this.departments };
  }

  private renderHeader(ticket: Ticket): TemplateResult {
    const header = {
      locale: this.locale,
      following: this.isFollowing(ticket),
      updating: this.updates.updating,
      departments: this.departments,
      viewers: this.presence.viewers,
      selfId: this.session?.id,
    };
    return renderTicketHeader(ticket, header, () => void this.toggleFollow());
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
    await this.updates.setFollowing(!this.isFollowing(ticket));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#follow')?.focus();
  }

  private readonly onPin = (reply: Reply): void => {
    void this.updates.togglePin(reply);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'escalated-agent-ticket': EscalatedAgentTicket;
  }
}
