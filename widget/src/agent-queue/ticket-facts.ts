import { css, html, type TemplateResult } from 'lit';
import type { Department, Tag, Ticket } from '../shared/api-types.js';
import { customProperties } from '../shared/custom-properties.js';
import { departmentName } from '../shared/format.js';

/** Styles of {@link renderTicketFacts}. */
export const ticketFactsStyles = css`
  .facts {
    display: flex;
    flex-wrap: wrap;
    gap: var(--escalated-space-xs) var(--escalated-space-lg);
    margin: 0;
  }

  .facts > div {
    display: flex;
    flex-wrap: wrap;
    gap: var(--escalated-space-xs);
    align-items: center;
  }

  .facts dt {
    color: var(--escalated-color-text-muted);
    font-size: var(--escalated-font-size-sm);
  }

  .facts dd {
    margin: 0;
  }

  .tags {
    display: flex;
    flex-wrap: wrap;
    gap: var(--escalated-space-xs);
    list-style: none;
    margin: 0;
    padding: 0;
  }

  .chip.tag {
    display: inline-flex;
    gap: var(--escalated-space-xs);
    align-items: center;
    background: var(--escalated-color-surface);
    color: var(--escalated-color-text);
    white-space: normal;
    overflow-wrap: anywhere;
    border: var(--escalated-border-width) solid
      var(--escalated-tag-color, var(--escalated-color-border));
  }

  .tag-dot {
    inline-size: 0.6em;
    block-size: 0.6em;
    border-radius: 50%;
    background: var(--escalated-tag-color, var(--escalated-color-border));
  }
`;

/**
 * Renders a ticket's department (by name, else its id), tags, number of followers and, on a
 * hub, the installation that keeps a synced ticket. A tag's
 * colour only tints its border and dot, so the name stays readable whatever colour it has.
 */
export function renderTicketFacts(
  ticket: Ticket,
  departments: readonly Department[],
): TemplateResult {
  const department = ticket.departmentId
    ? departmentName(ticket.departmentId, departments)
    : 'None';
  return html`<dl class="facts" part="facts">
    <div>
      <dt>Department</dt>
      <dd class="department">${department}</dd>
    </div>
    <div>
      <dt>Tags</dt>
      <dd>${ticket.tags.length ? renderTags(ticket.tags) : 'None'}</dd>
    </div>
    <div>
      <dt>Followers</dt>
      <dd class="followers">${ticket.followerIds.length}</dd>
    </div>
    ${
      ticket.source
        ? html`<div>
            <dt>Kept by</dt>
            <dd class="source" part="source">
              ${ticket.source.installationName} as ${ticket.source.reference} (changes happen there)
            </dd>
          </div>`
        : null
    }
  </dl>`;
}

function renderTags(tags: readonly Tag[]): TemplateResult {
  return html`<ul class="tags">
    ${tags.map(
      (tag) =>
        html`<li class="chip tag" part="tag" data-tag=${tag.id} ${customProperties(tagColor(tag))}>
          <span class="tag-dot" aria-hidden="true"></span>${tag.name}
        </li>`,
    )}
  </ul>`;
}

/** Returns the tag's colour as a custom property, or nothing when it is missing or invalid. */
function tagColor(tag: Tag): Record<string, string> {
  if (!tag.color || !CSS.supports('color', tag.color)) return {};
  return { '--escalated-tag-color': tag.color };
}
