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

  .row-button {
    display: grid;
    grid-template-columns: auto auto 1fr auto;
    gap: var(--escalated-space-md);
    align-items: center;
    width: 100%;
    border: 0;
    border-radius: 0;
    padding: var(--escalated-space-md);
    text-align: start;
    background: transparent;
  }

  .row-button .subject {
    font-weight: 600;
  }

  @media (max-width: 480px) {
    .row-button {
      grid-template-columns: auto 1fr;
    }
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
