import { consume } from '@lit/context';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import type { EscalatedAttachmentPicker } from '../attachments/attachment-picker.js';
import { errorMessage, fieldErrors, isAbortError } from '../shared/api-error.js';
import type {
  AgentReplyInput,
  AgentTicketDetail,
  CannedResponse,
  Reply,
} from '../shared/api-types.js';
import { DEFAULT_MAX_ATTACHMENT_SIZE_KB, DEFAULT_MAX_ATTACHMENTS } from '../shared/attachments.js';
import { baseStyles } from '../shared/base-styles.js';
import type { EscalatedClient } from '../shared/client.js';
import { attachmentBlockReason } from '../shared/composer.js';
import { clientContext, sessionContext } from '../shared/context.js';
import { Announcer, RequestScope } from '../shared/controllers.js';
import { emit } from '../shared/events.js';
import { renderFieldError } from '../shared/form-field.js';
import { displayName, formatRelative } from '../shared/format.js';
import { IdempotencyKeys } from '../shared/idempotency.js';
import type { SessionUser } from '../shared/token-source.js';
import { validateReplyBody } from '../shared/validation.js';
import { ESCALATED_VERSION } from '../shared/version.js';
import { composerStyles } from './agent-queue.styles.js';
import { fillPlaceholders, insertAtCaret } from './canned.js';

/** Whether the composer sends a public reply or an internal note. */
export type ComposerMode = 'reply' | 'note';

/** A message from someone else that arrived after the ticket was loaded. */
interface NewerMessage {
  reply: Reply;
  input: AgentReplyInput;
}

/**
 * The agent's reply and note form, used inside `<escalated-agent-ticket>`: public reply or
 * internal note, canned responses with their placeholders filled, and attachments. Before
 * sending it reads the ticket again, and when someone else replied since it was loaded it
 * requests confirmation first.
 *
 * @summary Reply and internal note form of the agent ticket view.
 * @tagname escalated-agent-composer
 * @csspart composer - The form.
 * @csspart composer-mode - The reply / internal note choice.
 * @csspart conflict - The question shown when someone else replied meanwhile.
 * @fires {CustomEvent<ReplyCreatedDetail>} escalated-reply-created - `{ reference, replyId,
 *   internal }` after a reply or note.
 * @since 0.2.0
 */
export class EscalatedAgentComposer extends LitElement {
  static readonly escalatedVersion = ESCALATED_VERSION;

  static override styles = [baseStyles, composerStyles];

  /** The ticket as the agent last saw it, the baseline for "someone replied meanwhile". */
  @property({ attribute: false }) detail: AgentTicketDetail | null = null;

  /** Canned responses offered in the picker. */
  @property({ attribute: false }) cannedResponses: readonly CannedResponse[] = [];

  /** Maximum size of one attachment, in KB. */
  @property({ type: Number, attribute: 'max-attachment-size-kb' })
  maxAttachmentSizeKb: number = DEFAULT_MAX_ATTACHMENT_SIZE_KB;

  /** Maximum number of attachments per message. */
  @property({ type: Number, attribute: 'max-attachments' })
  maxAttachments: number = DEFAULT_MAX_ATTACHMENTS;

  /** Reloads the ticket view, called after sending and after a cancelled send. */
  @property({ attribute: false }) reloadTicket: () => Promise<void> = () => Promise.resolve();

  @consume({ context: clientContext, subscribe: true })
  @state()
  private client: EscalatedClient | null = null;

  @consume({ context: sessionContext, subscribe: true })
  @state()
  private session: SessionUser | null = null;

  @state() private mode: ComposerMode = 'reply';
  @state() private error = '';
  @state() private sending = false;
  @state() private newer: NewerMessage | null = null;

  @query('#composer-body') private textarea?: HTMLTextAreaElement;
  @query('escalated-attachment-picker') private picker?: EscalatedAttachmentPicker;

  private readonly requests = new RequestScope(this);
  private readonly announcer = new Announcer(this);
  private readonly keys = new IdempotencyKeys();

  /** Switches to `mode` and moves focus to the message field. */
  async focusMessage(mode: ComposerMode): Promise<void> {
    this.mode = mode;
    await this.updateComplete;
    this.textarea?.focus();
  }

  override render(): TemplateResult {
    const note = this.mode === 'note';
    const classes = { composer: true, stack: true, 'note-mode': note };
    return html`<form class=${classMap(classes)} part="composer" novalidate @submit=${this.onSend}>
      <fieldset class="mode" part="composer-mode">
        <legend>Message type</legend>
        ${this.renderMode('reply', 'Reply to customer')} ${this.renderMode('note', 'Internal note')}
      </fieldset>
      <div class="field">
        <label for="composer-body">${note ? 'Internal note (agents only)' : 'Reply'}</label>
        <textarea
          id="composer-body"
          aria-invalid=${this.error ? 'true' : 'false'}
          aria-describedby="composer-body-error"
        ></textarea>
        ${renderFieldError('composer-body-error', this.error)}
      </div>
      ${this.renderCanned()}
      <escalated-attachment-picker
        exportparts="dropzone, files, file, rejections"
        max-size-kb=${this.maxAttachmentSizeKb}
        max-files=${this.maxAttachments}
      ></escalated-attachment-picker>
      ${this.newer ? this.renderConflict(this.newer) : nothing}
      <div class="toolbar">
        <button class="primary" type="submit" ?disabled=${this.sending || this.newer !== null}>
          ${note ? 'Add internal note' : 'Send reply'}
        </button>
      </div>
      ${this.announcer.render()}
    </form>`;
  }

