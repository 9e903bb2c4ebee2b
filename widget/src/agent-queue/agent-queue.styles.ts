import { css } from 'lit';

/** Styles of the queue: filters, table and rows. */
export const queueStyles = css`
  .queue-header {
    display: flex;
    flex-wrap: wrap;
    gap: var(--escalated-space-md);
    align-items: end;
    justify-content: space-between;
    margin-block-end: var(--escalated-space-lg);
  }

  .queue-header h2:focus {
    outline: none;
  }

  .views {
    display: inline-flex;
    flex-wrap: wrap;
    gap: 0;
  }

  .views button {
    border-radius: 0;
  }

  .views button:first-child {
    border-start-start-radius: var(--escalated-radius-sm);
    border-end-start-radius: var(--escalated-radius-sm);
  }

  .views button:last-child {
    border-start-end-radius: var(--escalated-radius-sm);
    border-end-end-radius: var(--escalated-radius-sm);
  }

  .views button[aria-pressed='true'] {
    background: var(--escalated-color-primary);
    border-color: var(--escalated-color-primary);
    color: var(--escalated-color-on-primary);
  }

  .status-filter,
  .sort {
    display: inline-grid;
    gap: var(--escalated-space-xs);
  }

  .status-filter select,
  .sort select {
    width: auto;
  }

  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: var(--escalated-space-sm) var(--escalated-space-md);
    align-items: end;
    margin-block-end: var(--escalated-space-lg);
  }

  .filter {
    display: inline-grid;
    gap: var(--escalated-space-xs);
  }

  .filter select,
  .filter input {
    width: auto;
  }

  .filter.search {
    flex: 1 1 16em;
  }

  .filter.search input {
    width: 100%;
  }

  /* The table scrolls inside this frame when it is wider than the element. Inline-size
     containment keeps the table's width out of the element's own minimum width, which would
     otherwise widen a host's grid or flex column, and with it the page, on a narrow screen.
     Positioning makes the frame the containing block of visually hidden text in the rows, which
     would otherwise sit outside the scrolled area and widen the page. */
  .table-wrap {
    position: relative;
    overflow-x: auto;
    contain: inline-size;
  }

  table {
    width: 100%;
    border-collapse: collapse;
  }

  th,
  td {
    padding: var(--escalated-space-sm);
    overflow-wrap: normal;
    text-align: start;
    vertical-align: top;
    border-block-end: var(--escalated-border-width) solid var(--escalated-color-border);
  }

  th {
    font-size: var(--escalated-font-size-sm);
    color: var(--escalated-color-text-muted);
    font-weight: 600;
  }

  tr[part~='row']:hover {
    background: var(--escalated-color-surface-muted);
  }

  .reference {
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }

  /* Words in a subject break only when longer than the column, never letter by letter. */
  td.subject {
    min-width: 12em;
    overflow-wrap: break-word;
  }

  .more {
    margin-block-start: var(--escalated-space-md);
  }

  .empty {
    padding: var(--escalated-space-xl);
    text-align: center;
    color: var(--escalated-color-text-muted);
  }
`;

/** Styles of the agent's ticket view. */
export const agentTicketStyles = css`
  .ticket-layout {
    display: grid;
    gap: var(--escalated-space-xl);
    grid-template-columns: minmax(0, 2fr) minmax(220px, 1fr);
  }

  @media (max-width: 720px) {
    .ticket-layout {
      grid-template-columns: minmax(0, 1fr);
    }
  }

  .ticket-header {
    display: grid;
    gap: var(--escalated-space-xs);
  }

  .ticket-header h2:focus {
    outline: none;
  }

  .ticket-header h2:focus-visible {
    outline: var(--escalated-focus-ring-width) solid var(--escalated-color-focus);
  }

  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: var(--escalated-space-sm);
    align-items: center;
  }

  .reference {
    font-variant-numeric: tabular-nums;
    font-weight: 600;
  }

  .side {
    align-content: start;
  }
`;

/** Styles of the agent's reply and note form. */
export const composerStyles = css`
  .composer {
    border: var(--escalated-border-width) solid var(--escalated-color-border);
    border-radius: var(--escalated-radius-md);
    padding: var(--escalated-space-md);
  }

  .composer.note-mode {
    background: var(--escalated-color-note-surface);
    border-color: var(--escalated-color-note-border);
  }

  .mode {
    display: flex;
    flex-wrap: wrap;
    gap: var(--escalated-space-lg);
    border: 0;
    margin: 0;
    padding: 0;
  }

  .mode legend {
    font-weight: 600;
    padding: 0;
    margin-block-end: var(--escalated-space-xs);
  }

  .mode label {
    display: inline-flex;
    gap: var(--escalated-space-xs);
    align-items: center;
  }

  .mode input {
    width: auto;
  }

  .field-error:empty {
    display: none;
  }

  .conflict {
    display: flex;
    flex-wrap: wrap;
    gap: var(--escalated-space-sm);
    align-items: center;
    padding: var(--escalated-space-sm) var(--escalated-space-md);
    border-radius: var(--escalated-radius-sm);
    background: var(--escalated-color-warning-surface);
    color: var(--escalated-color-warning-text);
  }

  .canned select {
    width: auto;
    max-width: 100%;
  }
`;
