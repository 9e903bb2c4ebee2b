import { css } from 'lit';

/**
 * Layout, type and control styles shared by every element. Host pages reach the element
 * itself with rules such as `* { font-size: 20px; box-sizing: content-box }`, and those beat
 * `:host`, so type and box model are set on the inner `.root` and on each control instead.
 */
export const baseStyles = css`
  :host {
    display: block;
  }

  :host([hidden]) {
    display: none;
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  .root {
    font-family: var(--escalated-font-family);
    font-size: var(--escalated-font-size-md);
    font-weight: 400;
    font-style: normal;
    line-height: var(--escalated-line-height);
    letter-spacing: normal;
    word-spacing: normal;
    text-align: start;
    text-transform: none;
    text-indent: 0;
    white-space: normal;
    color: var(--escalated-color-text);
    background: var(--escalated-color-surface);
    border: var(--escalated-border-width) solid var(--escalated-color-border);
    border-radius: var(--escalated-radius-md);
    padding: var(--escalated-space-lg);
  }

  h2,
  h3 {
    margin: 0;
    font-size: var(--escalated-font-size-lg);
    font-weight: 600;
    line-height: 1.3;
  }

  p {
    margin: 0;
  }

  button,
  input,
  select,
  textarea {
    font: inherit;
    font-size: var(--escalated-font-size-md);
    color: inherit;
    margin: 0;
  }

  button {
    width: auto;
    cursor: pointer;
    border: var(--escalated-border-width) solid var(--escalated-color-border);
    border-radius: var(--escalated-radius-sm);
    background: var(--escalated-color-surface);
    padding: var(--escalated-space-xs) var(--escalated-space-md);
  }

  button:hover:not(:disabled) {
    background: var(--escalated-color-surface-raised);
  }

  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }

  button.primary {
    background: var(--escalated-color-primary);
    border-color: var(--escalated-color-primary);
    color: var(--escalated-color-on-primary);
  }

  button.primary:hover:not(:disabled) {
    background: var(--escalated-color-primary-hover);
  }

  button.link {
    border-color: transparent;
    background: transparent;
    color: var(--escalated-color-primary);
    padding: 0;
    text-align: start;
    text-decoration: underline;
  }

  input,
  select,
  textarea {
    width: 100%;
    border: var(--escalated-border-width) solid var(--escalated-color-border);
    border-radius: var(--escalated-radius-sm);
    background: var(--escalated-color-surface);
    padding: var(--escalated-space-sm);
  }

  textarea {
    min-height: 120px;
    resize: vertical;
  }

  [aria-invalid='true'] {
    border-color: var(--escalated-color-danger);
  }

  :focus-visible {
    outline: var(--escalated-focus-ring-width) solid var(--escalated-color-focus);
    outline-offset: 2px;
  }

  .field {
    display: grid;
    gap: var(--escalated-space-xs);
  }

  .field label,
  .field legend {
    font-weight: 600;
  }

  .field-error,
  .error {
    color: var(--escalated-color-danger);
  }

  .hint,
  .muted,
  time {
    color: var(--escalated-color-text-muted);
    font-size: var(--escalated-font-size-sm);
  }

  .error {
    display: flex;
    flex-wrap: wrap;
    gap: var(--escalated-space-sm);
    align-items: center;
    padding: var(--escalated-space-sm) var(--escalated-space-md);
    border-radius: var(--escalated-radius-sm);
    background: var(--escalated-color-danger-surface);
    color: var(--escalated-color-danger-text);
  }

  .chip {
    display: inline-block;
    padding: 0 var(--escalated-space-sm);
    border-radius: var(--escalated-radius-sm);
    font-size: var(--escalated-font-size-sm);
    font-weight: 600;
    white-space: nowrap;
    background: var(--escalated-color-neutral-surface);
    color: var(--escalated-color-neutral-text);
  }

  .chip.status-open,
  .chip.status-reopened,
  .chip.status-in_progress {
    background: var(--escalated-color-info-surface);
    color: var(--escalated-color-info-text);
  }

  .chip.status-waiting_on_customer,
  .chip.status-waiting_on_agent {
    background: var(--escalated-color-warning-surface);
    color: var(--escalated-color-warning-text);
  }

  .chip.status-escalated,
  .chip.priority-urgent,
  .chip.priority-critical {
    background: var(--escalated-color-danger-surface);
    color: var(--escalated-color-danger-text);
  }

  .chip.status-resolved {
    background: var(--escalated-color-success-surface);
    color: var(--escalated-color-success-text);
  }

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--escalated-space-sm);
    align-items: center;
  }

  .stack {
    display: grid;
    gap: var(--escalated-space-lg);
  }

  .subject,
  .body {
    overflow-wrap: anywhere;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }

  @media (forced-colors: active) {
    .chip,
    button,
    .error {
      border: var(--escalated-border-width) solid CanvasText;
    }

    :focus-visible {
      outline-color: Highlight;
    }
  }

  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
      animation: none !important;
    }
  }
`;
