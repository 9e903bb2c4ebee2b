import { css, html, nothing, type TemplateResult } from 'lit';
import type { Macro, Rating, Reply, Tag, TagDefinition } from '../shared/api-types.js';
import { customProperties } from '../shared/custom-properties.js';
import { displayName, formatDateTime } from '../shared/format.js';
import { renderLinkedText } from '../shared/linkify.js';

/** Styles of the tag editor, macro picker, rating and pinned notes. */
export const ticketSideStyles = css`
  .tag-editor .tags {
    margin-block-end: var(--escalated-space-sm);
  }

  .chip.tag button {
    border: 0;
    background: transparent;
    padding: 0 var(--escalated-space-xs);
    line-height: 1;
    color: inherit;
  }

  .inline-form {
    display: flex;
    gap: var(--escalated-space-xs);
    align-items: end;
  }

  .inline-form > :first-child {
    flex: 1;
    min-width: 0;
  }

  .pinned {
    border: var(--escalated-border-width) solid var(--escalated-color-note-border);
    border-radius: var(--escalated-radius-md);
    background: var(--escalated-color-note-surface);
    padding: var(--escalated-space-md);
  }

  .pinned ol {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--escalated-space-sm);
  }

  .pinned .body {
    white-space: pre-wrap;
  }

  .stars {
    color: var(--escalated-color-warning-text);
  }
`;

/** Callbacks of the tag editor. */
export interface TagEditorHandlers {
  onAdd: (event: SubmitEvent) => void;
  onRemove: (tag: Tag) => void;
}

/**
 * Renders the ticket's tags with a remove button each, and a field that adds a tag by name,
 * offering the catalogue's names. Chips take the catalogue's colour when the ticket's tag has
 * none.
 */
export function renderTagEditor(
  tags: readonly Tag[],
  catalogue: readonly TagDefinition[],
  busy: boolean,
  handlers: TagEditorHandlers,
): TemplateResult {
  const unused = catalogue.filter((entry) => !tags.some((tag) => tag.name === entry.name));
  return html`<section class="tag-editor" part="tag-editor" aria-labelledby="tags-heading">
    <h3 id="tags-heading">Tags</h3>
    ${
      tags.length
        ? html`<ul class="tags">
            ${tags.map((tag) => renderRemovableTag(tag, catalogue, busy, handlers))}
          </ul>`
        : html`<p class="muted">No tags.</p>`
    }
    <form class="inline-form" novalidate @submit=${handlers.onAdd}>
      <div class="field">
        <label for="tag-input">Add tag</label>
        <input id="tag-input" name="tag" list="tag-options" autocomplete="off" />
        <datalist id="tag-options">
          ${unused.map((entry) => html`<option value=${entry.name}></option>`)}
        </datalist>
      </div>
      <button type="submit" ?disabled=${busy}>Add</button>
    </form>
  </section>`;
}

function renderRemovableTag(
  tag: Tag,
  catalogue: readonly TagDefinition[],
  busy: boolean,
  handlers: TagEditorHandlers,
): TemplateResult {
  const color = tag.color ?? catalogue.find((entry) => entry.name === tag.name)?.color ?? null;
  return html`<li
    class="chip tag"
    part="tag"
    data-tag=${tag.name}
    ${customProperties(tagColor(color))}
  >
    <span class="tag-dot" aria-hidden="true"></span>${tag.name}
    <button type="button" ?disabled=${busy} @click=${() => handlers.onRemove(tag)}>
      <span aria-hidden="true">×</span><span class="visually-hidden">Remove tag ${tag.name}</span>
    </button>
  </li>`;
}

/** Returns the colour as the chip's custom property, or nothing when it is not a CSS colour. */
export function tagColor(color: string | null): Record<string, string> {
  if (!color || !CSS.supports('color', color)) return {};
  return { '--escalated-tag-color': color };
}

/** Renders the macro select and its Apply button, or nothing when there are no macros. */
export function renderMacroPicker(
  macros: readonly Macro[],
  busy: boolean,
  onApply: (event: SubmitEvent) => void,
): TemplateResult | typeof nothing {
  if (macros.length === 0) return nothing;
  return html`<form class="inline-form" part="macro" novalidate @submit=${onApply}>
    <div class="field">
      <label for="macro">Macro</label>
      <select id="macro" name="macro">
        ${macros.map((macro) => html`<option value=${macro.id}>${macro.name}</option>`)}
      </select>
    </div>
    <button type="submit" ?disabled=${busy}>Apply</button>
  </form>`;
}

/** Renders the requester's satisfaction rating for agents. */
export function renderAgentRating(
  rating: Rating | null,
  locale: string | undefined,
): TemplateResult {
  return html`<section class="stack" part="rating" aria-labelledby="rating-heading">
    <h3 id="rating-heading">Satisfaction</h3>
    ${
      rating
        ? html`<p>
              <span class="stars" aria-hidden="true"
                >${'★'.repeat(rating.rating)}${'☆'.repeat(Math.max(0, 5 - rating.rating))}</span
              >
              <span class="rating-value">${rating.rating} out of 5</span>
            </p>
            ${rating.comment ? html`<p class="body">${rating.comment}</p>` : nothing}
            <p class="muted">
              Rated ${formatDateTime(rating.updatedAt || rating.submittedAt, locale)}
            </p>`
        : html`<p class="muted">Not rated.</p>`
    }
  </section>`;
}

/** Renders the pinned internal notes above the thread, or nothing when none is pinned. */
export function renderPinnedNotes(
  replies: readonly Reply[],
  locale: string | undefined,
  onUnpin: (reply: Reply) => void,
): TemplateResult | typeof nothing {
  const pinned = replies.filter((reply) => reply.internal && reply.pinned);
  if (pinned.length === 0) return nothing;
  return html`<section class="pinned stack" part="pinned" aria-labelledby="pinned-heading">
    <h3 id="pinned-heading">Pinned notes</h3>
    <ol>
      ${pinned.map(
        (reply) =>
          html`<li data-reply-id=${reply.id}>
            <div class="toolbar">
              <span class="author">${displayName(reply.author)}</span>
              <time datetime=${reply.createdAt}>${formatDateTime(reply.createdAt, locale)}</time>
              <button type="button" class="link" @click=${() => onUnpin(reply)}>Unpin</button>
            </div>
            <p class="body">${renderLinkedText(reply.body)}</p>
          </li>`,
      )}
    </ol>
  </section>`;
}
