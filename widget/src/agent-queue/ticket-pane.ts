import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { ReplyCreatedDetail, TicketUpdatedDetail } from '../shared/events.js';
import type { EscalatedAgentTicket } from './agent-ticket.js';
import type { WorkspaceLookups } from './lookups.js';

// Parts of the nested ticket view, re-exported so `escalated-agent-queue::part(…)` reaches them.
const TICKET_PARTS =
  'header, facts, tag, status, controls, thread, reply, note, link, composer, composer-mode, ' +
  'activity, activity-entry, sla, sla-clocks, presence, follow, pinned, tag-editor, macro, ' +
  'rating, attachments, attachment, conflict, dropzone, files, file, rejections';

/** An element that shows the ticket view in its own shadow root, in place of its queue. */
export type TicketPaneHost = ReactiveControllerHost & {
  readonly renderRoot: HTMLElement | DocumentFragment;
};

/** Settings and callbacks of the ticket view, besides the ticket's reference. */
export interface TicketPaneView {
  locale: string;
  maxAttachmentSizeKb: number;
  maxAttachments: number;
  lookups: WorkspaceLookups;
  /** Rendered in the toolbar after "Back to queue". */
  helpButton: TemplateResult;
  onTicketUpdated: (event: CustomEvent<TicketUpdatedDetail>) => void;
  onReplyCreated: (event: CustomEvent<ReplyCreatedDetail>) => void;
}

/**
 * The ticket open in the agent workspace, shown in place of the queue. Opening moves focus to
 * the ticket's heading. Closing returns focus to the ticket's row, or to the queue's heading
 * (`#heading`) when the reloaded queue no longer lists it.
 */
export class TicketPane {
  private openReference = '';

  /** @param beforeClose - Runs after the ticket is hidden and before focus moves back. */
  constructor(
    private readonly host: TicketPaneHost,
    private readonly beforeClose: () => Promise<void>,
  ) {}

  /** Reference of the open ticket, or empty while the queue shows. */
  get reference(): string {
    return this.openReference;
  }

  /** The open ticket's view, once it has rendered. */
  get view(): EscalatedAgentTicket | undefined {
    return this.host.renderRoot.querySelector('escalated-agent-ticket') ?? undefined;
  }

  /** Shows the ticket `reference` and moves focus to its heading once it has loaded. */
  async open(reference: string): Promise<void> {
    this.setReference(reference);
    await this.host.updateComplete;
    await this.view?.focusHeading();
  }

  /** Shows the queue again. */
  async close(): Promise<void> {
    const reference = this.openReference;
    this.setReference('');
    await this.beforeClose();
    await this.host.updateComplete;
    const root = this.host.renderRoot;
    const row = root.querySelector<HTMLElement>(
      `tr[data-reference="${CSS.escape(reference)}"] .row-button`,
    );
    (row ?? root.querySelector<HTMLElement>('#heading'))?.focus();
  }

  /** Forgets the open ticket without moving focus, as for a new user. */
  reset(): void {
    this.setReference('');
  }

  /** Renders the toolbar with "Back to queue" and the open ticket's view. */
  render(view: TicketPaneView): TemplateResult {
    const { lookups } = view;
    return html`<div class="stack">
      <div class="toolbar" part="toolbar">
        <button type="button" @click=${() => this.close()}>Back to queue</button>
        ${view.helpButton}
      </div>
      <escalated-agent-ticket
        exportparts=${TICKET_PARTS}
        reference=${this.openReference}
        locale=${view.locale}
        max-attachment-size-kb=${view.maxAttachmentSizeKb}
        max-attachments=${view.maxAttachments}
        .agents=${lookups.agents}
        .departments=${lookups.departments}
        .tags=${lookups.tags}
        .cannedResponses=${lookups.cannedResponses}
        .macros=${lookups.macros}
        @escalated-ticket-updated=${view.onTicketUpdated}
        @escalated-reply-created=${view.onReplyCreated}
      ></escalated-agent-ticket>
    </div>`;
  }

  private setReference(reference: string): void {
    if (reference === this.openReference) return;
    this.openReference = reference;
    this.host.requestUpdate();
  }
}
