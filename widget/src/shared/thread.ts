import { css, html, nothing, type TemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import type { Actor, Attachment, Reply, Ticket } from './api-types.js';
import { formatFileSize } from './attachments.js';
import { displayName, formatDateTime, formatRelative } from './format.js';
import { renderLinkedText } from './linkify.js';

/** Display options of {@link renderThread}. */
export interface ThreadOptions {
  /** Id of the signed-in user, whose messages are labelled "You". */
  viewerId?: string | undefined;
  locale?: string | undefined;
  /** Downloads an attachment. Without it, attachment names show as plain text. */
  onDownload?: ((attachment: Attachment) => void) | undefined;
  /** Renders buttons for one message, such as pin and unpin on internal notes. */
  renderActions?: ((reply: Reply) => TemplateResult | typeof nothing) | undefined;
}

/** Styles of {@link renderThread}, to add to the element's `static styles`. */
export const threadStyles = css`
  .thread {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--escalated-space-md);
  }

  .message {
    border: var(--escalated-border-width) solid var(--escalated-color-border);
    border-radius: var(--escalated-radius-md);
    padding: var(--escalated-space-md);
    background: var(--escalated-color-surface);
  }

  .message.note {
    background: var(--escalated-color-note-surface);
    border-color: var(--escalated-color-note-border);
    border-inline-start-width: 4px;
  }

  .message-header {
    display: flex;
    flex-wrap: wrap;
    gap: var(--escalated-space-sm);
    align-items: baseline;
    margin-block-end: var(--escalated-space-xs);
  }

  .author {
    font-weight: 600;
  }

  .note-label {
    background: var(--escalated-color-warning-surface);
    color: var(--escalated-color-warning-text);
  }

  .message .body {
    white-space: pre-wrap;
  }

  .message .body a {
    color: var(--escalated-color-primary);
    overflow-wrap: anywhere;
  }

  .message-actions {
    margin-inline-start: auto;
  }

  .attachments {
    list-style: none;
    margin: var(--escalated-space-sm) 0 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: var(--escalated-space-xs) var(--escalated-space-md);
  }

  .attachments li {
    overflow-wrap: anywhere;
  }
`;

/**
 * Renders a ticket's conversation: the opening message, then replies oldest first. Internal
 * notes get the `note` part and class and an "Internal note" label, and public replies get the
 * `reply` part. Every API string is bound as text, and `http`, `https` and `mailto` URLs in
 * message bodies become links with the `link` part.
 */
export function renderThread(
  ticket: Ticket,
  replies: readonly Reply[],
  options: ThreadOptions,
): TemplateResult {
  const ordered = [...replies].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const opening = {
    id: `${ticket.reference}-opening`,
    body: ticket.body,
    internal: false,
    pinned: false,
    author: { id: ticket.requester.id, name: displayName(ticket.requester), role: 'customer' },
    attachments: ticket.attachments ?? [],
    createdAt: ticket.createdAt,
  } satisfies Reply;
  return html`<ol class="thread" part="thread" aria-label="Conversation">
    ${[opening, ...ordered].map((reply) => renderMessage(reply, options))}
  </ol>`;
}

function renderMessage(reply: Reply, options: ThreadOptions): TemplateResult {
  const classes = { message: true, note: reply.internal, reply: !reply.internal };
  return html`<li
    class=${classMap(classes)}
    part=${reply.internal ? 'note' : 'reply'}
    data-reply-id=${reply.id}
  >
    <div class="message-header">
      <span class="author">${authorName(reply.author, options.viewerId)}</span>
      ${reply.internal ? html`<span class="chip note-label">Internal note</span>` : nothing}
      ${reply.pinned ? html`<span class="chip">Pinned</span>` : nothing}
      <time datetime=${reply.createdAt} title=${formatDateTime(reply.createdAt, options.locale)}
        >${formatRelative(reply.createdAt, options.locale)}</time
      >
      ${
        options.renderActions
          ? html`<span class="message-actions">${options.renderActions(reply)}</span>`
          : nothing
      }
    </div>
    <p class="body">${renderLinkedText(reply.body)}</p>
    ${renderAttachments(reply.attachments ?? [], options)}
  </li>`;
}

/** Renders the files of a message: name and size, with a download button when possible. */
export function renderAttachments(
  attachments: readonly Attachment[],
  options: Pick<ThreadOptions, 'onDownload'>,
): TemplateResult | typeof nothing {
  if (attachments.length === 0) return nothing;
  const download = options.onDownload;
  return html`<ul class="attachments" part="attachments" aria-label="Attachments">
    ${attachments.map(
      (attachment) =>
        html`<li part="attachment" data-attachment-id=${attachment.id}>
          ${
            download
              ? html`<button type="button" class="link" @click=${() => download(attachment)}>
                  ${attachment.fileName}
                </button>`
              : html`<span>${attachment.fileName}</span>`
          }
          <span class="muted">(${formatFileSize(attachment.size)})</span>
        </li>`,
    )}
  </ul>`;
}

function authorName(author: Actor | null, viewerId: string | undefined): string {
  if (author && viewerId && author.id === viewerId) return 'You';
  return displayName(author);
}
