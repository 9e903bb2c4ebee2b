import { css } from 'lit';

/** Styles of the new-ticket and reply forms. */
export const formStyles = css`
  .field-error:empty {
    display: none;
  }

  .composer {
    border-block-start: var(--escalated-border-width) solid var(--escalated-color-border);
    padding-block-start: var(--escalated-space-lg);
  }
`;

/** Styles of a ticket's header. */
export const ticketStyles = css`
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
    white-space: nowrap;
  }
`;

/** Styles of the in-place confirmation before closing a ticket. */
export const confirmStyles = css`
  .confirm {
    display: flex;
    flex-wrap: wrap;
    gap: var(--escalated-space-sm);
    align-items: center;
    padding: var(--escalated-space-sm) var(--escalated-space-md);
    border: var(--escalated-border-width) solid var(--escalated-color-border);
    border-radius: var(--escalated-radius-sm);
    background: var(--escalated-color-surface-muted);
  }

  .confirm span {
    font-weight: 600;
  }
`;

/** Styles of the portal's own layout: header and ticket list. */
export const portalStyles = css`
  .portal-header {
    display: flex;
    flex-wrap: wrap;
    gap: var(--escalated-space-sm);
    align-items: center;
    justify-content: space-between;
    margin-block-end: var(--escalated-space-lg);
  }

  .portal-header h2:focus {
    outline: none;
  }

  .ticket-list {
    list-style: none;
    margin: 0;
    padding: 0;
    border: var(--escalated-border-width) solid var(--escalated-color-border);
    border-radius: var(--escalated-radius-md);
  }

  .ticket-list li + li {
    border-block-start: var(--escalated-border-width) solid var(--escalated-color-border);
  }

  /* Flex wrapping rather than a grid with fixed columns: in a narrow container the subject and
     time move to lines of their own, while the status chip keeps its width and the reference
     stays on one line. */
  .row-button {
    display: flex;
    flex-wrap: wrap;
    gap: var(--escalated-space-xs) var(--escalated-space-md);
    align-items: baseline;
    width: 100%;
    border: 0;
    border-radius: 0;
    padding: var(--escalated-space-md);
    text-align: start;
    background: transparent;
  }

  .row-button .chip,
  .row-button .reference,
  .row-button time {
    flex: none;
  }

  .row-button .subject {
    flex: 1 1 16em;
    min-width: 0;
    font-weight: 600;
  }

  .empty {
    padding: var(--escalated-space-xl);
    text-align: center;
    color: var(--escalated-color-text-muted);
  }

  .more {
    margin-block-start: var(--escalated-space-md);
  }
`;