  private renderMode(mode: ComposerMode, label: string): TemplateResult {
    return html`<label>
      <input
        type="radio"
        name="mode"
        value=${mode}
        .checked=${this.mode === mode}
        @change=${() => (this.mode = mode)}
      />
      ${label}
    </label>`;
  }

  private renderCanned(): TemplateResult | typeof nothing {
    if (this.cannedResponses.length === 0) return nothing;
    return html`<div class="field canned">
      <label for="canned">Canned response</label>
      <select id="canned" @change=${this.onCanned}>
        <option value="">Insert a canned response…</option>
        ${this.cannedResponses.map(
          (canned) => html`<option value=${canned.id}>${canned.title}</option>`,
        )}
      </select>
    </div>`;
  }

  private renderConflict(newer: NewerMessage): TemplateResult {
    const author = displayName(newer.reply.author);
    const verb = newer.reply.internal ? 'added a note' : 'replied';
    const when = formatRelative(newer.reply.createdAt);
    return html`<div class="conflict" part="conflict" role="alert">
      <span>${author} ${verb} ${when} — send anyway?</span>
      <button class="primary" type="button" id="send-anyway" @click=${this.sendAnyway}>
        Send anyway
      </button>
      <button type="button" id="cancel-send" @click=${this.cancelSend}>Cancel</button>
    </div>`;
  }

  private onCanned(event: Event): void {
    const select = event.target as HTMLSelectElement;
    const canned = this.cannedResponses.find((candidate) => candidate.id === select.value);
    select.value = '';
    const ticket = this.detail?.ticket;
    const textarea = this.textarea;
    if (!canned || !ticket || !textarea) return;
    const agentName = this.session ? displayName(this.session) : '';
    textarea.focus();
    insertAtCaret(textarea, fillPlaceholders(canned.body, { ticket, agentName }));
  }

  private async onSend(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const client = this.client;
    const textarea = this.textarea;
    if (!client || !textarea || this.sending || this.newer) return;
    const body = textarea.value.trim();
    this.error = validateReplyBody(body).body ?? attachmentBlockReason(this.picker) ?? '';
    if (this.error) {
      textarea.focus();
      return;
    }
    const input: AgentReplyInput = { body, internal: this.mode === 'note' };
    const attachmentIds = this.picker?.attachmentIds ?? [];
    if (attachmentIds.length) input.attachmentIds = attachmentIds;
    await this.checkThenSend(client, input);
  }

  /** Reads the ticket again and requests confirmation when someone else wrote since it was loaded. */
  private async checkThenSend(client: EscalatedClient, input: AgentReplyInput): Promise<void> {
    this.sending = true;
    try {
      const reply = await this.newestFromOthers(client);
      if (reply) {
        this.newer = { reply, input };
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('#send-anyway')?.focus();
        return;
      }
    } catch (error) {
      // Without the fresh copy there is nothing to compare, so the reply is sent as written.
      if (isAbortError(error)) return;
    } finally {
      this.sending = false;
    }
    await this.send(client, input);
  }

  private async newestFromOthers(client: EscalatedClient): Promise<Reply | undefined> {
    const loaded = this.detail;
    if (!loaded) return undefined;
    const signal = this.requests.start('check');
    const fresh = await client.getAgentTicket(loaded.ticket.reference, { signal });
    const seen = new Set(loaded.replies.map((reply) => reply.id));
    const selfId = this.session?.id;
    return fresh.replies
      .filter((reply) => !seen.has(reply.id) && reply.author?.id !== selfId)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  }

  private async sendAnyway(): Promise<void> {
    const client = this.client;
    const newer = this.newer;
    this.newer = null;
    if (client && newer) await this.send(client, newer.input);
  }

  private async cancelSend(): Promise<void> {
    this.newer = null;
    await this.reloadTicket();
    this.textarea?.focus();
  }

  private async send(client: EscalatedClient, input: AgentReplyInput): Promise<void> {
    const reference = this.detail?.ticket.reference;
    if (!reference) return;
    this.sending = true;
    try {
      const idempotencyKey = this.keys.keyFor({ reference, ...input });
      const signal = this.requests.start('send');
      const { reply } = await client.addAgentReply(reference, input, { signal, idempotencyKey });
      this.keys.complete();
      if (this.textarea) this.textarea.value = '';
      this.picker?.clear();
      await this.reloadTicket();
      void this.announcer.say(input.internal ? 'Internal note added.' : 'Reply sent.');
      emit(this, 'escalated-reply-created', {
        reference,
        replyId: reply.id,
        internal: input.internal,
      });
    } catch (error) {
      if (isAbortError(error)) return;
      this.error = fieldErrors(error).body ?? errorMessage(error);
    } finally {
      this.sending = false;
    }
    this.textarea?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'escalated-agent-composer': EscalatedAgentComposer;
  }
}
